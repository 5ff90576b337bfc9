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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    private static final String SEED = """
            {
              "tariffs": { "AT": { "currency": "EUR", "vat_rate": "20", "charge": 3.0, "deposit": 15.0,
                                   "weekly_late_fee": 2.0, "cable_missing": 1.0, "quick_charge": 2.0 } },
              "locations": [ { "id": "shop-wien-01", "country": "AT", "locale": "de-AT" } ],
              "stations": [ { "external_id": "vie1", "country": "AT", "locale": "de-AT",
                              "prices": { "charge": 3.5 }, "stripe_price_id": "price_x" } ],
              "coupons": [ { "code": "VIP", "coupon_type": "free_charge" } ],
              "batteries": [
                { "prefix": "W", "from": 7, "to": 9, "digits": 3, "state": "IN_STOCK" },
                { "id": "OLD-1", "state": "RENTED", "rented_days_ago": 9 }
              ]
            }
            """;

    private static ChimpyPosEmulator start(String seed) {
        return ChimpyPosEmulator.builder()
                .seed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)))
                .start();
    }

    @Test
    void customSeedReplacesTheDefaultOne() {
        try (ChimpyPosEmulator emulator = start(SEED)) {
            TestClient client = new TestClient(emulator);
            String token = client.accessToken();

            assertThat(client.get("/api/v2/batteries/W007", token)
                            .json()
                            .at("/data/battery/status")
                            .asText())
                    .isEqualTo("ready_for_pickup");
            assertThat(client.get("/api/v2/batteries/W010", token)
                            .json()
                            .at("/data/battery/error_type")
                            .asText())
                    .isEqualTo("battery_non_existing");
            assertThat(client.get("/api/v2/batteries/BAT0001", token)
                            .json()
                            .at("/data/battery/error_type")
                            .asText())
                    .isEqualTo("battery_non_existing");
            var pickup = client.get("/api/v2/rentals/pickup/shop-wien-01/W008/VIP", token)
                    .json();
            assertThat(pickup.get("locale").asText()).isEqualTo("de-AT");
            assertThat(pickup.at("/data/rental/total_amounts/shop").asDouble()).isEqualTo(15.0);
            assertThat(client.get("/api/v2/rentals/return/shop-wien-01/OLD-1", token)
                            .json()
                            .at("/data/rental/total_amounts/late_fee")
                            .asDouble())
                    .isEqualTo(2.0);
            assertThat(client.get("/api/v2/stations/vie1/pricing", token)
                            .json()
                            .at("/data/station/total_amounts/charge")
                            .asDouble())
                    .isEqualTo(3.5);
        }
    }

    @Test
    void seedFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, SEED);

        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.builder().seed(file).start()) {
            TestClient client = new TestClient(emulator);
            assertThat(client.get("/api/v2/batteries/W009", client.accessToken())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void brokenSeedsFailTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> start("{\"tariffs\":{}}")).hasMessageContaining("tariffs");
        assertThatThrownBy(() -> start(SEED.replace(
                        "\"country\": \"AT\", \"locale\": \"de-AT\" } ]",
                        "\"country\": \"XX\", \"locale\": \"de-AT\" } ]")))
                .hasMessageContaining("no tariff for country XX");
        assertThatThrownBy(() -> start(SEED.replace("\"state\": \"IN_STOCK\"", "\"state\": \"LOST\"")))
                .hasMessageContaining("LOST");
        assertThatThrownBy(() -> start(SEED.replace("\"to\": 9", "\"to\": 2"))).hasMessageContaining("'from'");
    }
}
