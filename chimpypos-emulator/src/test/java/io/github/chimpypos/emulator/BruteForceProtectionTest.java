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
import java.util.Map;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BruteForceProtectionTest {

    private static final MutableClock CLOCK = MutableClock.fixedAtNow();

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder()
            .clock(CLOCK)
            .bruteForceThreshold(3)
            .bruteForceLockDuration(Duration.ofMinutes(15)));

    private final TestClient client = new TestClient(EMULATOR.emulator());

    private TestClient.Reply wrongPassword() {
        Map<String, String> params = client.passwordParams();
        params.put("password", "guess");
        return client.tokenJson(params);
    }

    @Test
    void consecutiveWrongPasswordsLockTheUserEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertError(wrongPassword(), 403, "invalid_grant");
        }

        TestClient.Reply locked = client.passwordGrant(false);

        assertError(locked, 429, "too_many_attempts");
        assertThat(locked.header("Retry-After")).isEqualTo("900");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("password", "too_many_attempts"))
                .isEqualTo(1);
    }

    @Test
    void lockEndsWhenTheClockPassesTheLockDuration() {
        for (int i = 0; i < 3; i++) {
            wrongPassword();
        }
        CLOCK.advance(Duration.ofMinutes(10));
        TestClient.Reply stillLocked = client.passwordGrant(false);
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.header("Retry-After")).isEqualTo("300");

        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        wrongPassword();
        wrongPassword();
        assertThat(client.passwordGrant(false).status()).isEqualTo(200);

        wrongPassword();
        wrongPassword();

        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
    }

    @Test
    void resetStateUnlocksTheUser() {
        for (int i = 0; i < 3; i++) {
            wrongPassword();
        }

        EMULATOR.emulator().control().resetState();

        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
    }
}
