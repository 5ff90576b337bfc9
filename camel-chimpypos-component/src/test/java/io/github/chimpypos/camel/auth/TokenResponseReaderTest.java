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
package io.github.chimpypos.camel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenResponseReaderTest {

    private static final String TOKEN = "eyJ-secret-access-token-value";
    private static final String PASSWORD = "reader-Passw0rd!";
    private static final String SECRET = "reader-client-s3cret";

    private final TestClock clock = new TestClock();
    private final TokenResponseReader reader = new TokenResponseReader(clock, PASSWORD, SECRET);
    private final TokenRequest password = TokenRequest.grant(GrantType.password);

    private TokenResponse read(int status, String contentType, String body) {
        return reader.read(password, status, contentType, null, null, null, body.getBytes(StandardCharsets.UTF_8));
    }

    private TokenEndpointException failure(int status, String contentType, String body) {
        return catchThrowableOfType(TokenEndpointException.class, () -> read(status, contentType, body));
    }

    @Test
    void readsAnAuth0Answer() {
        TokenResponse response = read(
                200,
                "application/json",
                "{\"access_token\":\"" + TOKEN + "\",\"refresh_token\":\"rt-1\",\"expires_in\":86400,"
                        + "\"token_type\":\"Bearer\",\"scope\":\"offline_access\"}");

        assertThat(response.accessToken()).isEqualTo(TOKEN);
        assertThat(response.refreshToken()).isEqualTo("rt-1");
        assertThat(response.expiresIn()).isEqualTo(86400);
        assertThat(response.scope()).isEqualTo("offline_access");
    }

    @Test
    void acceptsOpaqueTokensLowerCaseBearerAndNumericStrings() {
        TokenResponse response = read(
                200,
                "application/json",
                "{\"access_token\":\"opaque\",\"expires_in\":\"300\",\"token_type\":\"bearer\"}");
        assertThat(read(200, null, "{\"access_token\":\"opaque\",\"expires_in\":3600.0}")
                        .expiresIn())
                .isEqualTo(3600);

        assertThat(response.expiresIn()).isEqualTo(300);
        assertThat(response.refreshToken()).isNull();
    }

    static Stream<Arguments> malformedAnswers() {
        return Stream.of(
                Arguments.of("no access_token", "application/json", "{\"expires_in\":3600,\"token_type\":\"Bearer\"}"),
                Arguments.of("empty access_token", "application/json", "{\"access_token\":\"\",\"expires_in\":3600}"),
                Arguments.of("missing expires_in", "application/json", "{\"access_token\":\"" + TOKEN + "\"}"),
                Arguments.of(
                        "negative expires_in",
                        "application/json",
                        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":-5}"),
                Arguments.of(
                        "zero expires_in", "application/json", "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":0}"),
                Arguments.of(
                        "non-numeric expires_in",
                        "application/json",
                        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":\"soon\"}"),
                Arguments.of(
                        "fractional expires_in",
                        "application/json",
                        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":36.5}"),
                Arguments.of(
                        "truncated JSON", "application/json", "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":36"),
                Arguments.of(
                        "HTML page", "text/html", "<!DOCTYPE html><html><body>Maintenance " + TOKEN + "</body></html>"),
                Arguments.of("plain text", "text/plain", "access_token=" + TOKEN),
                Arguments.of("empty body", "application/json", ""),
                Arguments.of("JSON array", "application/json", "[\"" + TOKEN + "\"]"),
                Arguments.of(
                        "wrong token type",
                        "application/json",
                        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"mac\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAnswers")
    void malformedAnswersAreClassifiedWithoutQuotingTheBody(String name, String contentType, String body) {
        TokenEndpointException failure = failure(200, contentType, body);

        assertThat(failure).as(name).isNotNull();
        assertThat(failure.getReason()).isEqualTo(TokenFailureReason.MALFORMED_RESPONSE);
        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("HTTP 200").doesNotContain(TOKEN);
        assertThat(failure.getCause()).isNull();
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void classifiesByTheOauthErrorWhateverTheStatus() {
        String invalidGrant = "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}";
        assertThat(failure(403, "application/json", invalidGrant).getReason())
                .isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
        assertThat(failure(400, "application/json", invalidGrant).getReason())
                .isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
        assertThat(failure(401, "application/json", "{\"error\":\"invalid_client\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
        assertThat(failure(403, "application/json", "{\"error\":\"unauthorized_client\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
        assertThat(failure(
                                401,
                                "application/json",
                                "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.ACCESS_DENIED);
        assertThat(failure(403, "application/json", "{\"error\":\"access_denied\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.ACCESS_DENIED);
        assertThat(failure(400, "application/json", "{\"error\":\"unsupported_grant_type\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.ACCESS_DENIED);

        TokenEndpointException wrongPassword = failure(403, "application/json", invalidGrant);
        assertThat(wrongPassword.getOauthError()).isEqualTo("invalid_grant");
        assertThat(wrongPassword.getStatusCode()).isEqualTo(403);
        assertThat(wrongPassword.isRejection()).isTrue();
        assertThat(wrongPassword.getMessage())
                .isEqualTo(
                        "The token service rejected the password grant: HTTP 403 invalid_grant (Wrong email or password.)"
                                + " - check username and password");
    }

    @Test
    void rateLimitsCarryTheirRetryAfter() {
        TokenEndpointException seconds = catchThrowableOfType(
                TokenEndpointException.class,
                () -> reader.read(
                        password,
                        429,
                        "application/json",
                        "30",
                        null,
                        null,
                        "{\"error\":\"too_many_requests\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(seconds.getReason()).isEqualTo(TokenFailureReason.RATE_LIMITED);
        assertThat(seconds.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));

        TokenEndpointException httpDate = catchThrowableOfType(
                TokenEndpointException.class,
                () -> reader.read(password, 429, null, "Tue, 01 Jan 2030 00:02:00 GMT", null, null, new byte[0]));
        assertThat(httpDate.getRetryAfter()).isEqualTo(Duration.ofMinutes(2));

        TokenEndpointException auth0Reset = catchThrowableOfType(
                TokenEndpointException.class,
                () -> reader.read(
                        password,
                        429,
                        null,
                        null,
                        String.valueOf(clock.instant().plusSeconds(45).getEpochSecond()),
                        null,
                        new byte[0]));
        assertThat(auth0Reset.getRetryAfter()).isEqualTo(Duration.ofSeconds(45));

        TokenEndpointException bruteForce =
                failure(429, "application/json", "{\"error\":\"too_many_attempts\",\"error_description\":\"blocked\"}");
        // Auth0's brute-force block is a lockout of the user, not a rate limit: waiting does not lift it.
        assertThat(bruteForce.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
        assertThat(bruteForce.getMessage()).contains("blocked").contains("unblock the user");
        assertThat(bruteForce.getRetryAfter()).isNull();
    }

    @Test
    void serverErrorsAreTransientAndOtherStatusesAreNamed() {
        TokenEndpointException unavailable = failure(503, "text/html", "<html>Service Unavailable</html>");
        assertThat(unavailable.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
        assertThat(unavailable.isTransient()).isTrue();
        assertThat(failure(500, "application/json", "{\"error\":\"server_error\"}")
                        .getReason())
                .isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);

        TokenEndpointException notFound = failure(404, "text/html", "<html>Not Found</html>");
        // Any 4xx other than 401, 403 and 429 is the configuration's fault: not transient.
        assertThat(notFound.getReason()).isEqualTo(TokenFailureReason.REQUEST_REJECTED);
        assertThat(notFound.isTransient()).isFalse();
        assertThat(notFound.getMessage()).contains("HTTP 404").contains("HTML").contains("tokenUrl");
        assertThat(failure(302, null, "").getMessage()).contains("redirect");
        assertThat(failure(401, null, "").getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
    }

    @Test
    void errorDescriptionsNeverEchoSecrets() {
        TokenEndpointException failure = failure(
                403,
                "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"password " + PASSWORD + " or secret " + SECRET
                        + " is wrong\"}");
        TokenEndpointException refresh = catchThrowableOfType(
                TokenEndpointException.class,
                () -> reader.read(
                        TokenRequest.refresh("rt-secret-value"),
                        403,
                        "application/json",
                        null,
                        null,
                        null,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown token rt-secret-value\"}"
                                .getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.getMessage())
                .doesNotContain(PASSWORD)
                .doesNotContain(SECRET)
                .contains("******");
        assertThat(refresh.getMessage()).doesNotContain("rt-secret-value").contains("refresh token request");
    }
}
