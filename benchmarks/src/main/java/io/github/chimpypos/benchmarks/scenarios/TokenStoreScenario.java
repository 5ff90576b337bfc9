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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.emulator.EmulatorProcess;
import io.github.chimpypos.benchmarks.emulator.InProcessEmulator;
import io.github.chimpypos.benchmarks.load.LoadRunner;
import io.github.chimpypos.benchmarks.load.Samples;
import io.github.chimpypos.camel.store.jdbc.JdbcTokenStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Issue 15: what a token store costs and what it saves, with a {@link JdbcTokenStore} on an H2 file (the one-machine
 * default; every provider gets its own store object over the same database, as separate instances would).
 *
 * <ul>
 * <li>hot path: ours with the store against ours without, rounds interleaved, throughput and client CPU per request
 * as paired ratios; the store must cost nothing per exchange (goal: throughput at least 0.97x);
 * <li>cluster: N = 1, 2, 4 providers (each in its own CamelContext, so nothing is shared but the store) under steady
 * traffic over several token lifetimes; token calls for the whole cluster against one per lifetime (goal: at most
 * ideal + 2).
 * </ul>
 */
public final class TokenStoreScenario {

    private static final String SCENARIO = "token-store";
    private static final int CALLERS = 8;
    private static final int CLUSTER_CALLERS_EACH = 2;
    private static final Duration PAUSE = Duration.ofMillis(2);

    private TokenStoreScenario() {}

    public static void run(SuiteConfig config, Report report) throws Exception {
        Path directory = Files.createTempDirectory("chimpypos-token-store");
        String url = "jdbc:h2:file:" + directory.resolve("tokens").toAbsolutePath();
        String key = newKey();
        hotPath(config, report, url, key);
        cluster(config, report, url, key);
    }

    private static void hotPath(SuiteConfig config, Report report, String url, String key) throws IOException {
        try (EmulatorProcess emulator = EmulatorProcess.start(Duration.ofHours(1))) {
            ClientOptions options = ClientOptions.defaults();
            List<Samples> without = new ArrayList<>();
            List<Samples> with = new ArrayList<>();
            try (PricingClient plain = Clients.create(ClientKind.OURS, emulator.target(), options);
                    PricingClient stored = Clients.oursWithStore(emulator.target(), options, store(url, key))) {
                for (int pass = 0; pass < config.warmupPasses(); pass++) {
                    LoadRunner.run(plain, CALLERS, Duration.ZERO, config.overheadWarmup());
                    LoadRunner.run(stored, CALLERS, Duration.ZERO, config.overheadWarmup());
                }
                // twice the overhead scenario's rounds: the two differ by little, so the median needs more pairs
                for (int round = 0; round < 2 * config.overheadRounds(); round++) {
                    // alternate which goes first, so drift on a shared machine hits both alike
                    PricingClient first = round % 2 == 0 ? plain : stored;
                    PricingClient second = first == plain ? stored : plain;
                    Samples a = measure(config, emulator, first);
                    Samples b = measure(config, emulator, second);
                    (first == plain ? without : with).add(a);
                    (first == plain ? with : without).add(b);
                }
            }
            String setting = CALLERS + " callers";
            for (var entry :
                    Map.of("chimpypos", without, "chimpypos + JDBC store", with).entrySet()) {
                List<Samples> rounds = entry.getValue();
                report.measure(
                        SCENARIO,
                        entry.getKey(),
                        setting,
                        "throughput",
                        Scenarios.median(rounds.stream().mapToDouble(Samples::throughput)),
                        "req/s");
                report.measure(
                        SCENARIO,
                        entry.getKey(),
                        setting,
                        "client CPU per request",
                        Scenarios.median(rounds.stream().mapToDouble(Samples::processCpuMicrosPerRequest)),
                        "us");
                report.measure(
                        SCENARIO,
                        entry.getKey(),
                        setting,
                        "p99",
                        Scenarios.median(rounds.stream().mapToDouble(s -> s.percentileMillis(0.99))),
                        "ms");
            }
            double[] throughput = paired(with, without, Samples::throughput);
            double[] cpu = paired(with, without, Samples::processCpuMicrosPerRequest);
            double throughputRatio = Scenarios.median(Arrays.stream(throughput));
            report.compareWithRatio(
                    "15 token store",
                    "throughput @" + CALLERS,
                    "no store",
                    Scenarios.median(with.stream().mapToDouble(Samples::throughput)),
                    Scenarios.median(without.stream().mapToDouble(Samples::throughput)),
                    throughputRatio,
                    "req/s",
                    ">= 0.97x",
                    throughputRatio >= 0.97,
                    range(throughput));
            report.compareWithRatio(
                    "15 token store",
                    "client CPU per request @" + CALLERS,
                    "no store",
                    Scenarios.median(with.stream().mapToDouble(Samples::processCpuMicrosPerRequest)),
                    Scenarios.median(without.stream().mapToDouble(Samples::processCpuMicrosPerRequest)),
                    Scenarios.median(Arrays.stream(cpu)),
                    "us",
                    null,
                    null,
                    range(cpu));
        }
    }

    private static Samples measure(SuiteConfig config, EmulatorProcess emulator, PricingClient client) {
        Samples samples = LoadRunner.run(
                client, CALLERS, config.overheadWarmup(), config.overheadMeasure(), Duration.ZERO, emulator::cpuNanos);
        Scenarios.checkErrors(client.kind(), samples);
        return samples;
    }

    /**
     * N providers sharing one store, each with its own emulator-facing CamelContext, all against one emulator whose
     * tokens live {@code economyLifetime}: the token calls of the whole cluster against one per lifetime.
     */
    private static void cluster(SuiteConfig config, Report report, String url, String key) throws Exception {
        Map<String, Object> chart = new LinkedHashMap<>();
        for (int providers : List.of(1, 2, 4)) {
            try (InProcessEmulator emulator = InProcessEmulator.start(config.economyLifetime(), 16)) {
                ClientOptions options = ClientOptions.defaults().withRefreshMargin(config.economyRefreshMargin());
                List<PricingClient> clients = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(providers);
                long before = emulator.tokenCalls();
                long started = System.nanoTime();
                long failed = 0;
                long requests = 0;
                try {
                    // a fresh database per N: the cluster starts without a token, as a first deploy does
                    String database = url + "-" + providers;
                    for (int i = 0; i < providers; i++) {
                        clients.add(Clients.oursWithStore(emulator.target(), options, store(database, key)));
                    }
                    List<Future<Samples>> runs = new ArrayList<>();
                    for (PricingClient client : clients) {
                        runs.add(pool.submit(() -> LoadRunner.run(
                                client, CLUSTER_CALLERS_EACH, Duration.ZERO, config.economyRun(), PAUSE)));
                    }
                    for (Future<Samples> run : runs) {
                        Samples samples = run.get();
                        failed += samples.errors();
                        requests += samples.count();
                    }
                } finally {
                    pool.shutdownNow();
                    clients.forEach(PricingClient::close);
                }
                long calls = emulator.tokenCalls() - before;
                double seconds = (System.nanoTime() - started) / 1e9;
                long ideal = (long)
                        Math.ceil(seconds * 1000 / config.economyLifetime().toMillis());
                String setting = "N=" + providers + ", lifetime "
                        + config.economyLifetime().toSeconds() + "s";
                report.measure(SCENARIO, "cluster", setting, "token calls", calls, "calls");
                report.measure(SCENARIO, "cluster", setting, "ideal token calls", ideal, "calls");
                report.measure(SCENARIO, "cluster", setting, "requests", requests, "requests");
                report.measure(SCENARIO, "cluster", setting, "failed requests", failed, "requests");
                report.compare(
                        "15 token store",
                        "cluster token calls, N=" + providers,
                        "ideal (run/lifetime)",
                        calls,
                        ideal,
                        "calls",
                        "<= ideal + 2, no failed request",
                        calls <= ideal + 2 && failed == 0,
                        String.format("%.0f s run, %d requests", seconds, requests));
                // exp is whole seconds (see the token economy scenario): a renewal before expiry buys lifetime - 1 s
                double lifetimeMillis = config.economyLifetime().toMillis();
                long wholeSecondMinimum =
                        1 + (long) Math.ceil(Math.max(0, seconds * 1000 - lifetimeMillis) / (lifetimeMillis - 1000));
                report.compare(
                        "15 token store",
                        "cluster token calls, N=" + providers,
                        "no-gap minimum (whole-second exp)",
                        calls,
                        wholeSecondMinimum,
                        "calls",
                        "<= minimum + 2",
                        calls <= wholeSecondMinimum + 2,
                        "1 + ceil((run - lifetime) / (lifetime - 1 s))");
                chart.put("N=" + providers, Map.of("token calls", calls, "ideal", ideal));
            }
        }
        report.series(SCENARIO + "-cluster", chart);
    }

    private static JdbcTokenStore store(String url, String key) {
        JdbcDataSource h2 = new JdbcDataSource();
        // AUTO_SERVER: several stores (instances) open one file, as processes on one machine would
        h2.setURL(url + ";AUTO_SERVER=TRUE");
        JdbcTokenStore store = new JdbcTokenStore(h2);
        store.setEncryptionKey(key);
        return store;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static double[] paired(List<Samples> ours, List<Samples> baseline, ToDoubleFunction<Samples> metric) {
        int rounds = Math.min(ours.size(), baseline.size());
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratios[round] = metric.applyAsDouble(ours.get(round)) / metric.applyAsDouble(baseline.get(round));
        }
        return ratios;
    }

    private static String range(double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return sorted.length == 0
                ? "no rounds"
                : String.format("rounds %.3f-%.3f (%d)", sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
