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
package io.github.chimpypos.camel.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosBusinessException;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.model.UserCheck;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

/** Every operation against the emulator: success, business error (HTTP 200, status=error) and HTTP error. */
class ChimpyPosOperationsTest extends ChimpyPosTestSupport {

    private static final String PICKUP_AT_ZURICH = "&rentalType=pickup&locationId=shop-zurich-hb";

    @Test
    void checkBatteryThatCanBePickedUp() {
        Exchange exchange = send("chimpypos:checkBattery?batteryId=BAT0001&rentalType=pickup");

        assertThat(exchange.getException()).isNull();
        BatteryCheck check = exchange.getMessage().getBody(BatteryCheck.class);
        assertThat(check.getStatus()).isEqualTo("ready_for_pickup");
        assertThat(check.isError()).isFalse();
        assertThat(check.getBatteryId()).isEqualTo("BAT0001");
        assertResultHeaders(exchange.getMessage(), 200, "ready_for_pickup", null);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(1);
    }

    @Test
    void checkBatteryBusinessErrorSetsHeadersWithoutThrowing() {
        Exchange exchange = send("chimpypos:checkBattery?batteryId=RENTED01&rentalType=pickup");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(BatteryCheck.class).isError()).isTrue();
        assertResultHeaders(exchange.getMessage(), 200, "error", "battery_already_used");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.ERROR_MESSAGE, String.class))
                .isNotBlank();
    }

    @Test
    void checkBatteryHttpErrorThrowsWithStatusAndErrorType() {
        Exchange exchange = send("chimpypos:checkBattery?batteryId=BAT0001&rentalType=pickup&lang=xx");

        assertApiException(exchange, 400, "invalid_parameter");
    }

    @Test
    void checkUserWithAValidCoupon() {
        Exchange exchange = send("chimpypos:checkUser?userCoupon=FREECHARGE1");

        assertThat(exchange.getException()).isNull();
        UserCheck check = exchange.getMessage().getBody(UserCheck.class);
        assertThat(check.getCouponType()).isEqualTo("free_charge");
        assertThat(check.getPaymentVia()).isEqualTo("shop");
        assertResultHeaders(exchange.getMessage(), 200, "valid", null);
    }

    @Test
    void checkUserBusinessError() {
        Exchange exchange = send("chimpypos:checkUser?userCoupon=INACTIVE1");

        assertThat(exchange.getException()).isNull();
        assertResultHeaders(exchange.getMessage(), 200, "error", "user_inactive");
    }

    @Test
    void checkUserHttpError() {
        emulator().control().failNextApiCalls(1, Fault.respond(502, "text/html", "<html>Bad gateway</html>"));

        Exchange exchange = send("chimpypos:checkUser?userCoupon=FREECHARGE1");

        assertApiException(exchange, 502, null);
    }

    @Test
    void getRentalPricingChangesNothing() {
        Exchange exchange = send("chimpypos:getRentalPricing?batteryId=BAT0010" + PICKUP_AT_ZURICH);

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getStatus()).isEqualTo("ready_for_pickup");
        assertThat(rental.getChargeCurrency()).isEqualTo("CHF");
        assertThat(rental.getTotalAmounts().getCharge()).isEqualByComparingTo("4.0");
        assertThat(rental.getTotalAmounts().getDeposit()).isEqualByComparingTo("15.0");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.LOCALE)).isEqualTo("de-CH");
        assertThat(counters().createdRentals()).isZero();
    }

    @Test
    void getRentalPricingBusinessError() {
        Exchange exchange = send("chimpypos:getRentalPricing?batteryId=EXPIRED01" + PICKUP_AT_ZURICH);

        assertThat(exchange.getException()).isNull();
        assertResultHeaders(exchange.getMessage(), 200, "error", "battery_expired");
    }

    @Test
    void getRentalPricingHttpError() {
        emulator().control().failNextApiCalls(1, Fault.status(500));

        Exchange exchange = send("chimpypos:getRentalPricing?batteryId=BAT0010" + PICKUP_AT_ZURICH);

        assertApiException(exchange, 500, "undefined");
    }

    @Test
    void createRentalPicksUpABattery() {
        Exchange exchange = send("chimpypos:createRental?batteryId=BAT0011" + PICKUP_AT_ZURICH);

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getStatus()).isEqualTo("pickup_completed");
        assertThat(rental.getHashedRentalId()).isNotBlank();
        assertThat(rental.getTotalAmounts().getShop()).isEqualByComparingTo("19");
        assertThat(counters().createdRentals()).isEqualTo(1);

        Exchange again = send("chimpypos:checkBattery?batteryId=BAT0011&rentalType=pickup");
        assertResultHeaders(again.getMessage(), 200, "error", "battery_already_used");
    }

    @Test
    void createRentalBusinessError() {
        Exchange exchange =
                send("chimpypos:createRental?batteryId=BAT0012&rentalType=return&locationId=shop-zurich-hb");

        assertThat(exchange.getException()).isNull();
        assertResultHeaders(exchange.getMessage(), 200, "error", "battery_not_rented_out");
        assertThat(counters().createdRentals()).isZero();
    }

    @Test
    void createRentalHttpError() {
        Exchange exchange = send(
                "chimpypos:createRental?batteryId=RENTED02&rentalType=return&locationId=shop-zurich-hb&supportCode=999");

        assertApiException(exchange, 400, "invalid_parameter");
        assertThat(counters().createdRentals()).isZero();
    }

    @Test
    void cancelRentalByPartnerTransactionId() {
        send("chimpypos:createRental?batteryId=BAT0013&partnerTransactionId=tx-cancel-1" + PICKUP_AT_ZURICH);

        Exchange exchange = send("chimpypos:cancelRental?partnerTransactionId=tx-cancel-1");

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getStatus()).isEqualTo("pickup_canceled");
        assertThat(rental.getTotalAmounts().getShop()).isEqualByComparingTo("19");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID))
                .isEqualTo("tx-cancel-1");
        assertThat(counters().canceledRentals()).isEqualTo(1);
    }

    @Test
    void cancelRentalOfAnUnknownTransactionIsAnHttpError() {
        Exchange exchange = send("chimpypos:cancelRental?partnerTransactionId=tx-unknown");

        assertApiException(exchange, 404, "original_rental_not_found");
    }

    @Test
    void cancelRentalTwiceIsAConflict() {
        send("chimpypos:createRental?batteryId=BAT0014&partnerTransactionId=tx-cancel-2" + PICKUP_AT_ZURICH);
        send("chimpypos:cancelRental?partnerTransactionId=tx-cancel-2");

        Exchange exchange = send("chimpypos:cancelRental?partnerTransactionId=tx-cancel-2");

        assertApiException(exchange, 409, "general_error");
    }

    @Test
    void getStationPricingReadsLocaleAndCountryFromData() {
        Exchange exchange = send("chimpypos:getStationPricing?stationId=abc1");

        assertThat(exchange.getException()).isNull();
        StationPricing pricing = exchange.getMessage().getBody(StationPricing.class);
        assertThat(pricing.getExternalId()).isEqualTo("abc1");
        assertThat(pricing.getVatRate()).isEqualTo("7.7");
        assertThat(pricing.getStripePriceId()).isNotBlank();
        assertThat(pricing.getTotalAmounts().getWeeklyLateFee()).isEqualByComparingTo("2.0");
        assertThat(pricing.getTotalAmounts().getQuickCharge()).isEqualByComparingTo("2.0");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.LOCALE)).isEqualTo("de-CH");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.COUNTRY)).isEqualTo("CH");
    }

    @Test
    void getStationPricingOfAnOfflineStationIsAnHttpError() {
        Exchange exchange = send("chimpypos:getStationPricing?stationId=off1");

        assertApiException(exchange, 400, "station_offline_error");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.ERROR_TYPE))
                .isEqualTo("station_offline_error");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.HTTP_STATUS))
                .isEqualTo(400);
    }

    @Test
    void getStationPricingOfAnEmptyStationIsAnHttpError() {
        assertApiException(send("chimpypos:getStationPricing?stationId=emp1"), 400, "no_battery_available_error");
    }

    @Test
    void createStationPickupWithStripe() {
        Exchange exchange =
                send("chimpypos:createStationPickup?stationId=abc1", StationPickupRequest.stripe("pi_123"), Map.of());

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getStatus()).isEqualTo("pickup_completed");
        assertThat(rental.getPaymentVia()).isEqualTo("app");
        assertThat(rental.getErrorMessage()).isNotBlank();
        assertThat(rental.isError()).isFalse();
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.ERROR_TYPE))
                .isNull();
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void createStationPickupWithAMapAndWithJson() {
        Exchange fromMap = send(
                "chimpypos:createStationPickup?stationId=abc1",
                Map.of("payment_gateway", "paypal", "paypal_order_id", "order-1", "paypal_auth_id", "auth-1"),
                Map.of());
        Exchange fromJson = send(
                "chimpypos:createStationPickup?stationId=zrh1",
                "{\"paymentGateway\":\"stripe\",\"stripePaymentIntentId\":\"pi_456\"}",
                Map.of());

        assertThat(fromMap.getException()).isNull();
        assertThat(fromJson.getException()).isNull();
        assertThat(fromMap.getMessage().getBody(Rental.class).getStatus()).isEqualTo("pickup_completed");
        assertThat(fromJson.getMessage().getBody(Rental.class).getStatus()).isEqualTo("pickup_completed");
        assertThat(counters().createdRentals()).isEqualTo(2);
    }

    @Test
    void createStationPickupWithADeclinedPaymentIsAnHttpError() {
        Exchange exchange = send(
                "chimpypos:createStationPickup?stationId=abc1", StationPickupRequest.stripe("pi_fail_1"), Map.of());

        assertApiException(exchange, 400, "payment_failed");
        assertThat(counters().createdRentals()).isZero();
    }

    @Test
    void createStationPickupAtAStationWithSetupError() {
        Exchange exchange =
                send("chimpypos:createStationPickup?stationId=set1", StationPickupRequest.stripe("pi_2"), Map.of());

        assertApiException(exchange, 400, "station_setup_error");
    }

    @Test
    void throwOnBusinessErrorRaisesATypedException() {
        Exchange exchange =
                send("chimpypos:checkBattery?batteryId=RETURNED01&rentalType=return&throwOnBusinessError=true");

        assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo(ChimpyPosOperation.checkBattery);
            assertThat(e.getErrorType()).isEqualTo("battery_already_returned");
            assertThat(e.getResource()).isInstanceOf(BatteryCheck.class);
        });
        assertResultHeaders(exchange.getMessage(), 200, "error", "battery_already_returned");
    }

    @Test
    void resultHeadersOfAnEarlierCallNeverPassForThisOnes() {
        Map<String, Object> stale = Map.of(
                ChimpyPosConstants.STATUS, "ready_for_pickup",
                ChimpyPosConstants.ERROR_TYPE, "battery_already_used",
                ChimpyPosConstants.COUNTRY, "DE");

        Exchange succeeded = send("chimpypos:checkUser?userCoupon=APPUSER1", null, stale);
        Exchange failed = send("chimpypos:checkUser", null, stale);

        assertThat(succeeded.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("valid");
        assertThat(succeeded.getMessage().getHeaders())
                .doesNotContainKey(ChimpyPosConstants.ERROR_TYPE)
                .doesNotContainKey(ChimpyPosConstants.COUNTRY);
        assertThat(failed.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(failed.getMessage().getHeaders())
                .doesNotContainKey(ChimpyPosConstants.STATUS)
                .doesNotContainKey(ChimpyPosConstants.ERROR_TYPE);
    }

    private static void assertResultHeaders(Message message, int httpStatus, String status, String errorType) {
        assertThat(message.getHeader(ChimpyPosConstants.HTTP_STATUS)).isEqualTo(httpStatus);
        assertThat(message.getHeader(ChimpyPosConstants.STATUS)).isEqualTo(status);
        assertThat(message.getHeader(ChimpyPosConstants.ERROR_TYPE)).isEqualTo(errorType);
        assertThat(message.getHeader(ChimpyPosConstants.LOCALE, String.class)).isNotBlank();
    }

    private static void assertApiException(Exchange exchange, int status, String errorType) {
        assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosApiException.class, e -> {
            assertThat(e.getHttpResponseCode()).isEqualTo(status);
            assertThat(e.getErrorType()).isEqualTo(errorType);
        });
    }
}
