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
package io.github.chimpypos.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import io.github.chimpypos.emulator.EmulatorCounters;
import org.junit.jupiter.api.Test;

/** Plays the README's main job (the quickstart against the embedded emulator) and checks the day it reports. */
class QuickstartApplicationTest {

    @Test
    void theShopDayRunsAgainstTheEmbeddedEmulatorWithOneTokenFetchAndBackgroundRenewals() throws Exception {
        DaySummary summary = QuickstartApplication.run(Map.of());

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.outcomes().get("createRental"))
                .containsEntry("pickup_completed", 9)
                .containsEntry("return_completed", 7)
                .containsEntry("error (battery_expired)", 1);
        assertThat(summary.outcomes().get("cancelRental")).containsEntry("pickup_canceled", 1);
        assertThat(summary.outcomes().get("getStationPricing")).containsEntry("error (station_offline_error)", 1);
        assertThat(summary.completedRentals()).isEqualTo(16);
        // Pickups: 7 at 19.00 (4.00 fee + 15.00 deposit), one free-charge at 15.00, one paid in the app at 0 = 148;
        // the cancelled free-charge pickup gives back 15.00; six on-time returns refund 15.00 each; the return 20 days
        // after pickup refunds 15.00 - 4.00 (two started weeks late) - 1.00 (cable missing) = 10.00.
        assertThat(summary.settledAtCounter()).isEqualByComparingTo(new BigDecimal("33.00"));

        EmulatorCounters counters = summary.tokenCountersOrNull();
        assertThat(counters).isNotNull();
        // One password grant for the whole day; every later token came from the refresh token.
        assertThat(counters.tokenCalls("password")).isEqualTo(1);
        // 13.5 hours of 90-minute tokens renewed 30 minutes ahead: about one renewal per hour, one more for the
        // revoked token, and possibly one started by the closing call.
        assertThat(counters.tokenCalls("refresh_token", "success")).isBetween(12L, 16L);
        assertThat(counters.tokenCalls("refresh_token", "invalid_grant")).isZero();
        // The revoked token was rejected once and the request replayed with a fresh one.
        assertThat(summary.unauthorizedApiCalls()).isEqualTo(1);
        assertThat(summary.render()).contains("no exchange failed", "password 1");
    }

    @Test
    void aRealSandboxNeedsEveryConnectionVariable() {
        assertThatThrownBy(() -> QuickstartApplication.run(Map.of(SandboxConnection.ENV_API_URL, "https://pos.test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SandboxConnection.ENV_TOKEN_URL);
    }
}
