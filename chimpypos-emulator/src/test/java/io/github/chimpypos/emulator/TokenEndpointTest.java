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

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenEndpointTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void passwordGrantWithJsonBodyReturnsBearerTokenWithoutRefreshToken() {
        TestClient.Reply reply = client.passwordGrant(false);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(reply.json().has("refresh_token")).isFalse();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void passwordGrantWithFormBodyAndOfflineAccessReturnsRefreshToken() {
        Map<String, String> params = client.passwordParams();
        params.put("scope", "offline_access");

        TestClient.Reply reply = client.tokenForm(params);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("refresh_token").asText()).hasSizeGreaterThan(30);
        assertThat(reply.json().get("scope").asText()).isEqualTo("offline_access");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("password", "success"))
                .isEqualTo(1);
    }

    @Test
    void issuedTokenVerifiesWithTheJwksAndCarriesAuth0Claims() throws Exception {
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        String token = client.passwordGrant(true).json().get("access_token").asText();
        JsonNode jwk = client.send(HttpRequest.newBuilder(emulator.jwksUrl()).build())
                .json()
                .at("/keys/0");

        Jws<Claims> jws = Jwts.parser().verifyWith(rsaKey(jwk)).build().parseSignedClaims(token);

        assertThat(jwk.get("alg").asText()).isEqualTo("RS256");
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
        assertThat(jws.getHeader().getKeyId()).isEqualTo(jwk.get("kid").asText());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
        Claims claims = jws.getPayload();
        assertThat(claims.getIssuer()).isEqualTo(emulator.issuer()).endsWith("/");
        assertThat(claims.getSubject()).startsWith("auth0|");
        assertThat(claims.getAudience()).containsExactly(emulator.credentials().audience());
        assertThat(claims.get("azp", String.class))
                .isEqualTo(emulator.credentials().clientId());
        assertThat(claims.get("scope", String.class)).isEqualTo("offline_access");
        assertThat(claims.getId()).isNotBlank();
        assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime())
                .isEqualTo(86_400_000L);
    }

    @Test
    void audienceClaimIsAPlainStringLikeAuth0() throws Exception {
        String token = client.accessToken();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        assertThat(TestClient.MAPPER.readTree(payload).get("aud").isTextual()).isTrue();
    }

    @Test
    void clientCredentialsGrantIssuesMachineToken() throws Exception {
        DemoCredentials c = EMULATOR.emulator().credentials();
        TestClient.Reply reply = client.tokenJson(Map.of(
                "grant_type", "client_credentials",
                "client_id", c.clientId(),
                "client_secret", c.clientSecret(),
                "audience", c.audience()));

        assertThat(reply.status()).isEqualTo(200);
        String payload = new String(Base64.getUrlDecoder()
                .decode(reply.json().get("access_token").asText().split("\\.")[1]));
        assertThat(TestClient.MAPPER.readTree(payload).get("sub").asText()).isEqualTo(c.clientId() + "@clients");
        assertThat(reply.json().has("refresh_token")).isFalse();
        assertThat(client.get(
                                "/api/v2/users/APPUSER1",
                                reply.json().get("access_token").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void clientCredentialsWithWrongSecretIsInvalidClient() {
        DemoCredentials c = EMULATOR.emulator().credentials();
        TestClient.Reply reply = client.tokenJson(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                c.clientId(),
                "client_secret",
                "wrong",
                "audience",
                c.audience()));

        assertError(reply, 401, "invalid_client");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("client_credentials", "invalid_client"))
                .isEqualTo(1);
    }

    @Test
    void clientCredentialsWithoutSecretIsInvalidClient() {
        DemoCredentials c = EMULATOR.emulator().credentials();
        TestClient.Reply reply = client.tokenJson(
                Map.of("grant_type", "client_credentials", "client_id", c.clientId(), "audience", c.audience()));

        assertError(reply, 401, "invalid_client");
    }

    @Test
    void wrongPasswordIs403InvalidGrant() {
        Map<String, String> params = client.passwordParams();
        params.put("password", "nope");

        TestClient.Reply reply = client.tokenJson(params);

        assertError(reply, 403, "invalid_grant");
        assertThat(reply.json().get("error_description").asText()).isEqualTo("Wrong email or password.");
    }

    @Test
    void unknownUserIs403InvalidGrant() {
        Map<String, String> params = client.passwordParams();
        params.put("username", "someone@else.test");

        assertError(client.tokenJson(params), 403, "invalid_grant");
    }

    @Test
    void unknownAudienceIs401AccessDeniedNamingTheAudience() {
        Map<String, String> params = client.passwordParams();
        params.put("audience", "https://unknown.api");

        TestClient.Reply reply = client.tokenJson(params);

        assertError(reply, 401, "access_denied");
        assertThat(reply.json().get("error_description").asText()).isEqualTo("Service not found: https://unknown.api");
    }

    @Test
    void unknownClientIs401InvalidClient() {
        Map<String, String> params = client.passwordParams();
        params.put("client_id", "who-knows");

        assertError(client.tokenJson(params), 401, "invalid_client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "audience", "username", "password", "grant_type"})
    void missingParameterIs400InvalidRequest(String parameter) {
        Map<String, String> params = client.passwordParams();
        params.remove(parameter);

        TestClient.Reply reply = client.tokenJson(params);

        assertError(reply, 400, "invalid_request");
        assertThat(reply.json().get("error_description").asText()).contains(parameter);
    }

    @Test
    void unknownGrantTypeIs400UnsupportedGrantType() {
        Map<String, String> params = client.passwordParams();
        params.put("grant_type", "authorization_code");

        assertError(client.tokenJson(params), 400, "unsupported_grant_type");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("unsupported", "unsupported_grant_type"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"grant_type\":", "[1,2]", "\"text\"", "{} {}", ""})
    void malformedJsonIs400InvalidRequest(String body) {
        TestClient.Reply reply =
                client.send(HttpRequest.newBuilder(EMULATOR.emulator().tokenUrl())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void nonStringParameterIs400InvalidRequest() {
        Map<String, Object> params = new HashMap<>(client.passwordParams());
        params.put("password", 12345);

        TestClient.Reply reply = client.tokenJson(params);

        assertError(reply, 400, "invalid_request");
        assertThat(reply.json().get("error_description").asText()).contains("password");
    }

    @Test
    void unsupportedContentTypeIs400InvalidRequest() {
        TestClient.Reply reply =
                client.send(HttpRequest.newBuilder(EMULATOR.emulator().tokenUrl())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password"))
                        .build());

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void oversizedBodyIs413AndNothingIsIssued() {
        String huge = "{\"grant_type\":\"password\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        TestClient.Reply reply =
                client.send(HttpRequest.newBuilder(EMULATOR.emulator().tokenUrl())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(huge))
                        .build());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("missing", "success"))
                .isZero();
    }

    @Test
    void getOnTokenEndpointIs405() {
        TestClient.Reply reply = client.send(
                HttpRequest.newBuilder(EMULATOR.emulator().tokenUrl()).GET().build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST");
    }

    @Test
    void unknownAuthPathIs404Json() {
        TestClient.Reply reply =
                client.send(HttpRequest.newBuilder(EMULATOR.emulator().authUrl().resolve("/authorize"))
                        .GET()
                        .build());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void shortenedLifetimeAppliesToNewTokens() {
        EMULATOR.emulator().control().setAccessTokenLifetime(java.time.Duration.ofSeconds(60));

        assertThat(client.passwordGrant(false).json().get("expires_in").asLong())
                .isEqualTo(60);
    }

    static void assertError(TestClient.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    private static PublicKey rsaKey(JsonNode jwk) throws Exception {
        BigInteger modulus =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
        BigInteger exponent =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
}
