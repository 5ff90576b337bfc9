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
}
