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

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token service goes down while routes keep sending: the still-valid token carries them through an outage shorter
 * than its remaining life, and a longer outage fails exchanges fast with bounded token calls until the service is
 * back. The service "comes back" through the emulator's state reset, so it has forgotten its refresh tokens, as a
 * restored auth service may.
 */
class AuthOutageRouteTest extends FaultsTestSupport {

    private static final Duration STEP = Duration.ofSeconds(4);

    /**
     * The outage starts with the first token and lasts 9 min 20 s: the background renewal falls due after 8 min 48 s
     * to 9 min and fails until the service is back; the token stays usable until 9 min 55 s. Invariant: nothing lost
     * (zero failed exchanges in 12 minutes of traffic, one exchange every 4 s) and bounded calls: at most one
     * acquisition per step, fewer as the backoff doubles.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"503", "drop", "html502", "429"})
    void anOutageShorterThanTheTokensRemainingLifeFailsNoExchange(String kind) {
        assertOk(checkBattery(0));
        Instant obtained = CLOCK.instant();
        control().failNextTokenCalls(1_000_000, TokenFailureLadderRouteTest.outage(kind));

        int failed = 0;
        int step = 0;
        while (CLOCK.instant().isBefore(obtained.plus(Duration.ofMinutes(12)))) {
            CLOCK.advance(STEP);
            if (CLOCK.instant().equals(obtained.plus(Duration.ofSeconds(560)))) {
                assertThat(provider().status().failuresByReason()).isNotEmpty();
                assertThat(counters().tokenCalls())
                        .as("token calls during the outage")
                        .isBetween(2L, 1 + 3L * 16);
                control().resetState();
            }
            Exchange exchange = checkBattery(++step);
            if (exchange.getException() != null) {
                failed++;
            }
            awaitIdle();
        }

        assertThat(failed).as("failed exchanges").isZero();
        TokenProviderStatus status = provider().status();
        assertThat(status.state()).isEqualTo(TokenProviderState.VALID);
        assertThat(status.tokenExpiresAt()).isAfter(obtained.plus(LIFETIME));
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(step + 1L);
        assertThat(counters().apiCalls("checkBattery", 401)).isZero();
    }

    /**
     * 15 minutes of traffic, one exchange every 5 s, with the token service down from the first token on: exchanges
     * succeed while the token lasts (9 min 55 s), then fail fast; the acquisitions back off to one per 15 to 30 s
     * (tokenRetryMaxBackoff, equal jitter). When the service is back, the first exchange after the backoff succeeds
     * without a restart. Invariant: bounded calls (far fewer than exchanges), recovery by itself.
     */
    @Test
    void anOutageLongerThanATokenLifetimeFailsFastWithBoundedCallsAndRecoversByItself() {
        assertOk(checkBattery(0));
        Instant obtained = CLOCK.instant();
        Instant unusable = obtained.plus(LIFETIME).minus(EXPIRY_GUARD);
        control().failNextTokenCalls(1_000_000, TokenFailureLadderRouteTest.outage("503"));

        int succeeded = 0;
        int failed = 0;
        for (int second = 5; second <= 900; second += 5) {
            CLOCK.advance(Duration.ofSeconds(5));
            Exchange exchange = checkBattery(second);
            if (exchange.getException() == null) {
                assertThat(CLOCK.instant()).isBefore(unusable);
                succeeded++;
            } else {
                assertThat(CLOCK.instant()).isAfterOrEqualTo(unusable);
                assertThat(exchange.getException())
                        .isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                            assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
                            assertThat(e.getMessage()).contains("HTTP 503").contains("no new attempt until");
                        });
                failed++;
            }
            awaitIdle();
        }
        long callsDuringOutage = counters().tokenCalls() - 1;

        assertThat(succeeded).isEqualTo(118);
        assertThat(failed).isEqualTo(62);
        // The renewal falls due after 537 s at the earliest (600 s - 60 s margin - 5 % jitter; 528 s with the old
        // 20 %): 363 s of attempts, at most one acquisition per 5 s step and fewer once the backoff passes 5 s (after
        // about 9 acquisitions); each makes 3 calls.
        assertThat(callsDuringOutage).isBetween(3L * 10, 3L * (10 + 363 / 5));
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.FAILING);

        control().resetState();
        CLOCK.advance(MAX_BACKOFF);
        assertOk(checkBattery(0));

        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.VALID);
    }
}
