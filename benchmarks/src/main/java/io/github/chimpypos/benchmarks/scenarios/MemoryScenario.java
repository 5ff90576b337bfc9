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
package io.github.chimpypos.benchmarks.scenarios;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.clients.Tls;
import io.github.chimpypos.benchmarks.emulator.EmulatorProcess;
import io.github.chimpypos.benchmarks.emulator.InProcessEmulator;
import io.github.chimpypos.benchmarks.emulator.Target;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Item 5 of issue 5 (the heap half; allocation per request is JMH's, see AllocationScenario): heap retained per
 * endpoint when {@code endpoints} endpoints with one credential set share one provider, against the same number of
 * camel-http OAuth2 endpoints; and the heap over a long run with many renewals, which must not grow.
 */
public final class MemoryScenario {

    private MemoryScenario() {}

    public static void endpoints(SuiteConfig config, Report report) {
        try (InProcessEmulator emulator = InProcessEmulator.start(Duration.ofHours(1), 16)) {
            Target target = emulator.target();
            long tokenCallsBefore = emulator.tokenCalls();
            double ours = perEndpoint(config, report, target, ClientKind.OURS);
            long oursTokenCalls = emulator.tokenCalls() - tokenCallsBefore;
            report.measure(
                    "endpoints",
                    "chimpypos",
                    config.endpoints() + " endpoints",
                    "token calls",
                    oursTokenCalls,
                    "calls");
            double peer = perEndpoint(config, report, target, ClientKind.PEER);
            report.compare(
                    "5 memory",
                    "heap retained per endpoint (" + config.endpoints() + " endpoints)",
                    "camel-http",
                    ours,
                    peer,
                    "bytes",
                    "<= 1.00x (ahead)",
                    ours <= peer,
                    null);
            report.compare(
                    "5 memory",
                    "token calls for " + config.endpoints() + " endpoints, 2 used",
                    "goal: 1",
                    oursTokenCalls,
                    1,
                    "calls",
                    "exactly 1 (one shared provider)",
                    oursTokenCalls == 1,
                    null);
        }
    }

    private static double perEndpoint(SuiteConfig config, Report report, Target target, ClientKind kind) {
        ClientOptions options = ClientOptions.defaults();
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.getRegistry().bind(Tls.BEAN, Tls.sslContextParameters(target));
            camel.start();
            // the first endpoint carries the fixed cost (provider, pools); the others are the marginal ones we count
            List<Producer> producers = new ArrayList<>();
            producers.add(startProducer(camel, uri(kind, target, options, 0)));
            request(camel, producers.get(0));
            long before = Scenarios.usedHeapAfterGc();
            for (int i = 1; i < config.endpoints(); i++) {
                producers.add(startProducer(camel, uri(kind, target, options, i)));
            }
            request(camel, producers.get(1));
            long after = Scenarios.usedHeapAfterGc();
            double perEndpoint = (after - before) / (double) (config.endpoints() - 1);
            report.measure(
                    "endpoints",
                    kind.label(),
                    config.endpoints() + " endpoints",
                    "heap per endpoint",
                    perEndpoint,
                    "bytes");
            producers.forEach(ServiceHelper::stopService);
            return perEndpoint;
        } finally {
            camel.stop();
        }
    }

    private static String uri(ClientKind kind, Target target, ClientOptions options, int i) {
        String station = i == 0 ? Target.STATION_ID : String.format("s%04d", i);
        return switch (kind) {
            case OURS -> Clients.oursUri(target, options, station);
            case PEER -> Clients.peerUri(target, options).replace("/" + Target.STATION_ID + "/", "/" + station + "/");
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Producer startProducer(CamelContext camel, String uri) {
        try {
            Endpoint endpoint = camel.getEndpoint(uri);
            Producer producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a producer", e);
        }
    }

    /** One call through the producer; an unknown station answers an error, which is fine: the token was used. */
    private static void request(CamelContext camel, Producer producer) {
        var exchange = producer.getEndpoint().createExchange();
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    /**
     * Our client under load for {@code soakRun} with a short token lifetime (many renewals), against an emulator in a
     * JVM of its own so that only the client's heap is sampled; heap after full GC at even intervals.
     */
    public static void soak(SuiteConfig config, Report report) throws IOException {
        Duration margin = config.soakLifetime().dividedBy(4);
        try (EmulatorProcess emulator = EmulatorProcess.start(config.soakLifetime());
                PricingClient client = Clients.create(
                        ClientKind.OURS,
                        emulator.target(),
                        ClientOptions.defaults().withRefreshMargin(margin))) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong requests = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread t = new Thread(
                        () -> {
                            while (running.get()) {
                                try {
                                    client.getStationPricing();
                                    requests.incrementAndGet();
                                } catch (Exception e) {
                                    failures.incrementAndGet();
                                }
                                Scenarios.sleep(1);
                            }
                        },
                        "soak-" + i);
                t.start();
                callers.add(t);
            }
            long interval = config.soakRun().toMillis() / config.soakSamples();
            List<Long> heap = new ArrayList<>();
            for (int i = 0; i < config.soakSamples(); i++) {
                Scenarios.sleep(interval);
                heap.add(Scenarios.usedHeapAfterGc());
            }
            running.set(false);
            for (Thread t : callers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // the first sample still holds warm-up effects (JIT, pools filling): growth is counted from the second
            long first = heap.get(Math.min(1, heap.size() - 1));
            long last = heap.get(heap.size() - 1);
            String setting = config.soakRun().toSeconds() + "s, lifetime "
                    + config.soakLifetime().toSeconds() + "s";
            for (int i = 0; i < heap.size(); i++) {
                report.measure("soak", "chimpypos", setting, "heap after GC #" + i, heap.get(i) / 1024.0, "KiB");
            }
            report.measure("soak", "chimpypos", setting, "requests", requests.get(), "requests");
            report.measure("soak", "chimpypos", setting, "failed requests", failures.get(), "requests");
            long renewals = config.soakRun().toMillis()
                    / config.soakLifetime().minus(margin).toMillis();
            report.measure("soak", "chimpypos", setting, "expected renewals", renewals, "renewals");
            double growthKiB = (last - first) / 1024.0;
            report.compare(
                    "5 memory",
                    "heap growth over " + setting + " (~" + renewals + " renewals)",
                    "heap at start",
                    last / 1024.0,
                    first / 1024.0,
                    "KiB",
                    "no growth (< 1 MiB)",
                    growthKiB < 1024,
                    String.format(Locale.ROOT, "%+.0f KiB, %d failed requests", growthKiB, failures.get()));
            report.series("soak", heap);
        }
    }
}
