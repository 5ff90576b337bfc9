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

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The component's clock is 5 minutes ahead of or behind the token service and the API. Expiry is judged from
 * {@code expires_in} on the component's own clock, so the skew changes nothing. Invariant: nothing lost (40 minutes
 * of traffic without a failed exchange or a 401), bounded calls (one renewal per lifetime), no refresh reuse.
 */
class ClockSkewRouteTest extends FaultsTestSupport {

    @ParameterizedTest(name = "component clock {0} s off")
    @ValueSource(ints = {300, -300})
    void aComponentClockFiveMinutesOffLosesNoExchangeAndRenewsOncePerLifetime(int offsetSeconds) {
        component().setClock(Clock.offset(CLOCK, Duration.ofSeconds(offsetSeconds)));

        for (int step = 0; step <= 80; step++) {
            assertOk(checkBattery(step));
            awaitIdle();
            CLOCK.advance(Duration.ofSeconds(30));
        }

        assertThat(provider().status().estimatedClockSkew()).isEqualTo(Duration.ofSeconds(-offsetSeconds));
        assertThat(counters().apiCalls("checkBattery", 401)).isZero();
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(81);
        // Renewal due 528 to 540 s after each token, seen at the next 30 s step: at 540, 1080, 1620 and 2160 s.
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(4);
        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters().tokenCalls("password")).isEqualTo(1);
    }
}
