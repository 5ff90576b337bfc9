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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT /api/v2/rentals/cancel/{partner_transaction_id} (reference §4.2). */
class CancelRentalTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final String token = client.accessToken();

    private String batteryStatus(String type, String battery) {
        return client.get("/api/v2/rentals/" + type + "/shop-zurich-hb/" + battery, token)
                .json()
                .at("/data/rental/status")
                .asText();
    }

    @Test
    void cancelledPickupMatchesTheDocumentedSampleAndPutsTheBatteryBackInStock() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0100?partner_transaction_id=tx-100", token);

        TestClient.Reply reply = client.put("/api/v2/rentals/cancel/tx-100", token);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode rental = reply.json().at("/data/rental");
        assertThat(rental.get("status").asText()).isEqualTo("pickup_canceled");
        assertThat(rental.get("error_type").isNull()).isTrue();
        assertThat(rental.get("error_message").isNull()).isTrue();
        assertThat(rental.get("rental_type").asText()).isEqualTo("pickup");
        assertThat(rental.get("charge_currency").asText()).isEqualTo("CHF");
        JsonNode amounts = rental.get("total_amounts");
        assertThat(amounts.get("shop").decimalValue()).isEqualByComparingTo("19");
        assertThat(amounts.get("shop_net").decimalValue()).isEqualByComparingTo("18.71");
        assertThat(amounts.get("vat_shop").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(amounts.get("user").decimalValue()).isEqualByComparingTo("19");
        assertThat(batteryStatus("pickup", "BAT0100")).isEqualTo("ready_for_pickup");
        assertThat(EMULATOR.emulator().control().counters().canceledRentals()).isEqualTo(1);
    }

    @Test
    void cancelledReturnPutsTheBatteryBackToRentedWithItsRentalTime() {
        JsonNode original = client.post(
                        "/api/v2/rentals/return/shop-zurich-hb/LATE03?partner_transaction_id=tx-r", token)
                .json()
                .at("/data/rental/total_amounts");

        JsonNode canceled =
                client.put("/api/v2/rentals/cancel/tx-r", token).json().at("/data/rental");

        assertThat(canceled.get("status").asText()).isEqualTo("return_canceled");
        assertThat(canceled.at("/total_amounts/shop").decimalValue())
                .isEqualByComparingTo(original.get("shop").decimalValue());
        JsonNode again = client.get("/api/v2/rentals/return/shop-zurich-hb/LATE03", token)
                .json()
                .at("/data/rental");
        assertThat(again.get("status").asText()).isEqualTo("ready_for_return");
        assertThat(again.at("/total_amounts/late_fee").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void unknownTransactionIs404OriginalRentalNotFound() {
        TestClient.Reply reply = client.put("/api/v2/rentals/cancel/never-seen", token);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("original_rental_not_found");
        assertThat(reply.json().at("/error/error_message").asText()).isNotBlank();
    }

    @Test
    void transactionThatCreatedNothingCannotBeCancelled() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/RENTED05?partner_transaction_id=tx-failed", token);

        assertThat(client.put("/api/v2/rentals/cancel/tx-failed", token).status())
                .isEqualTo(404);
    }

    @Test
    void cancellingTwiceIs409GeneralErrorAndChangesNothing() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0101?partner_transaction_id=tx-101", token);
        client.put("/api/v2/rentals/cancel/tx-101", token);
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0101?partner_transaction_id=tx-101b", token);

        TestClient.Reply reply = client.put("/api/v2/rentals/cancel/tx-101", token);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("general_error");
        assertThat(batteryStatus("return", "BAT0101")).isEqualTo("ready_for_return");
    }

    @Test
    void pickupFollowedByAReturnCannotBeCancelled() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0102?partner_transaction_id=tx-102", token);
        client.post("/api/v2/rentals/return/shop-zurich-hb/BAT0102", token);

        TestClient.Reply reply = client.put("/api/v2/rentals/cancel/tx-102", token);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(batteryStatus("return", "BAT0102")).isEqualTo("error");
        assertThat(batteryStatus("pickup", "BAT0102")).isEqualTo("error");
    }

    @Test
    void cancelSlipHonoursSlipWidthAndLang() {
        client.post("/api/v2/rentals/pickup/shop-geneve-01/BAT0103?partner_transaction_id=tx-103", token);

        TestClient.Reply reply = client.put("/api/v2/rentals/cancel/tx-103?slip_width=32&lang=it", token);

        assertThat(reply.json().get("locale").asText()).isEqualTo("it-CH");
        assertThat(reply.json().at("/data/rental/slip").asText().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
    }

    @Test
    void cancelWithBadSlipWidthIs400AndKeepsTheRental() {
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0104?partner_transaction_id=tx-104", token);

        assertThat(client.put("/api/v2/rentals/cancel/tx-104?slip_width=10", token)
                        .status())
                .isEqualTo(400);
        assertThat(batteryStatus("return", "BAT0104")).isEqualTo("ready_for_return");
        assertThat(client.put("/api/v2/rentals/cancel/tx-104", token).status()).isEqualTo(200);
    }

    @Test
    void cancelledStationPickupPutsTheBatteryInStock() {
        String battery = client.postJson(
                        "/api/v2/stations/abc1/pickup?partner_transaction_id=st-9",
                        token,
                        "{\"payment_gateway\":\"stripe\",\"stripe_payment_intent_id\":\"pi_9\"}")
                .json()
                .at("/data/rental/battery_id")
                .asText();

        assertThat(client.put("/api/v2/rentals/cancel/st-9", token).status()).isEqualTo(200);
        assertThat(batteryStatus("pickup", battery)).isEqualTo("ready_for_pickup");
    }

    @Test
    void getOnCancelPathIs405() {
        // 5 path segments: only the cancel route has this shape, and it is PUT-only
        assertThat(client.get("/api/v2/rentals/cancel/tx-1", token).status()).isEqualTo(405);
    }
}
