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
package io.github.chimpypos.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.model.UserCheck;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The smoke suite that the build runs once per supported Camel line (see this module's pom): the jar built against
 * the newest Camel, on the Camel jars of the class path, against the emulator.
 */
class CamelLtsSmokeTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final MutableClock CLOCK = MutableClock.fixedAtNow();

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(
            ChimpyPosEmulator.builder().clock(CLOCK).accessTokenLifetime(TOKEN_LIFETIME));

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() {
        ChimpyPosComponent component = new ChimpyPosComponent();
        ChimpyPosConfiguration configuration = component.getConfiguration();
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        configuration.setApiUrl(emulator.apiUrl().toString());
        configuration.setTokenUrl(emulator.tokenUrl().toString());
        configuration.setClientId(emulator.credentials().clientId());
        configuration.setAudience(emulator.credentials().audience());
        configuration.setUsername(emulator.credentials().username());
        configuration.setPassword(emulator.credentials().password());
        configuration.setSslContextParameters(trustingTheEmulator(emulator));
        component.setClock(CLOCK);
        context = new DefaultCamelContext();
        context.addComponent("chimpypos", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void runsOnTheCamelLineUnderTestWithItsJackson() {
        assertThat(context.getVersion()).isEqualTo(System.getProperty("expected.camel.version"));
        assertThat(PackageVersion.VERSION.toString()).isEqualTo(System.getProperty("expected.jackson.version"));
        assertThat(HttpComponent.class.getPackage().getImplementationVersion())
                .as("camel-http on the class path")
                .isEqualTo(System.getProperty("expected.camel-http.version"));
    }

    /** bearerAuthConfigurer() hands a plain camel-http endpoint of this line the component's token. */
    @Test
    void aCamelHttpEndpointCallsChimpyWithTheComponentsToken() {
        ChimpyPosComponent component = (ChimpyPosComponent) context.getComponent("chimpypos");
        context.getRegistry().bind("chimpyAuth", component.bearerAuthConfigurer());
        context.getRegistry().bind("emulatorTrust", trustingTheEmulator(EMULATOR.emulator()));

        Exchange untyped = template.send(
                EMULATOR.emulator().apiUrl() + "/api/v2/users/FREECHARGE1"
                        + "?httpClientConfigurer=#chimpyAuth&sslContextParameters=#emulatorTrust",
                exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));

        assertThat(untyped.getException()).isNull();
        assertThat(untyped.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(untyped.getMessage().getBody(String.class)).contains("\"status\"");
        assertThat(counters().tokenCalls("password")).isEqualTo(1);
        assertThat(counters().apiCalls("checkUser", 200)).isEqualTo(1);
    }

    @Test
    void fetchesATokenOnceAndRenewsItWhenItExpires() {
        assertThat(send("chimpypos:checkUser?userCoupon=FREECHARGE1").getException())
                .isNull();
        assertThat(counters().tokenCalls("password")).isEqualTo(1);

        CLOCK.advance(TOKEN_LIFETIME.plusMinutes(1));
        Exchange afterExpiry = send("chimpypos:checkUser?userCoupon=FREECHARGE1");

        assertThat(afterExpiry.getException()).isNull();
        assertThat(counters().tokenCalls()).isGreaterThanOrEqualTo(2);
        assertThat(counters().apiCalls("checkUser", 401)).isZero();
    }

    @Test
    void everyOperationOnce() {
        BatteryCheck battery =
                body(send("chimpypos:checkBattery?batteryId=BAT0001&rentalType=pickup"), BatteryCheck.class);
        UserCheck user = body(send("chimpypos:checkUser?userCoupon=FREECHARGE1"), UserCheck.class);
        Rental pricing = body(
                send("chimpypos:getRentalPricing?batteryId=BAT0010&rentalType=pickup&locationId=shop-zurich-hb"),
                Rental.class);
        Rental created = body(
                send("chimpypos:createRental?batteryId=BAT0011&rentalType=pickup&locationId=shop-zurich-hb"
                        + "&partnerTransactionId=tx-lts-1"),
                Rental.class);
        Rental canceled = body(send("chimpypos:cancelRental?partnerTransactionId=tx-lts-1"), Rental.class);
        StationPricing station = body(send("chimpypos:getStationPricing?stationId=abc1"), StationPricing.class);
        Rental pickup = body(
                template.send(
                        "chimpypos:createStationPickup?stationId=abc1",
                        exchange -> exchange.getMessage().setBody(StationPickupRequest.stripe("pi_lts"))),
                Rental.class);

        assertThat(battery.getStatus()).isEqualTo("ready_for_pickup");
        assertThat(user.getCouponType()).isEqualTo("free_charge");
        assertThat(pricing.getTotalAmounts().getCharge()).isEqualByComparingTo("4.0");
        assertThat(created.getStatus()).isEqualTo("pickup_completed");
        assertThat(canceled.getStatus()).isEqualTo("pickup_canceled");
        assertThat(station.getExternalId()).isEqualTo("abc1");
        assertThat(pickup.getStatus()).isEqualTo("pickup_completed");
        for (ChimpyPosOperation operation : ChimpyPosOperation.values()) {
            assertThat(counters().apiCalls(operation.name(), 200))
                    .as(operation.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void replaysACallRejectedWith401AfterANewToken() {
        send("chimpypos:checkUser?userCoupon=FREECHARGE1");
        long tokenCalls = counters().tokenCalls();

        EMULATOR.emulator().control().revokeAccessTokens();
        Exchange replayed = send("chimpypos:checkBattery?batteryId=BAT0001&rentalType=pickup");

        assertThat(replayed.getException()).isNull();
        assertThat(counters().apiCalls("checkBattery", 401)).isEqualTo(1);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(1);
        assertThat(counters().tokenCalls()).isEqualTo(tokenCalls + 1);
    }

    @Test
    void aPollingConsumerEmitsTheStateAndThenAChange() throws Exception {
        List<Exchange> alerts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chimpypos:getStationPricing?stationIds=abc1&onlyChanges=true&delay=100")
                        .process(alerts::add);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.size() == 1);
        EMULATOR.emulator().control().setStationState("abc1", StationState.OFFLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.size() == 2);

        assertThat(alerts.get(0).getMessage().getHeader(ChimpyPosConstants.ERROR_TYPE))
                .isNull();
        assertThat(alerts.get(1).getMessage().getHeader(ChimpyPosConstants.ERROR_TYPE))
                .isEqualTo("station_offline_error");
    }

    @Test
    void dynamicToAndPollEnrichReachTheComponent() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dynamic").toD("chimpypos:checkUser?userCoupon=${header.coupon}");
                from("direct:enrich")
                        .pollEnrich()
                        .simple("chimpypos:getStationPricing?stationIds=${header.station}")
                        .timeout(20_000);
            }
        });

        Exchange sent = template.send(
                "direct:dynamic", exchange -> exchange.getMessage().setHeader("coupon", "FREECHARGE1"));
        Exchange enriched =
                template.send("direct:enrich", exchange -> exchange.getMessage().setHeader("station", "abc1"));

        assertThat(body(sent, UserCheck.class).getCouponType()).isEqualTo("free_charge");
        assertThat(enriched.getException()).isNull();
        assertThat(enriched.getMessage().getHeader(ChimpyPosConstants.STATION_ID))
                .isEqualTo("abc1");
    }

    /**
     * The URI factory is generated against the newest Camel: its {@code multiValuePrefixes()} returns the {@code Map}
     * of Camel 4.17+, while 4.14 declares it returning a {@code Set}. Camel calls it only for components with a
     * send- or poll-dynamic-aware plugin, which chimpypos has none of (see docs/karaf.md, limits).
     */
    @Test
    void theUriFactoryAnswersWhatItsCamelLineDeclares() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("chimpypos");
        Object prefixes;
        try {
            prefixes = EndpointUriFactory.class.getMethod("multiValuePrefixes").invoke(factory);
        } catch (InvocationTargetException e) {
            prefixes = e.getCause();
        }

        assertThat(factory.propertyNames()).contains("password", "apiUrl");
        assertThat(factory.secretPropertyNames()).contains("password", "clientSecret");
        if (context.getVersion().startsWith("4.14.")) {
            assertThat(prefixes).isInstanceOf(AbstractMethodError.class);
        } else {
            assertThat(prefixes).isEqualTo(Map.of("schedulerProperties", "scheduler."));
        }
    }

    /**
     * {@code @UriParam(security=..., insecureValue=...)} exist only in the Camel the jar is built with (not in 4.14 nor
     * 4.18): the JVM skips annotation members that the loaded annotation type lacks, so the options still read.
     */
    @Test
    void theOptionAnnotationsReadOnEveryLine() throws Exception {
        UriParam password =
                ChimpyPosConfiguration.class.getDeclaredField("password").getAnnotation(UriParam.class);
        UriParam insecure = ChimpyPosConfiguration.class
                .getDeclaredField("allowInsecureHttp")
                .getAnnotation(UriParam.class);

        boolean hasSecurityMember = Arrays.stream(UriParam.class.getMethods())
                .anyMatch(member -> member.getName().equals("security"));

        assertThat(password.secret()).isTrue();
        assertThat(insecure.label()).isEqualTo("security");
        assertThat(hasSecurityMember).isEqualTo(camelMinorVersion() >= 22);
    }

    private int camelMinorVersion() {
        return Integer.parseInt(context.getVersion().split("\\.")[1]);
    }

    private Exchange send(String uri) {
        return template.send(uri, exchange -> {});
    }

    private static <T> T body(Exchange exchange, Class<T> type) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(type);
    }

    private static EmulatorCounters counters() {
        return EMULATOR.emulator().control().counters();
    }

    private static SSLContextParameters trustingTheEmulator(ChimpyPosEmulator emulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + emulator.trustStorePath().toAbsolutePath());
        trustStore.setPassword(emulator.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
