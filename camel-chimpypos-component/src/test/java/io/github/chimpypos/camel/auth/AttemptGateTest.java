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

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import io.github.chimpypos.camel.auth.TokenLifecycle.Phase;
import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a request may be sent, and the wait each failure leaves, on the injected clock. */
class AttemptGateTest {

    private static final Duration STEP = Duration.ofSeconds(4);

    private final TestClock clock = new TestClock();
    private final CredentialLockouts lockouts = new CredentialLockouts();
    private final TokenProviderSettings settings =
            DefaultTokenProviderTest.settings(clock).build();

    private AttemptGate gate(CredentialLockouts memory) {
        return new AttemptGate(settings, FailureLadder.of(settings), memory);
    }

    private static TokenEndpointException failure(TokenFailureReason reason, String oauthError) {
        return new TokenEndpointException(reason, 400, oauthError, "from the table");
    }

    @ParameterizedTest(name = "{0} {1} x{2}: no request for {3} s ({4})")
    @CsvSource({
        // quiet period 5 min, doubling; the third rejection in a row locks until reset (-1)
        "CREDENTIALS_REJECTED, invalid_grant, 1, 300, CREDENTIALS_LOCKED",
        "CREDENTIALS_REJECTED, invalid_grant, 2, 600, CREDENTIALS_LOCKED",
        "CREDENTIALS_REJECTED, invalid_grant, 3, -1, LOCKED_UNTIL_RESET",
        "CREDENTIALS_REJECTED, too_many_attempts, 1, -1, LOCKED_UNTIL_RESET",
        "REQUEST_REJECTED, , 1, -1, LOCKED_UNTIL_RESET",
        "ACCESS_DENIED, mfa_required, 1, -1, LOCKED_UNTIL_RESET",
        // the backoff step, also the least wait after a 429 without Retry-After
        "AUTH_SERVICE_UNAVAILABLE, , 1, 4, BACKING_OFF",
        "RATE_LIMITED, too_many_requests, 1, 4, BACKING_OFF",
        "TLS_FAILURE, , 1, 4, BACKING_OFF"
    })
    void eachFailureLeavesItsWait(
            TokenFailureReason reason, String oauthError, int times, long waitSeconds, Phase phase) {
        AttemptGate gate = gate(lockouts);
        TokenLifecycle state = TokenLifecycle.EMPTY;
        for (int i = 0; i < times; i++) {
            state = gate.failed(state, failure(reason, oauthError), clock.instant(), STEP);
        }
        long now = clock.millis();
        assertThat(state.phaseAt(now)).isEqualTo(phase);
        if (waitSeconds < 0) {
            assertThat(state.lockedUntilReset()).isTrue();
            assertThat(state.blockedBy()).isEqualTo(Rung.UNTIL_RESET);
        } else {
            assertThat(state.notBefore()).isEqualTo(clock.instant().plusSeconds(waitSeconds));
            assertThat(gate.admit(state, now + waitSeconds * 1000 - 1).blockedAt(now + waitSeconds * 1000 - 1))
                    .isTrue();
            assertThat(gate.admit(state, now + waitSeconds * 1000).blockedAt(now + waitSeconds * 1000))
                    .isFalse();
        }
        ChimpyPosAuthenticationException blocked = gate.blocked(state);
        assertThat(blocked.getReason()).isEqualTo(reason);
        assertThat(blocked.getMessage()).doesNotContain(FakeTokenEndpoint.PASSWORD, FakeTokenEndpoint.CLIENT_SECRET);
    }

    @ParameterizedTest(name = "{0} rejection(s) remembered, a new provider {1} s later: blocked {2}")
    @CsvSource({"1, 299, true", "1, 300, false", "2, 599, true", "2, 600, false", "3, 86400, true"})
    void aNewProviderStartsFromTheRememberedLockout(int rejections, long laterSeconds, boolean blocked) {
        AttemptGate earlier = gate(lockouts);
        TokenLifecycle state = TokenLifecycle.EMPTY;
        for (int i = 0; i < rejections; i++) {
            state = earlier.failed(state, FakeTokenEndpoint.invalidGrant("wrong"), clock.instant(), STEP);
        }
        clock.advance(Duration.ofSeconds(laterSeconds));

        TokenLifecycle fresh = gate(lockouts).admit(TokenLifecycle.EMPTY, clock.millis());

        assertThat(fresh.blockedAt(clock.millis())).isEqualTo(blocked);
        assertThat(fresh.lastFailure()).isNotNull();
    }

    @Test
    void anOperatorResetEndsEveryWaitAndForgetsTheLockout() {
        AttemptGate gate = gate(lockouts);
        TokenLifecycle state = TokenLifecycle.EMPTY;
        for (int i = 0; i < FailureLadder.MAX_REJECTED_ATTEMPTS; i++) {
            state = gate.failed(state, FakeTokenEndpoint.invalidGrant("wrong"), clock.instant(), STEP);
        }
        assertThat(state.lockedUntilReset()).isTrue();

        state = gate.reset(state);

        assertThat(state.blockedAt(clock.millis())).isFalse();
        assertThat(lockouts.get(settings.credentialsFingerprint())).isNull();
        assertThat(gate(lockouts).admit(TokenLifecycle.EMPTY, clock.millis()).blockedAt(clock.millis()))
                .isFalse();
    }

    @Test
    void aSuccessForgetsTheRememberedRejections() {
        AttemptGate gate = gate(lockouts);
        gate.failed(TokenLifecycle.EMPTY, FakeTokenEndpoint.invalidGrant("wrong"), clock.instant(), STEP);
        assertThat(lockouts.get(settings.credentialsFingerprint())).isNotNull();

        gate.succeeded();

        assertThat(lockouts.get(settings.credentialsFingerprint())).isNull();
    }

    @Test
    void aResetOnAnotherInstanceLiftsTheWaitHere() {
        CredentialLockouts liftedElsewhere = new CredentialLockouts() {
            @Override
            boolean resetElsewhere(String credentials, Rung blockedBy) {
                return true;
            }
        };
        AttemptGate gate = gate(liftedElsewhere);
        TokenLifecycle state = TokenLifecycle.EMPTY;
        state = gate.failed(state, failure(TokenFailureReason.REQUEST_REJECTED, null), clock.instant(), STEP);
        liftedElsewhere.clear(settings.credentialsFingerprint());
        assertThat(state.lockedUntilReset()).isTrue();

        assertThat(gate.admit(state, clock.millis()).blockedAt(clock.millis())).isFalse();
    }

    @Test
    void aWaitThatIsNotOverIsKept() {
        AttemptGate gate = gate(lockouts);
        TokenLifecycle state = gate.failed(
                TokenLifecycle.EMPTY, FakeTokenEndpoint.unavailable(503), Instant.ofEpochMilli(clock.millis()), STEP);
        assertThat(gate.admit(state, clock.millis())).isSameAs(state);
    }
}
