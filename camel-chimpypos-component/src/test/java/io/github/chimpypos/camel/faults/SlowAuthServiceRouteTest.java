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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A slow token service (real server-side latency) against tokenMaxWait and responseTimeout. Invariants: an exchange
 * never waits longer than tokenMaxWait for a token, a slow renewal never delays an exchange while the old token is
 * valid, and slowness costs no extra token call.
 */
class SlowAuthServiceRouteTest extends FaultsTestSupport {

    /**
     * Cold start against a token service that needs 2 s: 20 concurrent exchanges give up after tokenMaxWait
     * (300 ms) with a clear message; the one token request completes meanwhile and the next exchange uses its token.
     * Invariant: bounded wait, one token call.
     */
    @Test
    void exchangesGiveUpAfterTokenMaxWaitWhileTheOneTokenRequestCompletes() throws Exception {
        component().getConfiguration().setTokenMaxWait(300);
        control().setTokenLatency(Duration.ofMillis(2000));
        ensureRoutes();

        List<Long> waitedMillis = concurrently(20, i -> {
            long start = System.nanoTime();
            Exchange exchange = checkBattery(i);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
                assertThat(e.getMessage()).contains("No access token within tokenMaxWait");
            });
            return (System.nanoTime() - start) / 1_000_000;
        });

        assertThat(waitedMillis).allMatch(millis -> millis < 1500, "each exchange gave up before the token came");
        await().atMost(Duration.ofSeconds(10)).until(() -> provider().status().state() == TokenProviderState.VALID);
        assertOk(checkBattery(0));
        assertThat(counters().tokenCalls()).isEqualTo(1);
    }

    /**
     * The renewal ahead of expiry takes 3 s: the exchanges meanwhile use the still-valid token without waiting.
     * Invariant: nothing lost, no exchange delayed, one token call for the renewal.
     */
    @Test
    void aSlowRenewalNeverDelaysAnExchange() {
        assertOk(checkBattery(0));
        control().setTokenLatency(Duration.ofMillis(3000));
        CLOCK.advance(Duration.ofSeconds(540));

        long start = System.nanoTime();
        for (int i = 1; i <= 20; i++) {
            assertOk(checkBattery(i));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("20 exchanges during the renewal").isLessThan(2500);
        assertThat(provider().status().state()).isEqualTo(TokenProviderState.RENEWING);
        awaitIdle();
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls()).as(counters().toString()).isEqualTo(2);
    }

    /**
     * Each token call takes longer than responseTimeout: it times out and is retried tokenMaxRetries times, then the
     * exchange fails saying so. Invariant: bounded calls (1 + tokenMaxRetries) and bounded time.
     */
    @Test
    void aTokenServiceSlowerThanResponseTimeoutIsRetriedBoundedThenFailsClearly() {
        component().getConfiguration().setResponseTimeout(300);
        control().setTokenLatency(Duration.ofMillis(1000));

        long start = System.nanoTime();
        Exchange exchange = checkBattery(0);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
            assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("timed out");
        });
        assertThat(millis).isLessThan(3000);
        // The emulator counts a call when it answers, after its latency.
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().tokenCalls() >= 1 + TOKEN_MAX_RETRIES);
        assertThat(counters().tokenCalls()).isEqualTo(1 + TOKEN_MAX_RETRIES);
    }
}
