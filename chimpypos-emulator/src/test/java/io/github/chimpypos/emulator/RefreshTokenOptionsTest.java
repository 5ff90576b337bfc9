/*
 * Copyright the camel-chimpypos authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.chimpypos.emulator;

import static io.github.chimpypos.emulator.TokenEndpointTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Rotation switched off, and Auth0's reuse interval ("overlap"). */
class RefreshTokenOptionsTest {

    @Test
    void withoutRotationTheSameRefreshTokenStaysValidAndNoneIsReturned() {
        try (ChimpyPosEmulator emulator =
                ChimpyPosEmulator.builder().refreshTokenRotation(false).start()) {
            TestClient client = new TestClient(emulator);
            String token =
                    client.passwordGrant(true).json().get("refresh_token").asText();

            TestClient.Reply first = client.refresh(token);
            TestClient.Reply second = client.refresh(token);

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(first.json().has("refresh_token")).isFalse();
            assertThat(second.json().get("access_token").asText()).isNotBlank();
        }
    }

    @Test
    void withinTheReuseIntervalThePreviousTokenGetsTheCurrentOne() {
        MutableClock clock = MutableClock.fixedAtNow();
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.builder()
                .clock(clock)
                .refreshTokenReuseInterval(Duration.ofSeconds(30))
                .start()) {
            TestClient client = new TestClient(emulator);
            String first =
                    client.passwordGrant(true).json().get("refresh_token").asText();
            String second = client.refresh(first).json().get("refresh_token").asText();

            clock.advance(Duration.ofSeconds(10));
            TestClient.Reply retry = client.refresh(first);

            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json().get("refresh_token").asText()).isEqualTo(second);

            clock.advance(Duration.ofSeconds(30));
            assertError(client.refresh(first), 403, "invalid_grant");
            assertError(client.refresh(second), 403, "invalid_grant");
        }
    }
}
