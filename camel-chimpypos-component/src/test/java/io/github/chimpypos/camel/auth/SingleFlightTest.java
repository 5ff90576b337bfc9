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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One request in flight at most, and what each caller waiting for it gets. */
class SingleFlightTest {

    private static final AccessToken TOKEN =
            new AccessToken("t", Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T01:00:00Z"));

    private final SingleFlight flights = new SingleFlight();

    @Test
    void onlyOneFlightCanBeClaimedUntilItEnds() {
        CompletableFuture<AccessToken> first = flights.claim();
        assertThat(first).isNotNull();
        assertThat(flights.claim()).as("a second claim while one is in flight").isNull();
        assertThat(flights.current()).isSameAs(first);

        flights.end(new CompletableFuture<>());
        assertThat(flights.isCurrent(first))
                .as("ending another flight leaves this one")
                .isTrue();

        flights.end(first);
        assertThat(flights.isRunning()).isFalse();
        CompletableFuture<AccessToken> second = flights.claim();
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(flights.abandon()).isSameAs(second);
        assertThat(flights.current()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "token, , ",
        "rejected credentials, CREDENTIALS_REJECTED, Wrong email or password.",
        "unexpected exception, AUTH_SERVICE_UNAVAILABLE, failed unexpectedly (java.lang.IllegalStateException)",
        "no answer in time, AUTH_SERVICE_UNAVAILABLE, No access token within tokenMaxWait (PT0.001S)"
    })
    void eachWaitingCallerGetsTheTokenOrAFailureOfItsOwn(String outcome, TokenFailureReason reason, String message) {
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        ChimpyPosAuthenticationException shared = new ChimpyPosAuthenticationException(
                TokenFailureReason.CREDENTIALS_REJECTED, "Wrong email or password.");
        switch (outcome) {
            case "token" -> flight.complete(TOKEN);
            case "rejected credentials" -> flight.completeExceptionally(shared);
            case "unexpected exception" -> flight.completeExceptionally(new IllegalStateException("bug"));
            default -> {} // never completes
        }
        if (reason == null) {
            assertThat(SingleFlight.await(flight, Duration.ofMillis(1))).isSameAs(TOKEN);
            return;
        }
        assertThatThrownBy(() -> SingleFlight.await(flight, Duration.ofMillis(1)))
                .isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(reason);
                    assertThat(e).as("never the shared instance").isNotSameAs(shared);
                })
                .hasMessageContaining(message);
    }
}
