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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.github.chimpypos.camel.polling.RequestPacer;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

/**
 * The consumer is a polite client: a bound on requests per poll (every key gets its turn), a bound on requests in
 * flight, requests spread over the poll interval, one token for all keys, state that does not grow with polls.
 */
class ChimpyPosConsumerPolitenessTest extends ChimpyPosTestSupport {

    private static final List<String> THOUSAND_BATTERIES = IntStream.rangeClosed(1, 1000)
            .mapToObj(i -> String.format("BAT%04d", i))
            .toList();

    private final AtomicReference<Collection<String>> shelf = new AtomicReference<>(List.of("BAT0001", "BAT0002"));
    private final CountingStateRepository thousandState = new CountingStateRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("shelf", (Supplier<Collection<String>>) shelf::get);
        registry.bind("thousand", (Supplier<Collection<String>>) () -> THOUSAND_BATTERIES);
        registry.bind("thousandState", thousandState);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chimpypos:getStationPricing?stationIds=abc1,zrh1,off1,emp1,set1&maxRequestsPerPoll=2&"
                                + POLLED_BY_TEST)
                        .routeId("bounded")
                        .to("mock:bounded");
                from("chimpypos:checkBattery?keysSupplier=#shelf&rentalType=pickup&onlyChanges=true&" + POLLED_BY_TEST)
                        .routeId("shelf")
                        .to("mock:shelf");
                from("chimpypos:checkBattery?batteryIds=" + String.join(",", THOUSAND_BATTERIES.subList(0, 24))
                                + "&rentalType=pickup&maxConcurrentRequests=4&" + POLLED_BY_TEST)
                        .routeId("parallel")
                        .to("mock:parallel");
                from("chimpypos:checkBattery?batteryIds=" + String.join(",", THOUSAND_BATTERIES.subList(0, 6))
                                + "&rentalType=pickup&" + POLLED_BY_TEST)
                        .routeId("sequential")
                        .to("mock:sequential");
                from("chimpypos:checkBattery?keysSupplier=#thousand&rentalType=return&onlyChanges=true"
                                + "&stateRepository=#thousandState&maxConcurrentRequests=8&" + POLLED_BY_TEST)
                        .routeId("thousand")
                        .to("mock:thousand");
                from("chimpypos:checkBattery?batteryIds=" + String.join(",", THOUSAND_BATTERIES.subList(0, 10))
                                + "&rentalType=pickup&startScheduler=false")
                        .routeId("spread")
                        .to("mock:spread");
            }
        };
    }

    @Test
    void maxRequestsPerPollTakesTheKeysInTurn() {
        List<List<String>> polls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            polls.add(poll("bounded", "mock:bounded").stream()
                    .map(e -> header(e, ChimpyPosConstants.STATION_ID))
                    .toList());
        }

        assertThat(polls)
                .containsExactly(
                        List.of("abc1", "zrh1"),
                        List.of("off1", "emp1"),
                        List.of("set1", "abc1"),
                        List.of("zrh1", "off1"));
        assertThat(counters().apiCalls("getStationPricing")).isEqualTo(8);
    }

    @Test
    void aKeysSupplierIsAskedAtEveryPoll() {
        assertThat(poll("shelf", "mock:shelf"))
                .extracting(e -> header(e, ChimpyPosConstants.BATTERY_ID))
                .containsExactly("BAT0001", "BAT0002");

        shelf.set(List.of(" BAT0002", "EXPIRED01", "BAT0002", ""));
        List<Exchange> changed = poll("shelf", "mock:shelf");

        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(header(e, ChimpyPosConstants.BATTERY_ID)).isEqualTo("EXPIRED01");
            assertThat(header(e, ChimpyPosConstants.ERROR_TYPE)).isEqualTo("battery_expired");
        });
        assertThat(counters().apiCalls("checkBattery")).isEqualTo(2 + 2);
    }

    @Test
    void maxConcurrentRequestsBoundsTheRequestsInFlight() {
        emulator().control().setApiLatency(Duration.ofMillis(40));

        assertThat(poll("parallel", "mock:parallel"))
                .extracting(e -> header(e, ChimpyPosConstants.BATTERY_ID))
                .containsExactlyElementsOf(THOUSAND_BATTERIES.subList(0, 24));
        assertThat(counters().maxConcurrentApiCalls()).isBetween(2L, 4L);

        emulator().control().resetCounters();
        assertThat(poll("sequential", "mock:sequential")).hasSize(6);
        assertThat(counters().maxConcurrentApiCalls()).isEqualTo(1);
    }

    @Test
    void aThousandKeysShareOneTokenAndTheStateDoesNotGrowWithPolls() {
        assertThat(poll("thousand", "mock:thousand")).hasSize(1000);
        assertThat(thousandState.size()).isEqualTo(1000);

        assertThat(poll("thousand", "mock:thousand")).isEmpty();

        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(2000);
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(thousandState.size()).isEqualTo(1000);
        assertThat(thousandState.writes()).isEqualTo(1000);
    }

    @Test
    void spreadRequestsPacesAPollEvenlyOverHalfTheDelay() {
        MutableClock clock = MutableClock.startingAt(Instant.parse("2026-06-01T08:00:00Z"));
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        List<Instant> sent = new CopyOnWriteArrayList<>();
        ChimpyPosConsumer consumer = consumer("spread");
        consumer.setPacer(new RequestPacer(clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }));
        getMockEndpoint("mock:spread").whenAnyExchangeReceived(e -> sent.add(clock.instant()));

        consumer.run();

        // 10 keys, delay 60 s, spreadFraction 0.5: one request every 3 s, all sent within 30 s
        assertThat(sent).hasSize(10);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i))
                    .isEqualTo(Instant.parse("2026-06-01T08:00:00Z").plusSeconds(3L * i));
        }
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(27));
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    /** A state repository that shows how many keys it holds and how often it was written. */
    static final class CountingStateRepository extends ServiceSupport implements StateRepository<String, String> {
        private final Map<String, String> states = new ConcurrentHashMap<>();
        private int writes;

        @Override
        public synchronized void setState(String key, String value) {
            states.put(key, value);
            writes++;
        }

        @Override
        public String getState(String key) {
            return states.get(key);
        }

        int size() {
            return states.size();
        }

        synchronized int writes() {
            return writes;
        }
    }
}
