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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timing rules as a table: pure functions, no provider, no clock. */
class TokenTimingTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final TokenTiming timing =
            new TokenTiming(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(8));

    @ParameterizedTest(name = "lifetime {0} ms: guard {1} ms")
    @CsvSource({"86400000, 5000", "30000, 3000", "4000, 400", "1000, 100"})
    void expiryGuardIsATenthOfTheLifeAtMostFiveSeconds(long lifetime, long guard) {
        assertThat(TokenTiming.expiryGuard(Duration.ofMillis(lifetime))).isEqualTo(Duration.ofMillis(guard));
    }

    @ParameterizedTest(name = "lifetime {0} ms, round trip {1} ms: margin {2} ms")
    @CsvSource({
        // the configured 60 s when the life allows it
        "86400000, , 60000",
        "300000, , 60000",
        // at most a third of the life
        "30000, , 10000",
        "6000, , 2000",
        // at least guard + twice the round trip (100 ms minimum lead), still capped at a third
        "4000, 0, 1333",
        "4000, 300, 1333",
        "86400000, 40000, 85000"
    })
    void marginIsTheConfiguredOneWithinTheLeadAndAThirdOfTheLife(long lifetime, Long roundTrip, long margin) {
        Duration trip = roundTrip == null ? null : Duration.ofMillis(roundTrip);
        assertThat(timing.margin(Duration.ofMillis(lifetime), trip).toMillis()).isEqualTo(margin);
    }

    @ParameterizedTest(name = "margin {0} ms configured, 4 s token, round trip {1} ms: margin {2} ms")
    @CsvSource({"250, 0, 500", "250, 300, 1000", "250, 2000, 1333"})
    void shortMarginsGrowWithTheMeasuredRoundTrip(long configured, long roundTrip, long margin) {
        TokenTiming shortMargin =
                new TokenTiming(Duration.ofMillis(configured), Duration.ofSeconds(1), Duration.ofSeconds(8));
        assertThat(shortMargin
                        .margin(Duration.ofSeconds(4), Duration.ofMillis(roundTrip))
                        .toMillis())
                .isEqualTo(margin);
    }

    @ParameterizedTest(name = "{0} s token received after {1} ms, jitter draw {2}: renewal due at +{3} ms")
    @CsvSource({
        // 1 h token: 60 s margin, 5 % jitter of it at most
        "3600, 0, 0.0, 3540000",
        "3600, 0, 1.0, 3537000",
        // 30 s token: a third of the life
        "30, 0, 0.5, 19750",
        // 3 s token whose request took 2.5 s: not before half of what was left of its served life (2.7 s)
        "3, 2500, 0.0, 2600",
        // received after it stopped being served: due at once
        "3, 2900, 0.0, 2000"
    })
    void renewalIsDueBeforeExpiryButNeverRightWhenAShortTokenArrives(
            long lifeSeconds, long receivedAfter, double draw, long dueAfter) {
        AccessToken token = new AccessToken("t", T0, T0.plusSeconds(lifeSeconds));
        Duration roundTrip = Duration.ofMillis(receivedAfter);
        Instant due = timing.renewAt(token, T0.plus(roundTrip), roundTrip, draw);
        assertThat(Duration.between(T0, due).toMillis()).isEqualTo(dueAfter);
    }

    @ParameterizedTest(name = "attempt {0}, draw {1}: {2} ms")
    @CsvSource({"0, 0.0, 500", "0, 1.0, 1000", "1, 0.5, 1500", "3, 0.0, 4000", "4, 1.0, 8000", "40, 0.0, 4000"})
    void backoffDoublesWithEqualJitterUpToTheCap(int attempt, double draw, long millis) {
        assertThat(timing.backoff(attempt, draw)).isEqualTo(Duration.ofMillis(millis));
    }
}
