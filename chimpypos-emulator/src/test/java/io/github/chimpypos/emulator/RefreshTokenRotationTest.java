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

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefreshTokenRotationTest {

    private static final MutableClock CLOCK = MutableClock.fixedAtNow();

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR =
            ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder().clock(CLOCK));

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void refreshReturnsNewAccessAndRotatedRefreshToken() {
        String first = client.passwordGrant(true).json().get("refresh_token").asText();

        TestClient.Reply reply = client.refresh(first);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isNotBlank();
        assertThat(reply.json().get("refresh_token").asText()).isNotEqualTo(first);
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("refresh_token", "success"))
                .isEqualTo(1);
        assertThat(EMULATOR.emulator().control().counters().refreshTokenReuseDetections())
                .isZero();
    }

    @Test
    void reusingARotatedTokenIsRejectedAndRevokesTheWholeFamily() {
        String first = client.passwordGrant(true).json().get("refresh_token").asText();
        String second = client.refresh(first).json().get("refresh_token").asText();

        TestClient.Reply reuse = client.refresh(first);

        assertError(reuse, 403, "invalid_grant");
        assertThat(reuse.json().get("error_description").asText()).isEqualTo("Unknown or invalid refresh token.");
        // the legitimate latest token died with its family
        assertError(client.refresh(second), 403, "invalid_grant");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("refresh_token", "invalid_grant"))
                .isEqualTo(2);
        assertThat(EMULATOR.emulator().control().counters().refreshTokenReuseDetections())
                .as("the reuse revoked the family; presenting its latest token after that is no second reuse")
                .isEqualTo(1);
    }

    @Test
    void otherFamiliesSurviveAReuseDetection() {
        String stolen = client.passwordGrant(true).json().get("refresh_token").asText();
        client.refresh(stolen);
        String otherLogin =
                client.passwordGrant(true).json().get("refresh_token").asText();

        client.refresh(stolen);

        assertThat(client.refresh(otherLogin).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIs403InvalidGrant() {
        assertError(client.refresh("not-a-token"), 403, "invalid_grant");
    }

    @Test
    void refreshTokenOfAnotherClientIsRejected() {
        String token = client.passwordGrant(true).json().get("refresh_token").asText();

        TestClient.Reply reply = client.tokenJson(
                java.util.Map.of("grant_type", "refresh_token", "client_id", "other-client", "refresh_token", token));

        assertError(reply, 401, "invalid_client");
    }

    @Test
    void refreshTokenFamilyExpiresAfterThirtyDays() {
        String token = client.passwordGrant(true).json().get("refresh_token").asText();

        CLOCK.advance(Duration.ofDays(30));

        assertError(client.refresh(token), 403, "invalid_grant");
    }

    @Test
    void revokeAllTokensInvalidatesRefreshTokens() {
        String token = client.passwordGrant(true).json().get("refresh_token").asText();

        EMULATOR.emulator().control().revokeAllTokens();

        assertError(client.refresh(token), 403, "invalid_grant");
        assertThat(client.passwordGrant(true).status()).isEqualTo(200);
    }

    @Test
    void revokeAccessTokensKeepsRefreshTokensWorking() {
        TestClient.Reply login = client.passwordGrant(true);
        String access = login.json().get("access_token").asText();

        EMULATOR.emulator().control().revokeAccessTokens();

        assertThat(client.get("/api/v2/users/APPUSER1", access).status()).isEqualTo(401);
        TestClient.Reply refreshed =
                client.refresh(login.json().get("refresh_token").asText());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(client.get(
                                "/api/v2/users/APPUSER1",
                                refreshed.json().get("access_token").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void resetStateForgetsRefreshTokens() {
        String token = client.passwordGrant(true).json().get("refresh_token").asText();

        EMULATOR.emulator().control().resetState();

        assertError(client.refresh(token), 403, "invalid_grant");
    }
}
