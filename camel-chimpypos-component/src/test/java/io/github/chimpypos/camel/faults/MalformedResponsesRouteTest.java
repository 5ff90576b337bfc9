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
package io.github.chimpypos.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Garbage from the token service or the API: each answer becomes a clear exception for the route, never a hot loop.
 * Invariants: bounded calls (a malformed token answer costs one acquisition, 1 + tokenMaxRetries calls, however many
 * exchanges arrive meanwhile), nothing lost beyond the exchange that met the garbage (the next one succeeds).
 */
class MalformedResponsesRouteTest extends FaultsTestSupport {

    private static final String JWT_LOOKING = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    /**
     * A malformed token answer (HTTP 200 unless said otherwise) is retried within one acquisition, then 100 exchanges
     * fail fast with an authentication exception naming the problem, and the first exchange after the backoff succeeds.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no access_token        | 200 | application/json | {"expires_in":600,"token_type":"Bearer"}                            | MALFORMED_RESPONSE       | no access_token
            negative expires_in    | 200 | application/json | {"access_token":"%s","expires_in":-1,"token_type":"Bearer"}         | MALFORMED_RESPONSE       | non-positive expires_in (-1)
            missing expires_in     | 200 | application/json | {"access_token":"%s","token_type":"Bearer"}                         | MALFORMED_RESPONSE       | no expires_in
            expires_in not a count | 200 | application/json | {"access_token":"%s","expires_in":"tomorrow"}                       | MALFORMED_RESPONSE       | not a whole number of seconds
            HTML error page        | 200 | text/html        | <!DOCTYPE html><html><body>Service unavailable</body></html>        | MALFORMED_RESPONSE       | HTML body
            truncated JSON         | 200 | application/json | {"access_token":"%s","expires_in":36                               | MALFORMED_RESPONSE       | invalid or truncated JSON
            HTML 502 of a proxy    | 502 | text/html        | <html><body><h1>502 Bad Gateway</h1></body></html>                  | AUTH_SERVICE_UNAVAILABLE | HTTP 502
            """)
    void aMalformedTokenAnswerBecomesAClearAuthenticationExceptionWithoutAHotLoop(
            String name, int status, String contentType, String body, TokenFailureReason reason, String says) {
        control()
                .failNextTokenCalls(
                        1 + TOKEN_MAX_RETRIES, Fault.respond(status, contentType, body.formatted(JWT_LOOKING)));

        for (int i = 0; i < 100; i++) {
            Exchange exchange = checkBattery(i);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(reason);
                assertThat(e.getMessage()).contains("token service").contains(says);
                assertThat(e.getMessage()).doesNotContain(JWT_LOOKING);
            });
        }
        assertThat(counters().tokenCalls()).isEqualTo(1 + TOKEN_MAX_RETRIES);
        assertThat(counters().apiCalls()).isZero();

        CLOCK.advance(MAX_BACKOFF);
        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(2 + TOKEN_MAX_RETRIES);
    }

    /**
     * An access token that is not a JWT is accepted as opaque (OAuth does not promise JWTs), and the API decides: it
     * answers 401, the token is renewed once and the exchange replayed once; when fresh tokens keep being rejected,
     * renewals on 401 pause (TOKEN_REJECTED_BY_API) for a tenth of the token's life, at most 30 s. Invariant: 100
     * exchanges cost three token calls, not one per exchange, and the route recovers by itself.
     */
    @Test
    void anAccessTokenThatIsNotAJwtAndThatTheApiRejectsCostsBoundedTokenCalls() {
        control()
                .failNextTokenCalls(
                        3,
                        Fault.respond(
                                200,
                                "application/json",
                                "{\"access_token\":\"opaque-not-a-jwt\",\"expires_in\":600,\"token_type\":\"Bearer\"}"));

        for (int i = 0; i < 100; i++) {
            Exchange exchange = checkBattery(i);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.TOKEN_REJECTED_BY_API);
                assertThat(e.getMessage()).contains("reject").contains("401").doesNotContain("opaque-not-a-jwt");
            });
        }
        assertThat(counters().tokenCalls()).isEqualTo(3);
        assertThat(counters().apiCalls("checkBattery", 401)).isBetween(100L, 200L);

        CLOCK.advance(Duration.ofSeconds(31));
        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(4);
    }

    /**
     * A malformed API answer to a GET becomes a ChimpyPosApiException with the HTTP status in the exception and the
     * header; it is not replayed and costs no token call. The next exchange succeeds.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTML page with 200     | 200 | text/html        | <!DOCTYPE html><html><body>Maintenance</body></html> | is not valid JSON
            truncated JSON         | 200 | application/json | {"data":{"battery":{"status":"ready_for_pi          | is not valid JSON
            JSON array             | 200 | application/json | []                                                   | is not a JSON object
            no resource in data    | 200 | application/json | {"data":{},"locale":"de-CH"}                         | has no object data.battery
            500 with an HTML page  | 500 | text/html        | <html><body>Internal Server Error</body></html>       | failed: HTTP 500
            502 of a proxy         | 502 | text/html        | <html><body>Bad Gateway</body></html>                | failed: HTTP 502
            """)
    void aMalformedApiAnswerBecomesAClearApiException(
            String name, int status, String contentType, String body, String says) {
        assertOk(checkBattery(0));
        control().failNextApiCalls(1, Fault.respond(status, contentType, body));

        Exchange exchange = checkBattery(1);

        assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosApiException.class, e -> {
            assertThat(e.getHttpResponseCode()).isEqualTo(status);
            assertThat(e.getMessage()).startsWith("checkBattery").contains(says);
        });
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.HTTP_STATUS))
                .isEqualTo(status);
        assertThat(counters().apiCalls("checkBattery")).isEqualTo(2);
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertOk(checkBattery(2));
    }

    /**
     * A 500 with an HTML page to createRental: not replayed by the component (the outcome is known: an error), and a
     * second try of the same exchange with its partner transaction id creates exactly one rental. Invariant: no
     * duplicate rental, nothing lost.
     */
    @Test
    void aMalformedAnswerToCreateRentalIsNotReplayedAndARetryWithTheSameIdCreatesOneRental() {
        control().failNextApiCalls(1, Fault.respond(500, "text/html", "<html><body>Oops</body></html>"));

        Exchange failed = pickup("BAT0401");

        assertThat(failed.getException()).isInstanceOf(ChimpyPosApiException.class);
        assertThat(counters().apiCalls("createRental")).isEqualTo(1);
        String transactionId = failed.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class);
        assertThat(transactionId).isNotBlank();

        failed.setException(null);
        template.send(PICKUP_ROUTE, failed);

        assertOk(failed);
        assertThat(failed.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID))
                .isEqualTo(transactionId);
        assertThat(failed.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("pickup_completed");
        assertThat(counters().createdRentals()).isEqualTo(1);
    }
}
