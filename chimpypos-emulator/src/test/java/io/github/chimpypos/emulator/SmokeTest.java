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

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmokeTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void tokenThenPickup(ChimpyPosEmulator emulator) {
        TestClient client = new TestClient(emulator);
        String token = client.accessToken();
        TestClient.Reply reply =
                client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001?partner_transaction_id=t1", token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/data/rental/status").asText()).isEqualTo("pickup_completed");
        assertThat(reply.json().at("/data/rental/total_amounts/shop").asDouble())
                .isEqualTo(19.0);
        assertThat(reply.json().at("/data/rental/total_amounts/shop_net").asDouble())
                .isEqualTo(18.71);
        TestClient.Reply cancel = client.put("/api/v2/rentals/cancel/t1", token);
        System.err.println(cancel.body());
        System.err.println(client.get("/api/v2/stations/abc1/pricing", token).body());
        System.err.println(client.get("/api/v2/stations/off1/pricing", token).body());
        System.err.println(
                client.get("/api/v2/batteries/BAT0001", null).raw().headers().map());
        System.err.println(emulator.control().counters());
    }
}
