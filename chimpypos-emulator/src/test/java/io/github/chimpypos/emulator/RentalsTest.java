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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** getRentalPricing and createRental (reference §4.1, §5). */
class RentalsTest {

    private static final MutableClock CLOCK = MutableClock.fixedAtNow();

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR =
            ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder().clock(CLOCK));

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final String token = client.accessToken();

    private JsonNode rental(TestClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().at("/data/rental");
    }

    @Test
    void counterPickupMatchesTheDocumentedSample() {
        TestClient.Reply reply = client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001", token);

        JsonNode rental = rental(reply);
        assertThat(rental.get("status").asText()).isEqualTo("pickup_completed");
        assertThat(rental.get("error_type").isNull()).isTrue();
        assertThat(rental.get("error_message").isNull()).isTrue();
        assertThat(rental.get("rental_type").asText()).isEqualTo("pickup");
        assertThat(rental.get("payment_via").asText()).isEqualTo("shop");
        assertThat(rental.get("charge_currency").asText()).isEqualTo("CHF");
        assertThat(rental.get("hashed_rental_id").asText()).startsWith("hr_");
        JsonNode amounts = rental.get("total_amounts");
        assertThat(amounts.get("charge").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(amounts.get("deposit").decimalValue()).isEqualByComparingTo("15.0");
        assertThat(amounts.get("shop").decimalValue()).isEqualByComparingTo("19");
        assertThat(amounts.get("shop_net").decimalValue()).isEqualByComparingTo("18.71");
        assertThat(amounts.get("vat_shop").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(amounts.get("app").decimalValue()).isEqualByComparingTo("0");
        assertThat(reply.json().get("locale").asText()).isEqualTo("de-CH");
    }

    @Test
    void pricingChangesNothingAndPostMovesTheBattery() {
        JsonNode pricing = rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token));
        JsonNode again = rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token));

        assertThat(pricing.get("status").asText()).isEqualTo("ready_for_pickup");
        assertThat(again.get("status").asText()).isEqualTo("ready_for_pickup");
        assertThat(pricing.get("hashed_rental_id").isNull()).isTrue();
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();

        rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token));

        JsonNode second = rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token));
        assertThat(second.get("status").asText()).isEqualTo("error");
        assertThat(second.get("error_type").asText()).isEqualTo("battery_already_used");
        assertThat(rental(client.get("/api/v2/rentals/return/shop-zurich-hb/BAT0002", token))
                        .get("status")
                        .asText())
                .isEqualTo("ready_for_return");
    }

    @Test
    void fullCycleIsPickupThenReturnThenNoSecondReturn() {
        rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0003", token));

        JsonNode returned = rental(client.post("/api/v2/rentals/return/shop-geneve-01/BAT0003", token));
        assertThat(returned.get("status").asText()).isEqualTo("return_completed");
        assertThat(returned.at("/total_amounts/refund").decimalValue()).isEqualByComparingTo("15");
        assertThat(returned.at("/total_amounts/shop").decimalValue()).isEqualByComparingTo("-15");

        JsonNode again = rental(client.post("/api/v2/rentals/return/shop-zurich-hb/BAT0003", token));
        assertThat(again.get("error_type").asText()).isEqualTo("battery_already_returned");
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isEqualTo(2);
    }

    @Test
    void lateReturnDeductsTheWeeklyFeePerStartedWeekBeyondSevenDays() {
        // LATE01 was rented 20 days before start: 13 days late = 2 started weeks
        JsonNode amounts = rental(client.post("/api/v2/rentals/return/shop-zurich-hb/LATE01", token))
                .get("total_amounts");

        assertThat(amounts.get("late_fee").decimalValue()).isEqualByComparingTo("4");
        assertThat(amounts.get("refund").decimalValue()).isEqualByComparingTo("11");
        assertThat(amounts.get("shop").decimalValue()).isEqualByComparingTo("-11");
        assertThat(amounts.get("detraction").decimalValue()).isEqualByComparingTo("4");
        assertThat(amounts.get("detraction_net").decimalValue()).isEqualByComparingTo("3.71");
        assertThat(amounts.get("shop_net").decimalValue()).isEqualByComparingTo("-11.29");
        assertThat(amounts.get("vat_shop").decimalValue()).isEqualByComparingTo("0.29");
    }

    @Test
    void lateFeeFollowsTheClockAndIsCappedAtTheDeposit() {
        rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0004", client.accessToken()));
        CLOCK.advance(Duration.ofDays(7));
        assertThat(rental(client.get("/api/v2/rentals/return/shop-zurich-hb/BAT0004", client.accessToken()))
                        .at("/total_amounts/late_fee")
                        .decimalValue())
                .isEqualByComparingTo("0");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(rental(client.get("/api/v2/rentals/return/shop-zurich-hb/BAT0004", client.accessToken()))
                        .at("/total_amounts/late_fee")
                        .decimalValue())
                .isEqualByComparingTo("2");

        CLOCK.advance(Duration.ofDays(200));
        JsonNode capped = rental(client.get(
                        "/api/v2/rentals/return/shop-zurich-hb/BAT0004?support_code=200", client.accessToken()))
                .get("total_amounts");
        assertThat(capped.get("late_fee").decimalValue()).isEqualByComparingTo("15");
        assertThat(capped.get("cable_missing").decimalValue()).isEqualByComparingTo("0");
        assertThat(capped.get("refund").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void missingCableDeductsOneFromTheRefund() {
        JsonNode amounts = rental(client.post("/api/v2/rentals/return/shop-zurich-hb/RENTED01?support_code=200", token))
                .get("total_amounts");

        assertThat(amounts.get("cable_missing").decimalValue()).isEqualByComparingTo("1");
        assertThat(amounts.get("refund").decimalValue()).isEqualByComparingTo("14");
        assertThat(amounts.get("shop").decimalValue()).isEqualByComparingTo("-14");
    }

    @Test
    void freeChargeCouponWaivesTheCharge() {
        JsonNode rental = rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0005/FREECHARGE1", token));

        assertThat(rental.get("coupon_type").asText()).isEqualTo("free_charge");
        assertThat(rental.at("/total_amounts/charge").decimalValue()).isEqualByComparingTo("0");
        assertThat(rental.at("/total_amounts/shop").decimalValue()).isEqualByComparingTo("15");
        assertThat(rental.at("/total_amounts/vat_shop").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void appUserPaysInTheAppAndTheShopSettlesNothing() {
        JsonNode rental = rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0006/APPUSER1", token));

        assertThat(rental.get("payment_via").asText()).isEqualTo("app");
        assertThat(rental.at("/total_amounts/shop").decimalValue()).isEqualByComparingTo("0");
        assertThat(rental.at("/total_amounts/app").decimalValue()).isEqualByComparingTo("19");
        assertThat(rental.at("/total_amounts/user").decimalValue()).isEqualByComparingTo("19");
    }

    @ParameterizedTest
    @CsvSource({"INACTIVE1,user_inactive", "BOGUS,user_hash_invalid"})
    void badCouponIsABusinessErrorAndTheBatteryStaysInStock(String coupon, String errorType) {
        JsonNode rental = rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0007/" + coupon, token));

        assertThat(rental.get("status").asText()).isEqualTo("error");
        assertThat(rental.get("error_type").asText()).isEqualTo(errorType);
        assertThat(rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0007", token))
                        .get("status")
                        .asText())
                .isEqualTo("ready_for_pickup");
    }

    @Test
    void unknownLocationIsBusinessErrorUndefined() {
        TestClient.Reply reply = client.post("/api/v2/rentals/pickup/shop-nowhere/BAT0008", token);

        JsonNode rental = rental(reply);
        assertThat(rental.get("error_type").asText()).isEqualTo("undefined");
        assertThat(rental.get("error_message").asText()).isNotBlank();
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
    }

    @Test
    void germanShopUsesEurosAndNineteenPercentVat() {
        JsonNode rental = rental(client.get("/api/v2/rentals/pickup/shop-berlin-01/BAT0009", token));

        assertThat(rental.get("charge_currency").asText()).isEqualTo("EUR");
        assertThat(rental.get("vat_rate").asText()).isEqualTo("19");
        assertThat(rental.at("/total_amounts/shop_net").decimalValue()).isEqualByComparingTo("18.36");
        assertThat(rental.at("/total_amounts/vat_shop").decimalValue()).isEqualByComparingTo("0.64");
    }

    @ParameterizedTest
    @CsvSource({"shop-geneve-01,,fr-CH", "shop-zurich-hb,it,it-CH", "shop-berlin-01,en,en-DE"})
    void localeComesFromTheLocationOrLang(String location, String lang, String locale) {
        String query = lang == null ? "" : "?lang=" + lang;

        TestClient.Reply reply = client.get("/api/v2/rentals/pickup/" + location + "/EXPIRED01" + query, token);

        assertThat(reply.json().get("locale").asText()).isEqualTo(locale);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 42})
    void slipLinesNeverExceedTheSlipWidth(int width) {
        JsonNode rental = rental(
                client.get("/api/v2/rentals/return/shop-zurich-hb/LATE02?support_code=200&slip_width=" + width, token));

        String slip = rental.get("slip").asText();
        assertThat(slip.lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
        assertThat(slip).contains("LATE02");
    }

    @Test
    void slipDefaultsToFortyTwoColumns() {
        String slip = rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0010", token))
                .get("slip")
                .asText();

        assertThat(slip.lines().mapToInt(String::length).max().orElse(0)).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v2/rentals/steal/shop-zurich-hb/BAT0011,rental_type",
        "/api/v2/rentals/pickup/shop-zurich-hb/BAT0011?slip_width=40,slip_width",
        "/api/v2/rentals/pickup/shop-zurich-hb/BAT0011?slip_width=abc,slip_width",
        "/api/v2/rentals/return/shop-zurich-hb/RENTED02?support_code=abc,support_code",
        "/api/v2/rentals/return/shop-zurich-hb/RENTED02?support_code=300,support_code",
        "/api/v2/rentals/pickup/shop-zurich-hb/BAT0011?lang=xx,lang",
        "/api/v2/rentals/pickup/shop-zurich-hb/BAT0011?partner_transaction_id=,partner_transaction_id"
    })
    void invalidParametersAre400AndChangeNothing(String path, String parameter) {
        TestClient.Reply reply = client.post(path, token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/status").asText()).isEqualTo("error");
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("invalid_parameter");
        assertThat(reply.json().at("/error/error_message").asText()).contains(parameter);
        assertThat(reply.json().get("locale").asText()).isNotBlank();
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
        assertThat(rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0011", token))
                        .get("status")
                        .asText())
                .isEqualTo("ready_for_pickup");
        assertThat(rental(client.get("/api/v2/rentals/return/shop-zurich-hb/RENTED02", token))
                        .get("status")
                        .asText())
                .isEqualTo("ready_for_return");
    }

    @Test
    void oversizedBodyIs413AndCreatesNothing() {
        TestClient.Reply reply = client.send(client.api("/api/v2/rentals/pickup/shop-zurich-hb/BAT0012", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(65 * 1024)))
                .build());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("payload_too_large");
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isZero();
    }

    @Test
    void putOnARentalPathIs405() {
        TestClient.Reply reply = client.put("/api/v2/rentals/pickup/shop-zurich-hb/BAT0013", token);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void controlApiCanPutABatteryIntoAnyState() {
        EMULATOR.emulator().control().setBatteryState("NEW-1", BatteryState.RENTED);
        EMULATOR.emulator().control().setBatteryState("BAT0014", BatteryState.EXPIRED);

        assertThat(rental(client.post("/api/v2/rentals/return/shop-zurich-hb/NEW-1", token))
                        .get("status")
                        .asText())
                .isEqualTo("return_completed");
        assertThat(rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0014", token))
                        .get("error_type")
                        .asText())
                .isEqualTo("battery_expired");
    }

    @Test
    void resetStateRestoresTheSeed() {
        rental(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0015", token));

        EMULATOR.emulator().control().resetState();

        assertThat(rental(client.get("/api/v2/rentals/pickup/shop-zurich-hb/BAT0015", token))
                        .get("status")
                        .asText())
                .isEqualTo("ready_for_pickup");
    }
}
