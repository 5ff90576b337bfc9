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
import java.util.Map;

import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What operators read: the counters and the status derived from one lifecycle value, as tables. */
class TokenCountersTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final long START = T0.toEpochMilli();
    private static final TokenEndpointException OUTAGE =
            new TokenEndpointException(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, 503, null, "down");

    private final TokenCounters counters = new TokenCounters();

    @ParameterizedTest(name = "token {0}, failed {1} until {2}, at {3}: {4}")
    @CsvSource({
        // a token served until 3000 with its renewal due at 2000
        "true, false, 0, 500, VALID, 2030-01-01T00:00:04Z, 1500, ",
        "true, true, 2500, 500, VALID, 2030-01-01T00:00:04Z, 1500, 2030-01-01T00:00:02.500Z",
        "false, true, 2500, 500, FAILING, , , 2030-01-01T00:00:02.500Z",
        "false, true, 2500, 2500, FAILING, , , ",
        "false, false, 0, 500, NO_TOKEN, , , "
    })
    void statusShowsTheTokenTheWaitAndTheLastFailure(
            boolean token,
            boolean failed,
            long waitUntil,
            long at,
            TokenProviderState shown,
            Instant expiresAt,
            Long renewalInMillis,
            Instant notBefore) {
        TokenLifecycle state = TokenLifecycle.EMPTY;
        if (token) {
            AccessToken value = new AccessToken("t", T0, T0.plusSeconds(4));
            state = state.installed(new Served(value, START + 3000, START + 2000), "rt", null, false);
        }
        if (failed) {
            state = state.failed(OUTAGE, Rung.TRANSIENT, T0.plusMillis(waitUntil));
        }

        TokenProviderStatus status = counters.status(state, START + at, false);

        assertThat(status.state()).isEqualTo(shown);
        assertThat(status.tokenExpiresAt()).isEqualTo(expiresAt);
        assertThat(status.timeToRenewal())
                .isEqualTo(renewalInMillis == null ? null : Duration.ofMillis(renewalInMillis));
        assertThat(status.nextAttemptNotBefore()).isEqualTo(notBefore);
        assertThat(status.refreshTokenHeld()).isEqualTo(token);
        assertThat(status.consecutiveFailures()).isEqualTo(failed ? 1 : 0);
        assertThat(status.lastErrorClass()).isEqualTo(failed ? TokenEndpointException.class.getName() : null);
    }

    @Test
    void countsCallsGrantsFailuresAndTheLastSkew() {
        counters.tokenCall();
        counters.tokenCall();
        counters.tokenCall();
        counters.failure(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
        counters.success(TokenRequest.PASSWORD, T0, Duration.ofSeconds(2));
        counters.success(TokenRequest.REFRESH_TOKEN, T0.plusSeconds(60), null);
        counters.unauthorizedRenewal();

        TokenProviderStatus status = counters.status(TokenLifecycle.EMPTY, START, false);

        assertThat(status.tokenCalls()).isEqualTo(3);
        assertThat(status.refreshes()).isEqualTo(1);
        assertThat(status.grantsByType()).isEqualTo(Map.of(TokenRequest.PASSWORD, 1L, TokenRequest.REFRESH_TOKEN, 1L));
        assertThat(status.failures(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE)).isEqualTo(1);
        assertThat(status.unauthorizedRenewals()).isEqualTo(1);
        assertThat(status.lastSuccessAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(status.estimatedClockSkew())
                .as("a token without iat keeps the last estimate")
                .isEqualTo(Duration.ofSeconds(2));
    }
}
