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

import java.time.Instant;

import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import io.github.chimpypos.camel.auth.TokenLifecycle.Phase;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state derived from one value and the clock, as a table (times in ms from the token's request). */
class TokenLifecycleTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final TokenEndpointException FAILURE =
            new TokenEndpointException(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, 503, null, "down");

    @ParameterizedTest(name = "token {0}, blocked by {1} until {2}, at {3}: {4}")
    @CsvSource({
        // a token served until 3000, renewal due at 2000
        "true, , 0, 1000, FRESH",
        "true, , 0, 2000, STALE",
        "true, TRANSIENT, 2500, 2000, FRESH",
        "true, TRANSIENT, 2500, 2500, STALE",
        "true, , 0, 3000, EXPIRED",
        // no token
        "false, , 0, 0, EXPIRED",
        "false, TRANSIENT, 5000, 4000, BACKING_OFF",
        "false, RATE_LIMITED, 5000, 4000, BACKING_OFF",
        "false, CREDENTIALS_REJECTED, 5000, 4000, CREDENTIALS_LOCKED",
        "false, CREDENTIALS_REJECTED, 5000, 5000, EXPIRED",
        "false, UNTIL_RESET, -1, 999999999, LOCKED_UNTIL_RESET",
        // a lockout does not take a still-served token away
        "true, UNTIL_RESET, -1, 1000, FRESH"
    })
    void phaseFollowsFromTheValueAndTheClock(boolean token, Rung blockedBy, long until, long at, Phase phase) {
        TokenLifecycle state = TokenLifecycle.EMPTY;
        if (token) {
            AccessToken value = new AccessToken("t", T0, T0.plusSeconds(4));
            long start = T0.toEpochMilli();
            state = state.installed(new Served(value, start + 3000, start + 2000), null, null, false);
        }
        if (blockedBy != null) {
            state = state.failed(FAILURE, blockedBy, until < 0 ? null : T0.plusMillis(until));
        }
        assertThat(state.phaseAt(T0.toEpochMilli() + at)).isEqualTo(phase);
    }

    @ParameterizedTest(name = "token {0}, blocked by {1} until {2}, renewing {3}, at {4}: shown {5}")
    @CsvSource({
        // a token served until 3000
        "true, , 0, false, 1000, VALID",
        "true, , 0, true, 1000, RENEWING",
        "true, , 0, false, 3000, NO_TOKEN",
        // a lockout is shown first: it needs a person, even while a token is still served
        "true, CREDENTIALS_REJECTED, 5000, false, 1000, CREDENTIALS_LOCKED",
        "false, UNTIL_RESET, -1, true, 4000, CREDENTIALS_LOCKED",
        "false, CREDENTIALS_REJECTED, 5000, false, 5000, FAILING",
        "false, TRANSIENT, 5000, false, 4000, FAILING",
        "false, RATE_LIMITED, 5000, true, 4000, RENEWING",
        "false, , 0, false, 0, NO_TOKEN"
    })
    void shownStateFollowsFromTheValueAndTheClock(
            boolean token, Rung blockedBy, long until, boolean renewing, long at, TokenProviderState shown) {
        assertThat(state(token, blockedBy, until).shownAt(T0.toEpochMilli() + at, renewing))
                .isEqualTo(shown);
    }

    @ParameterizedTest(name = "token {0}, blocked by {1} until {2}: timer due at {3}")
    @CsvSource({
        "true, , 0, 2000", // the renewal's due instant
        "true, TRANSIENT, 2500, 2500", // a backoff that ends later postpones it
        "true, TRANSIENT, 1500, 2000", // one that ends earlier does not
        "true, UNTIL_RESET, -1, -1", // nothing may be sent until a reset: no timer
        "false, TRANSIENT, 2500, -1" // nothing to renew: the next caller starts the request
    })
    void renewalTimerIsDueAtTheRenewalOrTheEndOfTheWait(boolean token, Rung blockedBy, long until, long due) {
        long expected = due < 0 ? -1 : T0.toEpochMilli() + due;
        assertThat(state(token, blockedBy, until).wakeUpDueMillis()).isEqualTo(expected);
    }

    /** A token served until 3000 with its renewal due at 2000, and a wait set by {@code blockedBy} until then. */
    private static TokenLifecycle state(boolean token, Rung blockedBy, long until) {
        TokenLifecycle state = TokenLifecycle.EMPTY;
        if (token) {
            AccessToken value = new AccessToken("t", T0, T0.plusSeconds(4));
            long start = T0.toEpochMilli();
            state = state.installed(new Served(value, start + 3000, start + 2000), null, null, false);
        }
        if (blockedBy != null) {
            state = state.failed(FAILURE, blockedBy, until < 0 ? null : T0.plusMillis(until));
        }
        return state;
    }

    @ParameterizedTest(name = "held {0}, presented {1}, answer brought {2}: held after {3}")
    @CsvSource({
        // a rotation replaces the presented token, even when another one is held by now
        "rt-1, rt-1, rt-2, rt-2",
        "rt-3, rt-1, rt-2, rt-2",
        // a spent refresh token is dropped, but only the one presented
        "rt-1, rt-1, , ",
        "rt-3, rt-1, , rt-3",
        // a grant without a refresh token presented keeps whatever its answer brings
        "rt-1, , rt-2, rt-2",
        ", , , "
    })
    void aRefreshTokenIsReplacedOnlyWhereItWasPresented(String held, String presented, String next, String after) {
        TokenLifecycle state = TokenLifecycle.EMPTY.withRefreshToken(held);
        assertThat(state.refreshTokenReplaced(presented, next).refreshToken()).isEqualTo(after);
    }
}
