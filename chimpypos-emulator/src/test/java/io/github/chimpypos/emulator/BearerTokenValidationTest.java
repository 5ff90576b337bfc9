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

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BearerTokenValidationTest {

    private static final MutableClock CLOCK = MutableClock.fixedAtNow();
    private static final String CHECK = "/api/v2/batteries/BAT0001?rental_type=pickup";

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(
            ChimpyPosEmulator.builder().clock(CLOCK).accessTokenLifetime(Duration.ofHours(1)));

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void validTokenIsAccepted() {
        assertThat(client.get(CHECK, client.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        assertUnauthorized(client.get(CHECK, null), "Missing bearer token");
    }

    @Test
    void otherAuthorizationSchemeIs401() {
        TestClient.Reply reply = client.send(client.api(CHECK, null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()
                .build());

        assertUnauthorized(reply, "Bearer");
    }

    @Test
    void malformedTokenIs401() {
        assertUnauthorized(client.get(CHECK, "not.a.jwt"), "malformed");
    }

    @Test
    void expiredTokenIs401OnceTheClockPassesExp() {
        String token = client.accessToken();
        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(client.get(CHECK, token).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(1));

        assertUnauthorized(client.get(CHECK, token), "expired");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        String genuine = client.accessToken();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        String kid = TestClient.MAPPER
                .readTree(Base64.getUrlDecoder().decode(genuine.split("\\.")[0]))
                .get("kid")
                .asText();
        Instant now = CLOCK.instant();
        String forged = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(EMULATOR.emulator().issuer())
                .subject("auth0|attacker")
                .audience()
                .single(EMULATOR.emulator().credentials().audience())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600)))
                .id("999999.ff")
                .signWith(attacker.getPrivate(), Jwts.SIG.RS256)
                .compact();

        assertUnauthorized(client.get(CHECK, forged), "signature");
    }

    @Test
    void tokenWithTamperedPayloadIs401() {
        String[] parts = client.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String tampered = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("auth0|", "auth0|x").getBytes());

        assertUnauthorized(client.get(CHECK, parts[0] + "." + tampered + "." + parts[2]), "signature");
    }

    @Test
    void unsignedTokenIs401() {
        String unsigned = Jwts.builder()
                .issuer(EMULATOR.emulator().issuer())
                .audience()
                .single(EMULATOR.emulator().credentials().audience())
                .expiration(Date.from(CLOCK.instant().plusSeconds(600)))
                .compact();

        assertThat(client.get(CHECK, unsigned).status()).isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        try (ChimpyPosEmulator other = ChimpyPosEmulator.builder()
                .clock(CLOCK)
                .credentials(
                        new DemoCredentials("chimpy-sandbox-client", "https://other.api", "u@x.test", "pw", "secret"))
                .start()) {
            String foreign = new TestClient(other).accessToken();

            assertThat(client.get(CHECK, foreign).status()).isEqualTo(401);
        }
    }

    @Test
    void revokedTokenIs401AndNewTokensWork() {
        String token = client.accessToken();

        EMULATOR.emulator().control().revokeAllTokens();

        assertUnauthorized(client.get(CHECK, token), "revoked");
        assertThat(client.get(CHECK, client.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void unauthorizedCallsAreCountedAndChangeNothing() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", null);

        assertThat(EMULATOR.emulator().control().counters().apiCalls("createRental", 401))
                .isEqualTo(1);
        assertThat(client.get("/api/v2/batteries/BAT0002?rental_type=pickup", client.accessToken())
                        .json()
                        .at("/data/battery/status")
                        .asText())
                .isEqualTo("ready_for_pickup");
    }

    private static void assertUnauthorized(TestClient.Reply reply, String reasonFragment) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(reply.json().get("error_description").asText()).containsIgnoringCase(reasonFragment);
    }
}
