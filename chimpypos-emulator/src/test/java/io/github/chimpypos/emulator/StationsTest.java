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

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** getStationPricing and createStationPickup (reference §4.5, §4.6). */
class StationsTest {

    private static final String STRIPE = "{\"payment_gateway\":\"stripe\",\"stripe_payment_intent_id\":\"pi_123\"}";

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final String token = client.accessToken();

    @Test
    void pricingMatchesTheDocumentedSample() {
        TestClient.Reply reply = client.get("/api/v2/stations/abc1/pricing", token);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode station = reply.json().at("/data/station");
        assertThat(station.get("external_id").asText()).isEqualTo("abc1");
        assertThat(station.get("coupon_type").isNull()).isTrue();
        assertThat(station.get("charge_currency").asText()).isEqualTo("CHF");
        assertThat(station.get("vat_rate").asText()).isEqualTo("7.7");
        assertThat(station.at("/total_amounts/charge").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(station.at("/total_amounts/quick_charge").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(station.at("/total_amounts/deposit").decimalValue()).isEqualByComparingTo("15.0");
        assertThat(station.at("/total_amounts/weekly_late_fee").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(station.get("stripe_price_id").asText()).isNotBlank();
        assertThat(reply.json().at("/data/locale").asText()).isEqualTo("de-CH");
        assertThat(reply.json().at("/data/country").asText()).isEqualTo("CH");
    }

    @Test
    void accountWithFreeChargeCouponGetsTheChargeWaived() {
        JsonNode station = client.get("/api/v2/stations/abc1/pricing?auth0_id=auth0%7Csandbox-free-charge", token)
                .json()
                .at("/data/station");

        assertThat(station.get("coupon_type").asText()).isEqualTo("free_charge");
        assertThat(station.at("/total_amounts/charge").decimalValue()).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @CsvSource({
        "off1,400,station_offline_error",
        "emp1,400,no_battery_available_error",
        "set1,400,station_setup_error",
        "nope,404,station_not_found"
    })
    void brokenOrUnknownStationsAnswerWithTheErrorEnvelope(String station, int status, String errorType) {
        for (TestClient.Reply reply : new TestClient.Reply[] {
            client.get("/api/v2/stations/" + station + "/pricing?lang=fr", token),
            client.postJson("/api/v2/stations/" + station + "/pickup?lang=fr", token, STRIPE)
        }) {
            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.json().at("/error/status").asText()).isEqualTo("error");
            assertThat(reply.json().at("/error/error_type").asText()).isEqualTo(errorType);
            assertThat(reply.json().at("/error/error_message").asText()).isNotBlank();
            assertThat(reply.json().get("locale").asText()).startsWith("fr");
        }
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
    }

    @Test
    void stationStateAndPricesChangeThroughTheControlApi() {
        EmulatorControl control = EMULATOR.emulator().control();
        control.setStationState("abc1", StationState.OFFLINE);
        assertThat(client.get("/api/v2/stations/abc1/pricing", token).status()).isEqualTo(400);

        control.setStationState("abc1", StationState.ONLINE);
        control.setStationPrices(
                "abc1",
                new StationPrices(
                        new BigDecimal("5.5"), BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("3"), "price_new"));

        JsonNode station =
                client.get("/api/v2/stations/abc1/pricing", token).json().at("/data/station");
        assertThat(station.at("/total_amounts/charge").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(station.get("stripe_price_id").asText()).isEqualTo("price_new");
    }

    @Test
    void stripePickupCompletesAndEjectsABatteryThatCanBeReturnedAtACounter() {
        TestClient.Reply reply = client.postJson("/api/v2/stations/zrh1/pickup", token, STRIPE);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode rental = reply.json().at("/data/rental");
        assertThat(rental.get("status").asText()).isEqualTo("pickup_completed");
        assertThat(rental.get("error_type").isNull()).isTrue();
        assertThat(rental.get("error_message").asText()).isNotBlank();
        assertThat(rental.get("rental_type").asText()).isEqualTo("pickup");
        assertThat(rental.get("payment_via").asText()).isEqualTo("app");
        assertThat(rental.at("/total_amounts/charge").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(rental.at("/total_amounts/shop").decimalValue()).isEqualByComparingTo("0");
        String battery = rental.get("battery_id").asText();

        JsonNode returned = client.post("/api/v2/rentals/return/shop-zurich-hb/" + battery, token)
                .json()
                .at("/data/rental");
        assertThat(returned.get("status").asText()).isEqualTo("return_completed");
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isEqualTo(2);
    }

    @Test
    void paypalPickupNeedsOrderAndAuthorisation() {
        TestClient.Reply ok = client.postJson(
                "/api/v2/stations/abc1/pickup",
                token,
                "{\"payment_gateway\":\"paypal\",\"paypal_order_id\":\"O-1\",\"paypal_auth_id\":\"A-1\"}");
        TestClient.Reply missing = client.postJson(
                "/api/v2/stations/abc1/pickup", token, "{\"payment_gateway\":\"paypal\",\"paypal_order_id\":\"O-1\"}");

        assertThat(ok.json().at("/data/rental/payment_gateway").asText()).isEqualTo("paypal");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/error_message").asText()).contains("paypal_auth_id");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"payment_gateway\":\"twint\"}|payment_gateway",
                "{}|payment_gateway",
                "{\"payment_gateway\":\"stripe\"}|stripe_payment_intent_id",
                "{\"payment_gateway\":42}|payment_gateway",
                "{\"payment_gateway\":\"stripe\",\"stripe_payment_intent_id\":\"pi\",\"auth0_id\":7}|auth0_id",
                "[1]|body",
                "{not json|body"
            })
    void invalidPickupBodiesAre400InvalidParameter(String body, String parameter) {
        TestClient.Reply reply = client.postJson("/api/v2/stations/abc1/pickup", token, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("invalid_parameter");
        assertThat(reply.json().at("/error/error_message").asText()).contains(parameter);
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
    }

    @Test
    void emptyPickupBodyIs400() {
        TestClient.Reply reply = client.post("/api/v2/stations/abc1/pickup", token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/error_message").asText()).contains("body");
    }

    @Test
    void declinedPaymentIs400PaymentFailed() {
        TestClient.Reply reply = client.postJson(
                "/api/v2/stations/abc1/pickup",
                token,
                "{\"payment_gateway\":\"stripe\",\"stripe_payment_intent_id\":\"pi_fail_card_declined\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("payment_failed");
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
    }

    @Test
    void pickupIsIdempotentByPartnerTransactionId() {
        String body = "{\"payment_gateway\":\"stripe\",\"stripe_payment_intent_id\":\"pi_1\","
                + "\"partner_transaction_id\":\"st-1\"}";
        TestClient.Reply first = client.postJson("/api/v2/stations/abc1/pickup", token, body);
        TestClient.Reply second = client.postJson("/api/v2/stations/abc1/pickup", token, body);

        assertThat(second.body()).isEqualTo(first.body());
        EmulatorCounters counters = EMULATOR.emulator().control().counters();
        assertThat(counters.createdRentals()).isEqualTo(1);
        assertThat(counters.replayedRentals()).isEqualTo(1);
        assertThat(counters.apiCalls("createStationPickup", 200)).isEqualTo(2);
    }
}
