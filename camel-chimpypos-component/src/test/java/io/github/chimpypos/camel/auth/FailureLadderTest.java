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

import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which answer leads where, and how long the ladder waits, as tables. */
class FailureLadderTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final FailureLadder ladder = new FailureLadder(Duration.ofMinutes(5), Duration.ofMinutes(10));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "AUTH_SERVICE_UNAVAILABLE, , TRANSIENT",
        "MALFORMED_RESPONSE, , TRANSIENT",
        "TLS_FAILURE, , BACK_OFF",
        "RATE_LIMITED, too_many_requests, RATE_LIMITED",
        "CREDENTIALS_REJECTED, invalid_grant, CREDENTIALS_REJECTED",
        "CREDENTIALS_REJECTED, invalid_client, CREDENTIALS_REJECTED",
        // Auth0 blocked the user: waiting does not lift it, only an unblock does
        "CREDENTIALS_REJECTED, too_many_attempts, UNTIL_RESET",
        "RATE_LIMITED, too_many_attempts, UNTIL_RESET",
        "ACCESS_DENIED, mfa_required, UNTIL_RESET",
        "ACCESS_DENIED, access_denied, UNTIL_RESET",
        "REQUEST_REJECTED, , UNTIL_RESET"
    })
    void everyFailureHasOneRung(TokenFailureReason reason, String oauthError, Rung rung) {
        assertThat(FailureLadder.rungOf(new TokenEndpointException(reason, 400, oauthError, "x")))
                .isEqualTo(rung);
    }

    @ParameterizedTest(name = "after {0} rejection(s): quiet {1} min")
    @CsvSource({"1, 5", "2, 10", "3, ", "4, ", "100, "})
    void quietPeriodDoublesAndTheThirdRejectionLocksUntilReset(int rejections, Long minutes) {
        Duration quiet = ladder.quietPeriodAfter(rejections);
        assertThat(quiet).isEqualTo(minutes == null ? null : Duration.ofMinutes(minutes));
    }

    @Test
    void aRememberedLockoutGivesTheNextAllowedInstant() {
        TokenEndpointException rejected = new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED, 403, "invalid_grant", "wrong password");
        assertThat(ladder.notBefore(new CredentialLockouts.Lockout(1, T0, false, rejected)))
                .isEqualTo(T0.plusSeconds(300));
        assertThat(ladder.notBefore(new CredentialLockouts.Lockout(2, T0, false, rejected)))
                .isEqualTo(T0.plusSeconds(600));
        assertThat(ladder.notBefore(new CredentialLockouts.Lockout(3, T0, false, rejected)))
                .isNull();
        assertThat(ladder.notBefore(new CredentialLockouts.Lockout(1, T0, true, rejected)))
                .isNull();
    }

    @ParameterizedTest(name = "Retry-After {0} s, backoff step {1} s: wait {2} s")
    @CsvSource({
        // 0, missing or in the past (read as 0) waits at least the backoff step
        "0, 4, 4",
        ", 4, 4",
        "120, 4, 120",
        // never longer than maxRetryAfter
        "86400, 4, 600",
        ", 900, 600"
    })
    void rateLimitWaitsAtLeastTheBackoffStep(Long retryAfter, long step, long wait) {
        Duration asked = retryAfter == null ? null : Duration.ofSeconds(retryAfter);
        assertThat(ladder.rateLimitWait(asked, Duration.ofSeconds(step))).isEqualTo(Duration.ofSeconds(wait));
    }

    @ParameterizedTest(name = "{0} after {1} earlier rejection(s), Retry-After {2} s, step 4 s: wait {3} s")
    @CsvSource({
        "TRANSIENT, 0, , 4",
        "BACK_OFF, 0, , 4",
        "RATE_LIMITED, 0, 0, 4",
        "RATE_LIMITED, 0, 120, 120",
        // the first and second rejections wait the quiet period, doubling; the third: none until reset
        "CREDENTIALS_REJECTED, 0, , 300",
        "CREDENTIALS_REJECTED, 1, , 600",
        "CREDENTIALS_REJECTED, 2, , ",
        "UNTIL_RESET, 0, , "
    })
    void eachRungSetsItsWaitAndRejectionsAreRemembered(Rung rung, int earlier, Long retryAfter, Long waitSeconds) {
        CredentialLockouts lockouts = new CredentialLockouts();
        TokenEndpointException failure = new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED,
                403,
                "invalid_grant",
                "wrong password",
                null,
                retryAfter == null ? null : Duration.ofSeconds(retryAfter));
        for (int i = 0; i < earlier; i++) {
            lockouts.rejected("shop", T0.minusSeconds(1), failure);
        }

        Instant notBefore = ladder.notBeforeAfter(rung, failure, T0, Duration.ofSeconds(4), lockouts, "shop");

        assertThat(notBefore).isEqualTo(waitSeconds == null ? null : T0.plusSeconds(waitSeconds));
        boolean remembered = rung == Rung.CREDENTIALS_REJECTED || rung == Rung.UNTIL_RESET;
        assertThat(lockouts.get("shop") != null).isEqualTo(remembered || earlier > 0);
        if (remembered) {
            assertThat(lockouts.get("shop").rejections()).isEqualTo(earlier + 1);
        }
    }
}
