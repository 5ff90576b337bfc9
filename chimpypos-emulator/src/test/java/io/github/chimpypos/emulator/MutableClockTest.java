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
package io.github.chimpypos.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void advancesAndSetsAndSharesTimeWithZonedCopies() {
        MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        MutableClock zurich = clock.withZone(ZoneId.of("Europe/Zurich"));

        clock.advance(Duration.ofHours(2));

        assertThat(zurich.instant()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(zurich.getZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        clock.set(Instant.parse("2030-05-05T05:05:05Z"));
        assertThat(clock.millis())
                .isEqualTo(Instant.parse("2030-05-05T05:05:05Z").toEpochMilli());
    }

    @Test
    void fixedAtNowStandsStill() {
        MutableClock clock = MutableClock.fixedAtNow();

        assertThat(clock.instant()).isEqualTo(clock.instant());
        assertThat(clock.instant().getNano()).isZero();
    }
}
