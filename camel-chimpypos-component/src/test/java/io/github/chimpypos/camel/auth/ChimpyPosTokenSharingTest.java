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
package io.github.chimpypos.camel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** One token provider per credential set: endpoints share it, cold starts and 401 storms cost one token call. */
class ChimpyPosTokenSharingTest extends ChimpyPosTestSupport {

    @Test
    void fiftyEndpointsWithTheSameCredentialsFetchOneToken() {
        List<ChimpyPosEndpoint> endpoints = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String uri = String.format("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT%04d", i);
            Exchange exchange = send(uri);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS))
                    .isEqualTo("ready_for_pickup");
            endpoints.add(context.getEndpoint(uri, ChimpyPosEndpoint.class));
        }

        assertThat(endpoints.stream().map(ChimpyPosEndpoint::getTokenProvider).distinct())
                .hasSize(1);
        assertThat(component().getTokenProviderRegistry().providers()).hasSize(1);
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(50);
    }

    @Test
    void otherCredentialsGetTheirOwnProvider() {
        component().getConfiguration().setClientSecret(credentials().clientSecret());
        ChimpyPosEndpoint shop = context.getEndpoint("chimpypos:checkUser", ChimpyPosEndpoint.class);
        ChimpyPosEndpoint machine =
                context.getEndpoint("chimpypos:checkUser?grantType=client_credentials", ChimpyPosEndpoint.class);

        assertThat(shop.getTokenProvider()).isNotSameAs(machine.getTokenProvider());
        assertThat(component().getTokenProviderRegistry().providers()).hasSize(2);
    }

    @Test
    void stoppingTheLastEndpointReleasesTheProvider() throws Exception {
        ChimpyPosEndpoint first = context.getEndpoint("chimpypos:checkUser?userCoupon=A", ChimpyPosEndpoint.class);
        ChimpyPosEndpoint second = context.getEndpoint("chimpypos:checkUser?userCoupon=B", ChimpyPosEndpoint.class);
        TokenProvider shared = first.getTokenProvider();
        assertThat(component().getTokenProviderRegistry().users(shared)).isEqualTo(2);

        context.removeEndpoint(first);
        assertThat(component().getTokenProviderRegistry().users(shared)).isEqualTo(1);
        context.removeEndpoint(second);

        assertThat(component().getTokenProviderRegistry().providers()).isEmpty();
        assertThat(first.getTokenProvider()).isNull();
    }

    @Test
    void twoHundredConcurrentExchangesAtColdStartFetchExactlyOneToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String batteryId = String.format("BAT%04d", 1 + i % 500);
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitQuietly(start);
                            return send(
                                    "chimpypos:checkBattery?rentalType=pickup",
                                    null,
                                    Map.of(ChimpyPosConstants.BATTERY_ID, batteryId));
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);

            for (CompletableFuture<Exchange> call : calls) {
                assertThat(call.get().getException()).isNull();
                assertThat(call.get().getMessage().getHeader(ChimpyPosConstants.STATUS))
                        .isEqualTo("ready_for_pickup");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(200);
    }

    @Test
    void aRevokedTokenCostsOneTokenCallAndOneReplay() {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        emulator().control().revokeAccessTokens();

        Exchange exchange = send("chimpypos:checkUser?userCoupon=FREECHARGE1");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("valid");
        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(counters().apiCalls("checkUser", 401)).isEqualTo(1);
        assertThat(counters().apiCalls("checkUser", 200)).isEqualTo(2);
    }

    @Test
    void aRevokedTokenUnderConcurrencyIsRenewedOnce() throws Exception {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        emulator().control().revokeAccessTokens();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitQuietly(start);
                            return send("chimpypos:checkUser?userCoupon=APPUSER1");
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<Exchange> call : calls) {
                assertThat(call.get().getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(counters().apiCalls("checkUser", 401)).isLessThanOrEqualTo(40);
        assertThat(counters().apiCalls("checkUser", 200)).isEqualTo(41);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
