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
package io.github.chimpypos.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.testsupport.CountingTokenProvider;
import io.github.chimpypos.camel.testsupport.ScriptedHttpServer;
import io.github.chimpypos.camel.transport.HttpClientFactory;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport rules of the API client, against a scripted loopback server. */
class ChimpyPosApiClientTest {

    private static final PathTemplate RENTAL_PATH =
            PathTemplate.parse("/api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]");
    private static final PathTemplate STATION_PRICING_PATH =
            PathTemplate.parse("/api/v2/stations/{external_id}/pricing");
    private static final String RENTAL_OK =
            "{\"data\":{\"rental\":{\"status\":\"pickup_completed\",\"error_type\":null,"
                    + "\"error_message\":null,\"rental_type\":\"pickup\",\"payment_via\":\"shop\",\"charge_currency\":\"CHF\","
                    + "\"slip\":\"----\",\"total_amounts\":{\"charge\":4.0,\"deposit\":15.0,\"shop\":19,\"shop_net\":18.71,"
                    + "\"vat_shop\":0.29,\"future_amount\":1.5}}},\"locale\":\"de-CH\",\"req\":{}}";

    private ScriptedHttpServer server;
    private CountingTokenProvider tokens;
    private ChimpyPosApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        tokens = new CountingTokenProvider();
        client = new ChimpyPosApiClient(
                HttpClientFactory.create(
                        new HttpClientSettings(null, Duration.ofSeconds(2), Duration.ofMillis(300), 4)),
                true,
                server.url() + "/",
                tokens,
                ChimpyPosJson.newMapper(),
                1);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ApiRequest.Builder createRental() {
        return ApiRequest.post("createRental", RENTAL_PATH)
                .pathVariable("rental_type", "pickup")
                .pathVariable("location_id", "shop zurich")
                .pathVariable("battery_id", "BAT0001")
                .resourceKey("rental");
    }

    @Test
    void sendsBearerTokenEncodedPathAndQueryAndReadsTheTypedResource() {
        server.respond(200, RENTAL_OK);

        ApiResult<Rental> result = client.execute(
                createRental()
                        .query("lang", "de")
                        .query("slip_width", 32)
                        .query("partner_terminal_id", null)
                        .build(),
                Rental.class);

        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/rentals/pickup/shop%20zurich/BAT0001");
        assertThat(request.rawQuery()).isEqualTo("lang=de&slip_width=32");
        assertThat(request.authorization()).isEqualTo("Bearer token-1");
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.status()).isEqualTo("pickup_completed");
        assertThat(result.isBusinessError()).isFalse();
        assertThat(result.locale()).isEqualTo("de-CH");
        Rental rental = result.resource();
        assertThat(rental.getChargeCurrency()).isEqualTo("CHF");
        assertThat(rental.getTotalAmounts().getShop()).isEqualByComparingTo("19");
        assertThat(rental.getTotalAmounts().getShopNet()).isEqualTo(new BigDecimal("18.71"));
        assertThat(rental.getTotalAmounts().getAdditionalAmounts()).containsKey("future_amount");
        assertThat(rental.getAdditionalFields()).containsEntry("slip", "----");
    }

    @Test
    void readsLocaleAndCountryInsideData() {
        server.respond(
                200,
                "{\"data\":{\"station\":{\"external_id\":\"abc1\",\"vat_rate\":\"7.7\",\"total_amounts\":"
                        + "{\"charge\":4.0,\"quick_charge\":2.0,\"deposit\":15.0,\"weekly_late_fee\":2.0},"
                        + "\"stripe_price_id\":\"price_1\"},\"locale\":\"de-CH\",\"country\":\"CH\"}}");

        ApiResult<StationPricing> result = client.execute(
                ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                        .pathVariable("external_id", "abc1")
                        .resourceKey("station")
                        .build(),
                StationPricing.class);

        assertThat(result.locale()).isEqualTo("de-CH");
        assertThat(result.country()).isEqualTo("CH");
        assertThat(result.resource().getVatRate()).isEqualTo("7.7");
        assertThat(result.resource().getTotalAmounts().getWeeklyLateFee()).isEqualByComparingTo("2");
    }

    @Test
    void reportsABusinessErrorWithoutThrowing() {
        server.respond(
                200,
                "{\"data\":{\"rental\":{\"status\":\"error\",\"error_type\":\"battery_already_used\","
                        + "\"error_message\":\"Powerbank already rented\"}},\"locale\":\"en\"}");

        ApiResult<Rental> result = client.execute(createRental().build(), Rental.class);

        assertThat(result.isBusinessError()).isTrue();
        assertThat(result.errorType()).isEqualTo("battery_already_used");
        assertThat(result.errorMessage()).isEqualTo("Powerbank already rented");
        assertThat(result.resource().isError()).isTrue();
    }

    @Test
    void mapsAnHttpErrorWithTheApiErrorBody() {
        server.respond(
                400,
                "{\"error\":{\"status\":\"error\",\"error_type\":\"station_offline_error\","
                        + "\"error_message\":\"Station offline\"},\"locale\":\"de-CH\"}");

        assertThatThrownBy(() -> client.execute(
                        ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                                .pathVariable("external_id", "off1")
                                .resourceKey("station")
                                .build(),
                        StationPricing.class))
                .isInstanceOfSatisfying(ChimpyPosApiException.class, e -> {
                    assertThat(e).isInstanceOf(HttpResponseAware.class);
                    assertThat(e.getHttpResponseCode()).isEqualTo(400);
                    assertThat(e.getErrorType()).isEqualTo("station_offline_error");
                    assertThat(e.getErrorMessage()).isEqualTo("Station offline");
                    assertThat(e.getLocale()).isEqualTo("de-CH");
                    assertThat(e.getMessage())
                            .contains("getStationPricing (GET /api/v2/stations/{external_id}/pricing)")
                            .contains("HTTP 400 station_offline_error");
                });
    }

    @Test
    void mapsAnHttpErrorWithoutJsonBody() {
        server.respond(502, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> client.execute(createRental().build(), Rental.class))
                .isInstanceOfSatisfying(ChimpyPosApiException.class, e -> {
                    assertThat(e.getHttpResponseCode()).isEqualTo(502);
                    assertThat(e.getErrorType()).isNull();
                });
    }

    @Test
    void rejectsAnAnswerWithoutTheExpectedResource() {
        server.respond(200, "{\"data\":{\"station\":{}}}").respond(200, "not json");

        assertThatThrownBy(() -> client.execute(createRental().build(), Rental.class))
                .isInstanceOf(ChimpyPosApiException.class)
                .hasMessageContaining("has no object data.rental");
        assertThatThrownBy(() -> client.execute(createRental().build(), Rental.class))
                .isInstanceOf(ChimpyPosApiException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anUnparsableSuccessIsNeverMistakenForAnIoErrorAndReplayed() {
        server.respond(200, "{\"data\":{\"station\":").respond(200, "");

        ApiRequest pricing = ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                .pathVariable("external_id", "abc1")
                .resourceKey("station")
                .build();
        assertThatThrownBy(() -> client.execute(pricing, StationPricing.class))
                .isInstanceOf(ChimpyPosApiException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> client.execute(pricing, StationPricing.class))
                .isInstanceOf(ChimpyPosApiException.class)
                .hasMessageContaining("is not a JSON object");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aResourceThatDoesNotFitItsModelIsReportedAsSuchAndNotReplayed() {
        server.respond(200, "{\"data\":{\"station\":{\"total_amounts\":\"free\"}},\"locale\":\"de\"}");

        ApiRequest pricing = ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                .pathVariable("external_id", "abc1")
                .resourceKey("station")
                .build();
        assertThatThrownBy(() -> client.execute(pricing, StationPricing.class))
                .isInstanceOfSatisfying(
                        ChimpyPosApiException.class,
                        e -> assertThat(e.getHttpResponseCode()).isEqualTo(200))
                .hasMessageContaining("data.station cannot be read as StationPricing");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theUriOfAReusedRequestIsExpandedOnce() {
        ApiRequest once = ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                .pathVariable("external_id", "abc 1")
                .query("lang", "de")
                .resourceKey("station")
                .build();
        ApiRequest reused = once.asReused();

        assertThat(client.uri(reused)).isSameAs(client.uri(reused));
        assertThat(client.uri(reused).toString()).isEqualTo(server.url() + "/api/v2/stations/abc%201/pricing?lang=de");
        assertThat(client.uri(once)).isNotSameAs(client.uri(once)).isEqualTo(client.uri(reused));
        assertThat(once.reused()).isFalse();
    }

    @Test
    void renewsTheTokenAfter401AndReplaysAPostOnce() {
        server.respond(401, "").respond(200, RENTAL_OK);

        ApiResult<Rental> result = client.execute(createRental().build(), Rental.class);

        assertThat(result.status()).isEqualTo("pickup_completed");
        assertThat(tokens.renewals()).isEqualTo(1);
        assertThat(server.requests())
                .extracting(ScriptedHttpServer.Recorded::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void failsWithTokenRejectedByApiOnASecond401() {
        server.respond(401, "").respond(401, "");

        assertThatThrownBy(() -> client.execute(createRental().build(), Rental.class))
                .isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(TokenFailureReason.TOKEN_REJECTED_BY_API);
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("token-1").doesNotContain("token-2");
                });
        assertThat(server.requests()).hasSize(2);
        assertThat(tokens.renewals()).isEqualTo(1);
    }

    @Test
    void neverReplaysAPostWithoutPartnerTransactionIdAfterATimeout() {
        server.hang().respond(200, RENTAL_OK);

        assertThatThrownBy(() -> client.execute(createRental().build(), Rental.class))
                .isInstanceOf(ChimpyPosException.class)
                .hasMessageContaining("was not replayed")
                .hasMessageContaining("partnerTransactionId");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void replaysAnIdempotentPostOnceAfterATimeout() {
        server.hang().respond(200, RENTAL_OK);

        ApiResult<Rental> result = client.execute(
                createRental()
                        .query("partner_transaction_id", "tx-1")
                        .idempotent(true)
                        .build(),
                Rental.class);

        assertThat(result.status()).isEqualTo("pickup_completed");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests())
                .extracting(ScriptedHttpServer.Recorded::rawQuery)
                .containsOnly("partner_transaction_id=tx-1");
    }

    @Test
    void givesUpAfterTheConfiguredReplays() {
        server.hang().hang();

        assertThatThrownBy(() -> client.execute(
                        ApiRequest.get("getStationPricing", STATION_PRICING_PATH)
                                .pathVariable("external_id", "abc1")
                                .resourceKey("station")
                                .build(),
                        StationPricing.class))
                .isInstanceOf(ChimpyPosException.class)
                .hasMessageContaining("after 2 attempt(s)");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void sendsTheBodyAsJsonWithTheApiFieldNames() throws Exception {
        server.respond(200, RENTAL_OK);

        client.execute(
                ApiRequest.post("createStationPickup", PathTemplate.parse("/api/v2/stations/{external_id}/pickup"))
                        .pathVariable("external_id", "abc1")
                        .body(StationPickupRequest.paypal("order-1", "auth-1"))
                        .resourceKey("rental")
                        .build(),
                Rental.class);

        assertThat(client.mapper().readTree(server.requests().get(0).body()))
                .isEqualTo(client.mapper()
                        .valueToTree(Map.of(
                                "payment_gateway",
                                "paypal",
                                "paypal_order_id",
                                "order-1",
                                "paypal_auth_id",
                                "auth-1")));
    }
}
