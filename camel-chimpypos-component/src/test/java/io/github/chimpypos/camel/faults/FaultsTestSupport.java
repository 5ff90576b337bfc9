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
package io.github.chimpypos.camel.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderRegistry;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.testsupport.EmulatorTrust;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.EmulatorControl;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault injection through Camel routes: one emulator per test class and one Camel context per test, both on the same
 * {@link MutableClock}, which the tests advance instead of sleeping. Secrets are set on the component, as the
 * documentation advises. Token retries sleep for real (a few tens of milliseconds here); every other wait is clock
 * time.
 */
abstract class FaultsTestSupport extends CamelTestSupport {

    /** Access-token lifetime of the emulator; renewal is due 60 to 63 s before expiry (margin + 5 % jitter). */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The token is no longer served in its last 5 s (the expiry guard). */
    static final Duration EXPIRY_GUARD = Duration.ofSeconds(5);

    static final int TOKEN_MAX_RETRIES = 2;
    static final Duration QUIET_PERIOD = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private boolean routesAdded;

    static final MutableClock CLOCK = MutableClock.startingAt(Instant.parse("2031-01-01T00:00:00Z"));

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder()
            .clock(CLOCK)
            .accessTokenLifetime(LIFETIME)
            .refreshTokenRotation(true));

    static final String BATTERY_ROUTE = "direct:checkBattery";
    static final String PICKUP_ROUTE = "direct:pickup";

    static ChimpyPosEmulator emulator() {
        return EMULATOR.emulator();
    }

    static EmulatorControl control() {
        return emulator().control();
    }

    static EmulatorCounters counters() {
        return control().counters();
    }

    static DemoCredentials credentials() {
        return emulator().credentials();
    }

    /** Trusts exactly the emulator's certificate, as a user would configure it. */
    static SSLContextParameters emulatorTrust() {
        return EmulatorTrust.of(emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ChimpyPosComponent component = new ChimpyPosComponent();
        component.setClock(CLOCK);
        ChimpyPosConfiguration configuration = component.getConfiguration();
        configuration.setApiUrl(emulator().apiUrl().toString());
        configuration.setTokenUrl(emulator().tokenUrl().toString());
        configuration.setClientId(credentials().clientId());
        configuration.setAudience(credentials().audience());
        configuration.setUsername(credentials().username());
        configuration.setPassword(credentials().password());
        configuration.setSslContextParameters(emulatorTrust());
        configuration.setTokenMaxRetries(TOKEN_MAX_RETRIES);
        // Retries within one acquisition sleep for real: keep them short. The backoff between acquisitions is judged
        // on the clock and doubles up to MAX_BACKOFF.
        configuration.setTokenRetryInitialBackoff(20);
        configuration.setTokenRetryMaxBackoff(MAX_BACKOFF.toMillis());
        configuration.setCredentialsRejectedQuietPeriod(QUIET_PERIOD.toMillis());
        configuration.setTokenMaxWait(10_000);
        configuration.setMaxConnections(50);
        context.addComponent("chimpypos", component);
        return context;
    }

    /**
     * The JVM remembers rejected credentials per credential set across providers, and every test of a class talks to
     * the same emulator as the same user: an operator reset after each test keeps one test's lockout from the next.
     */
    @AfterEach
    void resetCredentialsLockout() {
        ChimpyPosComponent component = context.getComponent("chimpypos", ChimpyPosComponent.class);
        TokenProviderRegistry registry = component.getTokenProviderRegistry();
        ObservableTokenProvider provider =
                registry.acquire(component.getConfiguration().toTokenProviderSettings(null, CLOCK));
        try {
            provider.resetCredentialsLockout();
        } finally {
            registry.release(provider);
        }
    }

    /**
     * Adds the routes on first use, so that a test can change the component's options (clock, password, timeouts)
     * before any endpoint copies them.
     */
    protected synchronized void ensureRoutes() {
        if (routesAdded) {
            return;
        }
        routesAdded = true;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // The exchange carries the exception back to the test; no error-handler logging per failure.
                    errorHandler(noErrorHandler());
                    from(BATTERY_ROUTE).routeId("checkBattery").to("chimpypos:checkBattery?rentalType=pickup");
                    from(PICKUP_ROUTE)
                            .routeId("pickup")
                            .to("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb"
                                    + "&generatePartnerTransactionId=true");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected ChimpyPosComponent component() {
        return context.getComponent("chimpypos", ChimpyPosComponent.class);
    }

    /** The one token provider the routes share. */
    protected ObservableTokenProvider provider() {
        List<ObservableTokenProvider> providers =
                component().getTokenProviderRegistry().providers();
        if (providers.size() != 1) {
            throw new IllegalStateException("Expected one shared token provider but found " + providers.size());
        }
        return providers.get(0);
    }

    /** Checks a battery through the route; a failure is in {@link Exchange#getException()}. */
    protected Exchange checkBattery(int number) {
        ensureRoutes();
        String batteryId = String.format("BAT%04d", 1 + Math.floorMod(number, 500));
        return template.send(
                BATTERY_ROUTE, exchange -> exchange.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, batteryId));
    }

    /** Rents out a battery through the route, with a generated partner transaction id. */
    protected Exchange pickup(String batteryId) {
        ensureRoutes();
        return template.send(
                PICKUP_ROUTE, exchange -> exchange.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, batteryId));
    }

    /** Waits until no token request is in flight (a background renewal may have been started). */
    protected void awaitIdle() {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(20))
                .until(() -> provider().status().state() != TokenProviderState.RENEWING);
    }

    /** Runs {@code count} tasks on {@code count} threads released at once; returns their results in order. */
    protected static <T> List<T> concurrently(int count, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> calls = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return task.apply(i);
                            },
                            pool))
                    .toList();
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails with the exchange's exception when it failed. */
    static Exchange assertOk(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new AssertionError("The exchange failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }
}
