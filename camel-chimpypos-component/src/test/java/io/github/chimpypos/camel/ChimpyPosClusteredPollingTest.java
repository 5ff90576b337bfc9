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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.StationState;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * clusteredPolling between instances that share one store. The instances here are CamelContexts in one JVM, each with
 * its own component, token provider and consumer, sharing only the store object, as separate JVMs share a database:
 * the lease and the state cross between them only through the store's load and compare-and-set. A fake clock drives
 * lease expiry; the separate-JVM version of this test is ClusteredPollingProcessesTest (camel-chimpypos-jdbc).
 */
class ChimpyPosClusteredPollingTest extends ChimpyPosTestSupport {

    private static final String STATIONS = "abc1,zrh1,off1";
    private static final String URI = "chimpypos:getStationPricing?stationIds=" + STATIONS
            + "&onlyChanges=true&clusteredPolling=true&tokenStore=#store&delay=1000"
            // a lease of 3 s: 3 delays, and twice the longest request (token wait, connect and response timeouts)
            + "&tokenMaxWait=500&connectTimeout=500&responseTimeout=500&" + POLLED_BY_TEST;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
    private final TokenStore store = new InMemoryTokenStore();
    private final List<DefaultCamelContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(DefaultCamelContext::stop);
    }

    @Test
    void clusteredPollingWithoutATokenStoreFailsAtStartNamingBothOptions() {
        DefaultCamelContext camel = instance(null);

        assertThatThrownBy(() -> route(
                        camel, "chimpypos:getStationPricing?stationIds=abc1&clusteredPolling=true&" + POLLED_BY_TEST))
                .satisfies(failure -> assertThat(illegalArgument(failure))
                        .hasMessageContaining("Option clusteredPolling needs option tokenStore"));
        assertThat(counters().tokenCalls())
                .as("no network call before the error")
                .isZero();
    }

    @Test
    void aStoreWithoutPollRecordsFailsAtStart() {
        DefaultCamelContext camel = instance(new TokenOnlyStore());

        assertThatThrownBy(() -> route(camel, URI))
                .satisfies(failure -> assertThat(illegalArgument(failure))
                        .hasMessageContaining("Option clusteredPolling")
                        .hasMessageContaining("keeps no poll records"));
    }

    @Test
    void eachKeyIsPolledOncePerCycleAcrossTheCluster() throws Exception {
        List<DefaultCamelContext> cluster = List.of(started(), started(), started());
        long before = counters().apiCalls("getStationPricing");

        for (int cycle = 0; cycle < 4; cycle++) {
            cluster.forEach(ChimpyPosClusteredPollingTest::pollOnce);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(counters().apiCalls("getStationPricing") - before)
                .as("3 stations x 4 cycles, whatever the number of instances")
                .isEqualTo(12);
        assertThat(received(cluster.get(0)))
                .as("the first instance took the lease")
                .hasSize(3);
        assertThat(received(cluster.get(1))).isEmpty();
        assertThat(received(cluster.get(2))).isEmpty();
    }

    @Test
    void whenTheHolderDiesAnotherTakesOverWithinTheLeaseWithoutReEmitting() throws Exception {
        DefaultCamelContext holder = started();
        DefaultCamelContext survivor = started();
        pollOnce(holder);
        assertThat(received(holder)).hasSize(3);

        // the holder dies: it stops polling without releasing its lease
        clock.advance(Duration.ofSeconds(2));
        pollOnce(survivor);
        assertThat(received(survivor)).as("the lease still runs").isEmpty();
        long before = counters().apiCalls("getStationPricing");

        clock.advance(Duration.ofSeconds(1));
        emulator().control().setStationState("zrh1", StationState.OFFLINE);
        pollOnce(survivor);

        assertThat(counters().apiCalls("getStationPricing") - before)
                .as("taken over 3 delays after the holder's last poll")
                .isEqualTo(3);
        assertThat(received(survivor))
                .as("only what changed: the holder's last-seen state came through the store")
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("zrh1");
        emulator().control().setStationState("zrh1", StationState.ONLINE);
    }

    @Test
    void aStoppingHolderReleasesItsLeaseSoAnotherPollsTheNextCycle() throws Exception {
        DefaultCamelContext holder = started();
        DefaultCamelContext next = started();
        pollOnce(holder);

        holder.stop();
        pollOnce(next);

        assertThat(received(next)).as("no re-emission after a handover").isEmpty();
        assertThat(store.loadPollRecord(consumer(next).getPollLease().key())
                        .orElseThrow()
                        .lease())
                .isNotNull();
    }

    private DefaultCamelContext started() throws Exception {
        DefaultCamelContext camel = instance(store);
        route(camel, URI);
        return camel;
    }

    private DefaultCamelContext instance(TokenStore sharedStore) {
        DefaultCamelContext camel = new DefaultCamelContext();
        ChimpyPosComponent component = new ChimpyPosComponent();
        configure(component);
        component.setClock(clock);
        camel.addComponent("chimpypos", component);
        if (sharedStore != null) {
            camel.getRegistry().bind("store", sharedStore);
        }
        instances.add(camel);
        return camel;
    }

    private static void route(DefaultCamelContext camel, String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("watch").to("mock:changes");
            }
        });
        camel.start();
    }

    private static ChimpyPosConsumer consumer(DefaultCamelContext camel) {
        return (ChimpyPosConsumer) camel.getRoute("watch").getConsumer();
    }

    private static void pollOnce(DefaultCamelContext camel) {
        consumer(camel).run();
    }

    private static List<Exchange> received(DefaultCamelContext camel) {
        return camel.getEndpoint("mock:changes", MockEndpoint.class).getReceivedExchanges();
    }

    /** A store written before poll records existed: token records only. */
    private static final class TokenOnlyStore implements TokenStore {
        private final InMemoryTokenStore delegate = new InMemoryTokenStore();

        @Override
        public Optional<TokenRecord> load(String key) {
            return delegate.load(key);
        }

        @Override
        public boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
            return delegate.compareAndSet(key, expectedVersion, next);
        }

        @Override
        public String credentialsTag(String secrets) {
            return delegate.credentialsTag(secrets);
        }
    }
}
