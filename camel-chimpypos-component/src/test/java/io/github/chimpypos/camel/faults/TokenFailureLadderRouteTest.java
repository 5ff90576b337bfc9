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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rung of the failure ladder, seen from a Camel route: what the exchange gets, how many token calls the token
 * service sees, and how the route recovers. Invariants: bounded token calls whatever the traffic, fail-fast exceptions
 * that say why without showing a credential, and recovery without a restart.
 */
class TokenFailureLadderRouteTest extends FaultsTestSupport {

    private static final String WRONG_PASSWORD = "wrong-Passw0rd-ladder-4711";

    /**
     * Rung 1, refresh rejected: after 31 idle days the refresh-token family is past its absolute lifetime. Invariant:
     * nothing lost (the exchange succeeds) and bounded calls: one rejected refresh, then exactly one password grant.
     */
    @Test
    void anExpiredRefreshTokenCostsOnePasswordGrantAndNoFailedExchange() {
        assertOk(checkBattery(1));
        CLOCK.advance(Duration.ofDays(31));

        assertOk(checkBattery(2));

        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(counters().tokenCalls()).isEqualTo(3);
        assertThat(counters().apiCalls("checkBattery", 401)).isZero();
    }

    /**
     * Rung 1 after a 401: every token of the family was revoked. Invariant: nothing lost; the exchange is replayed once
     * after one rejected refresh and one password grant.
     */
    @Test
    void aRevokedTokenFamilyCostsOneRejectedRefreshOnePasswordGrantAndOneReplay() {
        assertOk(checkBattery(1));
        control().revokeAllTokens();

        assertOk(checkBattery(2));

        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(counters().apiCalls("checkBattery", 401)).isEqualTo(1);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(2);
    }

    /**
     * Rung 2, wrong password: a minute of traffic (500 exchanges) costs one token call, every exchange fails fast saying
     * the credentials were rejected (never the password), and half an hour more of traffic costs two more calls (after
     * 5 and 10 more minutes: the quiet period doubles), then none, so the token service's brute-force lock (10 wrong
     * passwords) is never reached. Invariant: at most 3 rejected attempts.
     */
    @Test
    void aWrongPasswordCostsAtMostThreeTokenCallsAndNeverTriggersTheBruteForceLock() {
        component().getConfiguration().setPassword(WRONG_PASSWORD);
        Instant start = CLOCK.instant();

        for (int i = 0; i < 500; i++) {
            assertCredentialsRejected(checkBattery(i));
            CLOCK.advance(Duration.ofMillis(120));
        }

        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "invalid_grant")).isEqualTo(1);
        assertThat(counters().apiCalls()).isZero();
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        assertThat(provider().status().nextAttemptNotBefore()).isEqualTo(start.plus(QUIET_PERIOD));

        // 30 more minutes, one exchange every 5 s: attempts at 5 and 15 min, then none until a reset.
        for (int i = 0; i < 360; i++) {
            assertCredentialsRejected(checkBattery(i));
            CLOCK.advance(Duration.ofSeconds(5));
        }

        assertThat(counters().tokenCalls("password", "invalid_grant")).isEqualTo(3);
        assertThat(counters().tokenCalls()).isEqualTo(3);
        assertThat(provider().status().nextAttemptNotBefore()).isNull();
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        assertThat(counters().tokenCalls("password", "too_many_attempts")).isZero();
        assertThat(counters().apiCalls()).isZero();
    }

    /**
     * Rung 2 whatever the HTTP status: the OAuth error decides (Auth0 answers 403 invalid_grant, RFC 6749 servers 400).
     * Five minutes of traffic (one exchange every 10 s) cost one token call; the first exchange after the quiet period tries again and succeeds.
     * Invariant: bounded calls, recovery by the clock alone.
     */
    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({
        "403, invalid_grant,       CREDENTIALS_REJECTED, were rejected by the token service",
        "400, invalid_grant,       CREDENTIALS_REJECTED, were rejected by the token service",
        "401, invalid_client,      CREDENTIALS_REJECTED, were rejected by the token service",
        "403, unauthorized_client, CREDENTIALS_REJECTED, were rejected by the token service"
    })
    void aRejectedGrantLocksWhateverTheHttpStatusAndRecoversAfterTheQuietPeriod(
            int status, String error, TokenFailureReason reason, String says) {
        control().failNextTokenCalls(1, rejection(status, error));
        Instant start = CLOCK.instant();

        for (int second = 0; second < QUIET_PERIOD.toSeconds(); second += 10) {
            Exchange exchange = checkBattery(second);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(reason);
                assertThat(e.getOauthError()).isEqualTo(error);
                assertThat(e.getMessage()).contains(says).contains("no new attempt until " + start.plus(QUIET_PERIOD));
            });
            CLOCK.advance(Duration.ofSeconds(10));
        }
        assertThat(counters().tokenCalls()).isEqualTo(1);

        assertOk(checkBattery(0));

        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(1);
    }

    /**
     * Rung 4, a request that can never succeed as configured (audience, scope, MFA, consent, an unknown 4xx): one call,
     * then none for a simulated day, the message says what to fix; the operator reset lets the next exchange try.
     * Invariant: one call until reset.
     */
    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({
        "401, access_denied,    ACCESS_DENIED,    check audience",
        "400, invalid_scope,    ACCESS_DENIED,    check scope",
        "403, mfa_required,     ACCESS_DENIED,    exempt from MFA",
        "403, consent_required, ACCESS_DENIED,    grant consent",
        "404, not_found,        REQUEST_REJECTED, check tokenUrl"
    })
    void aRequestRefusedAsConfiguredStopsUntilReset(int status, String error, TokenFailureReason reason, String says) {
        control().failNextTokenCalls(1, rejection(status, error));

        for (int hour = 0; hour < 24; hour++) {
            Exchange exchange = checkBattery(hour);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(reason);
                assertThat(e.getMessage())
                        .contains("HTTP " + status)
                        .contains(says)
                        .contains("no automatic attempt until the configuration changes");
            });
            CLOCK.advance(Duration.ofHours(1));
        }
        assertThat(counters().tokenCalls()).isEqualTo(1);

        provider().resetCredentialsLockout();
        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    /** Rung 2, operator reset (the JMX operation): the next exchange tries again at once. Invariant: bounded calls. */
    @Test
    void anOperatorResetEndsTheCredentialsLockoutAtOnce() {
        control().failNextTokenCalls(1, rejection(403, "invalid_grant"));
        for (int i = 0; i < 50; i++) {
            assertThat(checkBattery(i).getException()).isInstanceOf(ChimpyPosAuthenticationException.class);
        }
        assertThat(counters().tokenCalls()).isEqualTo(1);

        provider().resetCredentialsLockout();

        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.VALID);
    }

    /**
     * Rung 3, HTTP 429 with Retry-After: no token call before it has passed, every exchange meanwhile fails fast saying
     * so, and the first one after it succeeds. Invariant: bounded calls (two).
     */
    @Test
    void tooManyRequestsWithRetryAfterIsHonoured() {
        control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofSeconds(42)));
        Instant start = CLOCK.instant();

        for (int i = 0; i < 84; i++) {
            Exchange exchange = checkBattery(i);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.RATE_LIMITED);
                assertThat(e.getMessage())
                        .contains("rate-limited")
                        .contains("retry after 42 s")
                        .contains("no new attempt until " + start.plusSeconds(42));
            });
            CLOCK.advance(Duration.ofMillis(500));
        }
        assertThat(counters().tokenCalls()).isEqualTo(1);

        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    /**
     * Auth0's brute-force block (429 too_many_attempts): a lockout of the user, not a rate limit; waiting does not lift
     * it, so nothing is tried until an operator resets the lockout. Invariant: one call until reset.
     */
    @Test
    void aBruteForceBlockStopsAttemptsUntilReset() {
        control()
                .failNextTokenCalls(
                        1,
                        Fault.respond(
                                429,
                                "application/json",
                                "{\"error\":\"too_many_attempts\",\"error_description\":\"Your account has been blocked after"
                                        + " multiple consecutive login attempts.\"}"));

        assertThat(checkBattery(0).getException())
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED));
        assertThat(provider().status().nextAttemptNotBefore()).isNull();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(checkBattery(1).getException())
                .isInstanceOf(ChimpyPosAuthenticationException.class)
                .hasMessageContaining("unblock the user");
        assertThat(counters().tokenCalls()).isEqualTo(1);

        provider().resetCredentialsLockout();
        assertOk(checkBattery(2));
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    /** Rung 3, bounded: a Retry-After longer than tokenMaxRetryAfter is cut to it. Invariant: bounded waits. */
    @Test
    void aRetryAfterLongerThanTokenMaxRetryAfterIsCutToIt() {
        component()
                .getConfiguration()
                .setTokenMaxRetryAfter(Duration.ofMinutes(2).toMillis());
        control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofHours(1)));
        Instant start = CLOCK.instant();

        assertThat(checkBattery(0).getException()).isInstanceOf(ChimpyPosAuthenticationException.class);

        assertThat(provider().status().nextAttemptNotBefore()).isEqualTo(start.plus(Duration.ofMinutes(2)));
        CLOCK.advance(Duration.ofMinutes(2));
        assertOk(checkBattery(1));
    }

    /**
     * Rung 4, a blip of server errors or dropped connections shorter than the retries of one acquisition: the waiting
     * exchange gets its token. Invariant: nothing lost, bounded calls (1 + tokenMaxRetries).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"503", "500", "drop", "html502"})
    void aBlipShorterThanTheRetriesIsAbsorbed(String kind) {
        control().failNextTokenCalls(TOKEN_MAX_RETRIES, outage(kind));

        assertOk(checkBattery(0));

        assertThat(counters().tokenCalls()).isEqualTo(1 + TOKEN_MAX_RETRIES);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(1);
    }

    /**
     * Rung 4, a longer outage with no token yet: each acquisition makes 1 + tokenMaxRetries calls, the exchanges in
     * between fail fast, and the pause between acquisitions doubles (equal jitter: between half and all of 20 ms,
     * 40 ms, 80 ms, ...) up to tokenRetryMaxBackoff. Invariant: bounded calls whatever the traffic.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"503", "drop"})
    void aLongerOutageIsRetriedWithExponentialBackoffAndFailsFastInBetween(String kind) {
        int acquisitions = 4;
        control().failNextTokenCalls(acquisitions * (1 + TOKEN_MAX_RETRIES), outage(kind));

        List<Duration> pauses = new ArrayList<>();
        for (int acquisition = 0; acquisition < acquisitions; acquisition++) {
            for (int i = 0; i < 25; i++) {
                Exchange exchange = checkBattery(i);
                assertThat(exchange.getException())
                        .isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                            assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
                            assertThat(e.getMessage()).contains("token service").contains("no new attempt until");
                        });
            }
            assertThat(counters().tokenCalls()).isEqualTo((acquisition + 1L) * (1 + TOKEN_MAX_RETRIES));
            Instant notBefore = provider().status().nextAttemptNotBefore();
            pauses.add(Duration.between(CLOCK.instant(), notBefore));
            CLOCK.advance(Duration.between(CLOCK.instant(), notBefore));
        }

        for (int i = 0; i < acquisitions; i++) {
            long step = 20L << i;
            assertThat(pauses.get(i).toMillis()).as("pause " + i).isBetween(step / 2, step);
        }
        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(acquisitions * (1L + TOKEN_MAX_RETRIES) + 1);
    }

    private void assertCredentialsRejected(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
            assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
            assertThat(e.getMessage())
                    .contains("credentials of client " + credentials().clientId() + " were rejected")
                    .contains("invalid_grant")
                    .contains("Wrong email or password.")
                    .contains("resetCredentialsLockout");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t))
                        .doesNotContain(WRONG_PASSWORD)
                        .doesNotContain(credentials().password());
            }
        });
    }

    static Fault rejection(int status, String error) {
        return Fault.respond(
                status,
                "application/json",
                "{\"error\":\"" + error + "\",\"error_description\":\"Rejected by the fault-injection test\"}");
    }

    static Fault outage(String kind) {
        return switch (kind) {
            case "drop" -> Fault.dropConnection();
            case "html502" ->
                Fault.respond(502, "text/html", "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
            case "429" -> Fault.tooManyRequests(Duration.ofSeconds(20));
            default -> Fault.status(Integer.parseInt(kind));
        };
    }
}
