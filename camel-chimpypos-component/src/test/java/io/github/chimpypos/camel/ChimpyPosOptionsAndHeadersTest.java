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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.GrantType;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.auth.TokenRequestFormat;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.junit.jupiter.api.Test;

/** Every option reaches its place, and every operation header beats its option. */
class ChimpyPosOptionsAndHeadersTest extends ChimpyPosTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:scan").to("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT0001");
            }
        };
    }

    @Test
    void headersBeatOptions() {
        Exchange exchange = template.send(
                "direct:scan",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                ChimpyPosConstants.BATTERY_ID, "RENTED03",
                                ChimpyPosConstants.RENTAL_TYPE, "return",
                                ChimpyPosConstants.LANG, "fr")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("ready_for_return");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.LOCALE)).isEqualTo("fr");
    }

    @Test
    void aFixedRequestIsBuiltOnceAndAHeaderStillBeatsIt() {
        Exchange first = template.send("direct:scan", e -> {});
        ChimpyPosEndpoint endpoint =
                (ChimpyPosEndpoint) context.getEndpoint("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT0001");
        Exchange plain = context.getEndpoint("direct:scan").createExchange();
        var fixed = endpoint.operationRunner().cachedRequest(ChimpyPosOperation.checkBattery, plain.getMessage());
        Exchange second = template.send("direct:scan", e -> {});
        Exchange overridden = template.send(
                "direct:scan",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                ChimpyPosConstants.BATTERY_ID, "RENTED03", ChimpyPosConstants.RENTAL_TYPE, "return")));

        assertThat(fixed).isNotNull();
        assertThat(fixed.reused()).isTrue();
        assertThat(fixed.pathVariables()).containsEntry("battery_id", "BAT0001");
        assertThat(endpoint.operationRunner().cachedRequest(ChimpyPosOperation.checkBattery, plain.getMessage()))
                .isSameAs(fixed);
        assertThat(endpoint.operationRunner().cachedRequest(ChimpyPosOperation.checkBattery, overridden.getMessage()))
                .isNull();
        assertThat(endpoint.operationRunner().cachedRequest(ChimpyPosOperation.checkUser, plain.getMessage()))
                .isNull();
        assertThat(List.of(first, second)).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS))
                    .isNotEqualTo("ready_for_return");
        });
        assertThat(overridden.getException()).isNull();
        assertThat(overridden.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("ready_for_return");
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(3);
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        Exchange exchange = template.send(
                "direct:scan",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                ChimpyPosConstants.OPERATION, "getStationPricing",
                                ChimpyPosConstants.STATION_ID, "zrh1")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(StationPricing.class).getExternalId())
                .isEqualTo("zrh1");
        assertThat(counters().apiCalls("checkBattery")).isZero();
        assertThat(counters().apiCalls("getStationPricing", 200)).isEqualTo(1);
    }

    @Test
    void theOperationHeaderMayBeTheEnum() {
        Exchange exchange = template.send(
                "direct:scan",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                ChimpyPosConstants.OPERATION,
                                ChimpyPosOperation.checkUser,
                                ChimpyPosConstants.USER_COUPON,
                                "APPUSER1")));

        assertThat(exchange.getException()).isNull();
        assertThat(counters().apiCalls("checkUser", 200)).isEqualTo(1);
    }

    @Test
    void rentalOptionsTravelToTheApi() {
        Exchange exchange = send("chimpypos:createRental?rentalType=pickup&locationId=shop-geneve-01&batteryId=BAT0020"
                + "&userCoupon=FREECHARGE1&lang=it&slipWidth=32&partnerTransactionId=tx-opt-1&partnerTerminalId=T-7");

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getCouponType()).isEqualTo("free_charge");
        assertThat(rental.getPartnerTransactionId()).isEqualTo("tx-opt-1");
        assertThat(rental.getAdditionalFields()).containsEntry("partner_terminal_id", "T-7");
        assertThat(rental.getAdditionalFields()).containsEntry("location_id", "shop-geneve-01");
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.LOCALE)).isEqualTo("it-CH");
        assertThat(slipLines(rental))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
    }

    @Test
    void rentalHeadersTravelToTheApi() {
        Exchange exchange = send(
                "chimpypos:createRental?rentalType=pickup&locationId=shop-geneve-01&batteryId=BAT0021&slipWidth=32",
                null,
                Map.of(
                        ChimpyPosConstants.RENTAL_TYPE, "return",
                        ChimpyPosConstants.LOCATION_ID, "shop-berlin-01",
                        ChimpyPosConstants.BATTERY_ID, "LATE01",
                        ChimpyPosConstants.SUPPORT_CODE, "200",
                        ChimpyPosConstants.SLIP_WIDTH, 42,
                        ChimpyPosConstants.PARTNER_TRANSACTION_ID, "tx-head-1",
                        ChimpyPosConstants.PARTNER_TERMINAL_ID, "T-8"));

        assertThat(exchange.getException()).isNull();
        Rental rental = exchange.getMessage().getBody(Rental.class);
        assertThat(rental.getStatus()).isEqualTo("return_completed");
        assertThat(rental.getChargeCurrency()).isEqualTo("EUR");
        assertThat(rental.getTotalAmounts().getCableMissing()).isNotNull();
        assertThat(rental.getTotalAmounts().getLateFee()).isPositive();
        assertThat(rental.getPartnerTransactionId()).isEqualTo("tx-head-1");
        assertThat(rental.getAdditionalFields()).containsEntry("partner_terminal_id", "T-8");
        assertThat(slipLines(rental))
                .anySatisfy(line -> assertThat(line.length()).isGreaterThan(32));
    }

    @Test
    void userCouponHeaderAddsTheOptionalPathSegment() {
        Exchange exchange = send(
                "chimpypos:getRentalPricing?rentalType=pickup&locationId=shop-zurich-hb&batteryId=BAT0022",
                null,
                Map.of(ChimpyPosConstants.USER_COUPON, "APPUSER1"));

        assertThat(exchange.getMessage().getBody(Rental.class).getPaymentVia()).isEqualTo("app");
    }

    @Test
    void auth0IdOptionAndHeaderReachStationCalls() {
        Exchange pricing = send("chimpypos:getStationPricing?stationId=abc1&auth0Id=auth0|sandbox-free-charge");
        Exchange pickup = send(
                "chimpypos:createStationPickup?stationId=abc1",
                StationPickupRequest.stripe("pi_a0"),
                Map.of(ChimpyPosConstants.AUTH0_ID, "auth0|sandbox-free-charge"));

        assertThat(pricing.getMessage().getBody(StationPricing.class).getCouponType())
                .isEqualTo("free_charge");
        assertThat(pricing.getMessage()
                        .getBody(StationPricing.class)
                        .getTotalAmounts()
                        .getCharge())
                .isEqualByComparingTo("0");
        assertThat(pickup.getMessage().getBody(Rental.class).getCouponType()).isEqualTo("free_charge");
    }

    @Test
    void generatedPartnerTransactionIdIsReturnedAndCancelsTheRental() {
        Exchange created = send("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb&batteryId=BAT0023"
                + "&generatePartnerTransactionId=true");
        String transactionId = created.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class);

        Exchange canceled =
                send("chimpypos:cancelRental", null, Map.of(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId));

        assertThat(transactionId).matches("[0-9a-f-]{36}");
        assertThat(created.getMessage().getBody(Rental.class).getPartnerTransactionId())
                .isEqualTo(transactionId);
        assertThat(canceled.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("pickup_canceled");
    }

    @Test
    void withoutGenerationNoPartnerTransactionIdIsSent() {
        Exchange created = send("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb&batteryId=BAT0024");

        assertThat(created.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID))
                .isNull();
        assertThat(created.getMessage().getBody(Rental.class).getPartnerTransactionId())
                .isNull();
    }

    @Test
    void pathTemplatesCanBeOverridden() {
        component().getConfiguration().setApiUrl(emulator().apiUrl() + "/api");
        component().getConfiguration().setGetStationPricingPath("/v2/stations/{external_id}/pricing");

        Exchange overridden = send("chimpypos:getStationPricing?stationId=abc1");
        Exchange notOverridden = send("chimpypos:checkUser?userCoupon=APPUSER1");

        assertThat(overridden.getException()).isNull();
        assertThat(overridden.getMessage().getBody(StationPricing.class).getExternalId())
                .isEqualTo("abc1");
        assertThat(notOverridden.getException()).isInstanceOf(ChimpyPosApiException.class);
        assertThat(((ChimpyPosApiException) notOverridden.getException()).getHttpResponseCode())
                .isEqualTo(404);
    }

    @Test
    void notFoundNamesTheResolvedUrlSoADoubledApiPrefixShows() {
        component().getConfiguration().setApiUrl(emulator().apiUrl() + "/api/v2");

        Exchange exchange = send("chimpypos:checkBattery?batteryId=BAT0002&rentalType=pickup");

        assertThat(exchange.getException())
                .isInstanceOf(ChimpyPosApiException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(emulator().apiUrl() + "/api/v2/api/v2/batteries/BAT0002")
                .hasMessageContaining("apiUrl is the base URL");
    }

    @Test
    void everyPathTemplateCanBeOverridden() {
        ChimpyPosConfiguration configuration = component().getConfiguration();
        configuration.setApiUrl(emulator().apiUrl() + "/api");
        configuration.setCheckBatteryPath("/v2/batteries/{battery_id}");
        configuration.setCheckUserPath("/v2/users/{user_coupon}");
        configuration.setGetRentalPricingPath("/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]");
        configuration.setCreateRentalPath("/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]");
        configuration.setCancelRentalPath("/v2/rentals/cancel/{partner_transaction_id}");
        configuration.setGetStationPricingPath("/v2/stations/{external_id}/pricing");
        configuration.setCreateStationPickupPath("/v2/stations/{external_id}/pickup");
        String rental = "?rentalType=pickup&locationId=shop-zurich-hb&batteryId=BAT0030";

        List<Exchange> exchanges = List.of(
                send("chimpypos:checkBattery" + rental),
                send("chimpypos:checkUser?userCoupon=APPUSER1"),
                send("chimpypos:getRentalPricing" + rental),
                send("chimpypos:createRental" + rental + "&partnerTransactionId=tx-path-1"),
                send("chimpypos:cancelRental?partnerTransactionId=tx-path-1"),
                send("chimpypos:getStationPricing?stationId=abc1"),
                send("chimpypos:createStationPickup?stationId=abc1", StationPickupRequest.stripe("pi_p"), Map.of()));

        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.HTTP_STATUS))
                    .isEqualTo(200);
        });
        for (ChimpyPosOperation operation : ChimpyPosOperation.values()) {
            assertThat(counters().apiCalls(operation.name(), 200))
                    .as(operation.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void maxConnectionsBoundsTheConcurrentApiCalls() throws Exception {
        emulator().control().setApiLatency(Duration.ofMillis(50));
        String uri = "chimpypos:checkUser?userCoupon=APPUSER1&maxConnections=1";
        assertThat(send(uri).getException()).isNull();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> send(uri)));
            }
            for (Future<Exchange> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters().maxConcurrentApiCalls()).isEqualTo(1);
    }

    @Test
    void pathTemplateOverrideOnTheEndpointUri() {
        Exchange exchange =
                send("chimpypos:checkUser?userCoupon=APPUSER1&checkUserPath=RAW(/api/v2/users/{user_coupon})");

        assertThat(exchange.getException()).isNull();
        assertThat(counters().apiCalls("checkUser", 200)).isEqualTo(1);
    }

    @Test
    void tokenOptionsReachTheTokenProvider() {
        ChimpyPosEndpoint endpoint = context.getEndpoint(
                "chimpypos:checkUser?scope=openid&grantType=password&tokenRequestFormat=form&useRefreshToken=false"
                        + "&refreshMargin=2m&credentialsRejectedQuietPeriod=90s&tokenMaxRetries=5"
                        + "&tokenRetryInitialBackoff=250ms&tokenRetryMaxBackoff=4s&tokenMaxWait=7s&tokenMaxRetryAfter=1m"
                        + "&connectTimeout=3s&responseTimeout=9s",
                ChimpyPosEndpoint.class);

        TokenProviderSettings settings = ((DefaultTokenProvider) endpoint.getTokenProvider()).getSettings();

        assertThat(settings.scope()).isEqualTo("openid");
        assertThat(settings.grantType()).isEqualTo(GrantType.password);
        assertThat(settings.requestFormat()).isEqualTo(TokenRequestFormat.form);
        assertThat(settings.useRefreshToken()).isFalse();
        assertThat(settings.refreshMargin()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.credentialsRejectedQuietPeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxRetries()).isEqualTo(5);
        assertThat(settings.retryInitialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.retryMaxBackoff()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.httpClientSettings().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.httpClientSettings().responseTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(settings.clientId()).isEqualTo(credentials().clientId());
        assertThat(settings.audience()).isEqualTo(credentials().audience());
        assertThat(settings.tokenUrl()).isEqualTo(emulator().tokenUrl());
    }

    @Test
    void formEncodedTokenRequestsWork() {
        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&tokenRequestFormat=form&scope=");

        assertThat(exchange.getException()).isNull();
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(1);
    }

    @Test
    void clientCredentialsGrant() {
        component().getConfiguration().setClientSecret(credentials().clientSecret());

        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&grantType=client_credentials");

        assertThat(exchange.getException()).isNull();
        assertThat(counters().tokenCalls("client_credentials", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls("password")).isZero();
    }

    @Test
    void aTokenProviderBeanReplacesTheSharedOne() {
        DefaultTokenProvider own = new DefaultTokenProvider(TokenProviderSettings.builder()
                .tokenUrl(emulator().tokenUrl())
                .clientId(credentials().clientId())
                .audience(credentials().audience())
                .username(credentials().username())
                .password(credentials().password())
                .httpClientSettings(new HttpClientSettings(
                        emulator().clientSslContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), 1))
                .build());
        ServiceHelper.startService(own);
        context.getRegistry().bind("ownTokens", own);
        try {
            Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&tokenProvider=#ownTokens");
            ChimpyPosEndpoint endpoint = context.getEndpoint(
                    "chimpypos:checkUser?userCoupon=APPUSER1&tokenProvider=#ownTokens", ChimpyPosEndpoint.class);

            assertThat(exchange.getException()).isNull();
            assertThat(endpoint.getTokenProvider()).isSameAs(own);
            assertThat(own.status().tokenCalls()).isEqualTo(1);
            // the component shares it like its own: one user here, observed like the shared providers
            assertThat(component().getTokenProviderRegistry().users(own)).isEqualTo(1);
            assertThat(component().getTokenProviderRegistry().providers()).contains(own);
            assertThat(counters().tokenCalls()).isEqualTo(1);
        } finally {
            ServiceHelper.stopService(own);
        }
    }

    @Test
    void anInjectedHttpClientIsUsedForApiCalls() {
        AtomicInteger requests = new AtomicInteger();
        CloseableHttpClient httpClient = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(emulator().clientSslContext())
                                .buildClassic())
                        .build())
                .addRequestInterceptorFirst((request, entity, ctx) -> requests.incrementAndGet())
                .build();
        context.getRegistry().bind("ownHttp", httpClient);

        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&httpClient=#ownHttp");

        assertThat(exchange.getException()).isNull();
        assertThat(requests).hasValue(1);
    }

    @Test
    void globalSslContextParametersAreUsedWhenEnabled() {
        context.setSSLContextParameters(emulatorTrust());
        component().getConfiguration().setSslContextParameters(null);
        component().setUseGlobalSslContextParameters(true);

        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1");

        assertThat(exchange.getException()).isNull();
    }

    @Test
    void theResponseTimeoutBoundsApiCalls() {
        emulator().control().setApiLatency(Duration.ofSeconds(2));

        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&responseTimeout=200ms&ioErrorReplays=0");

        assertThat(exchange.getException())
                .isInstanceOf(ChimpyPosException.class)
                .hasMessageContaining("after 1 attempt(s)");
    }

    @Test
    void serviceLocationNamesTheApi() {
        ChimpyPosEndpoint endpoint = context.getEndpoint("chimpypos:checkUser", ChimpyPosEndpoint.class);

        assertThat(endpoint.getServiceUrl()).isEqualTo(emulator().apiUrl().toString());
        assertThat(endpoint.getServiceProtocol()).isEqualTo("https");
        assertThat(endpoint.getServiceMetadata())
                .containsEntry("clientId", credentials().clientId());
    }

    private static String[] slipLines(Rental rental) {
        Object slip = rental.getAdditionalFields().get("slip");
        assertThat(slip).isInstanceOf(String.class);
        return ((String) slip).split("\n");
    }
}
