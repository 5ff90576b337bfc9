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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.emulator.EmulatorProcess;
import io.github.chimpypos.benchmarks.load.LoadRunner;
import io.github.chimpypos.benchmarks.load.Samples;

/**
 * Items 1 and 6 of issue 5: throughput and p50/p99 of the four clients at each concurrency against one emulator in a
 * JVM of its own, rounds interleaved (the client order rotates) so that drift on a shared machine hits all alike; then
 * the emulator's own ceiling with the floor client at high concurrency.
 */
public final class OverheadScenario {

    private static final String SCENARIO = "overhead";
    /** The clients measured in every round; their ratios are taken round by round. */
    private static final List<ClientKind> PAIRED =
            List.of(ClientKind.FLOOR, ClientKind.OURS, ClientKind.PEER, ClientKind.ROUTE_FLOOR);
    /** What ours is compared with, round by round: the issue's floor, the peer, and the route around the floor. */
    private static final List<ClientKind> BASELINES =
            List.of(ClientKind.FLOOR, ClientKind.PEER, ClientKind.ROUTE_FLOOR);

    private OverheadScenario() {}

    public static void run(SuiteConfig config, Report report) throws IOException {
        try (EmulatorProcess emulator = EmulatorProcess.start(Duration.ofHours(1))) {
            Map<ClientKind, PricingClient> clients = new EnumMap<>(ClientKind.class);
            Map<ClientKind, Map<Integer, List<Samples>>> runs = new EnumMap<>(ClientKind.class);
            try {
                for (ClientKind kind : ClientKind.values()) {
                    clients.put(kind, Clients.create(kind, emulator.target(), ClientOptions.defaults()));
                }
                ClientKind[] kinds = ClientKind.values();
                // JIT both JVMs (ours and the emulator's) on every code path before anything counts
                for (int pass = 0; pass < config.warmupPasses(); pass++) {
                    for (ClientKind kind : kinds) {
                        LoadRunner.run(clients.get(kind), 8, Duration.ZERO, config.overheadWarmup());
                    }
                }
                for (int round = 0; round < config.overheadRounds(); round++) {
                    // the naive client only shows how far behind it is: one round of it is enough, and its token
                    // storm is kept away from the rounds that decide the close calls
                    List<ClientKind> measured = round == 0 ? List.of(kinds) : PAIRED;
                    for (int callers : config.concurrencies()) {
                        for (int i = 0; i < measured.size(); i++) {
                            ClientKind kind = measured.get((i + round + callers) % measured.size());
                            Samples samples = LoadRunner.run(
                                    clients.get(kind),
                                    callers,
                                    config.overheadWarmup(),
                                    config.overheadMeasure(),
                                    Duration.ZERO,
                                    emulator::cpuNanos);
                            Scenarios.checkErrors(kind, samples);
                            runs.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(callers, c -> new ArrayList<>())
                                    .add(samples);
                        }
                    }
                }
                summarize(config, report, runs);
            } finally {
                clients.values().forEach(PricingClient::close);
            }
            // with the four pools closed, so that the emulator's connection limits see only the ceiling's callers
            ceiling(config, report, emulator, runs);
        }
    }

    private static void summarize(
            SuiteConfig config, Report report, Map<ClientKind, Map<Integer, List<Samples>>> runs) {
        Map<String, Object> chart = new LinkedHashMap<>();
        Map<String, Object> paired = new LinkedHashMap<>();
        Map<String, Object> relative = new LinkedHashMap<>();
        for (int callers : config.concurrencies()) {
            Map<ClientKind, double[]> stats = new EnumMap<>(ClientKind.class);
            for (ClientKind kind : ClientKind.values()) {
                List<Samples> rounds = runs.get(kind).get(callers);
                double throughput = Scenarios.median(rounds.stream().mapToDouble(Samples::throughput));
                double p50 = Scenarios.median(rounds.stream().mapToDouble(s -> s.percentileMillis(0.50)));
                double p99 = Scenarios.median(rounds.stream().mapToDouble(s -> s.percentileMillis(0.99)));
                double cpu = Scenarios.median(rounds.stream().mapToDouble(Samples::processCpuMicrosPerRequest));
                double serverCpu = Scenarios.median(rounds.stream().mapToDouble(Samples::serverCpuMicrosPerRequest));
                stats.put(kind, new double[] {throughput, p50, p99, cpu, serverCpu});
                String setting = callers + " callers";
                report.measure(SCENARIO, kind.label(), setting, "throughput", throughput, "req/s");
                report.measure(SCENARIO, kind.label(), setting, "p50", p50, "ms");
                report.measure(SCENARIO, kind.label(), setting, "p99", p99, "ms");
                report.measure(SCENARIO, kind.label(), setting, "client CPU per request", cpu, "us");
                report.measure(SCENARIO, kind.label(), setting, "emulator CPU per request", serverCpu, "us");
                chart.computeIfAbsent(kind.label(), k -> new LinkedHashMap<String, Object>());
                @SuppressWarnings("unchecked")
                Map<String, Object> perKind = (Map<String, Object>) chart.get(kind.label());
                perKind.put(Integer.toString(callers), Map.of("throughput", throughput, "p50", p50, "p99", p99));
            }
            double[] ours = stats.get(ClientKind.OURS);
            double[] naive = stats.get(ClientKind.NAIVE);
            String at = " @" + callers;
            Map<ClientKind, List<Samples>> byKind = new EnumMap<>(ClientKind.class);
            PAIRED.forEach(kind -> byKind.put(kind, runs.get(kind).get(callers)));
            Map<String, Object> pairedRatios = new LinkedHashMap<>();
            for (ClientKind baseline : BASELINES) {
                double[] base = stats.get(baseline);
                String name = baseline.label();
                // the route around the floor answers no goal of the issue: it shows what the component itself adds
                boolean goal = baseline != ClientKind.ROUTE_FLOOR;
                double[] throughputRatios =
                        pairedRatios(byKind.get(ClientKind.OURS), byKind.get(baseline), Samples::throughput);
                double[] p99Ratios =
                        pairedRatios(byKind.get(ClientKind.OURS), byKind.get(baseline), s -> s.percentileMillis(0.99));
                double throughputRatio = Scenarios.median(Arrays.stream(throughputRatios));
                double p99Ratio = Scenarios.median(Arrays.stream(p99Ratios));
                pairedRatios.put(name, Map.of("throughput", throughputRatios, "p99", p99Ratios));
                boolean floor = baseline == ClientKind.FLOOR;
                report.compareWithRatio(
                        "1 overhead",
                        "throughput" + at,
                        name,
                        ours[0],
                        base[0],
                        throughputRatio,
                        "req/s",
                        goal ? (floor ? ">= 0.97x" : ">= 1.00x (ahead)") : null,
                        goal ? throughputRatio >= (floor ? 0.97 : 1.0) : null,
                        spread(throughputRatios));
                if (floor) {
                    report.compare("1 overhead", "p50" + at, name, ours[1], base[1], "ms", null, null, null);
                }
                report.compareWithRatio(
                        "1 overhead",
                        "p99" + at,
                        name,
                        ours[2],
                        base[2],
                        p99Ratio,
                        "ms",
                        goal ? (floor ? "<= 1.10x" : "<= 1.00x (ahead)") : null,
                        goal ? p99Ratio <= (floor ? 1.10 : 1.0) : null,
                        spread(p99Ratios));
            }
            report.compare("1 overhead", "throughput" + at, "naive", ours[0], naive[0], "req/s", null, null, null);
            // what the throughput ratio is made of: the client JVM's CPU time per request (emulator not included)
            for (ClientKind baseline : BASELINES) {
                double[] cpuRatios = pairedRatios(
                        byKind.get(ClientKind.OURS), byKind.get(baseline), Samples::processCpuMicrosPerRequest);
                report.compareWithRatio(
                        "1 overhead",
                        "client CPU per request" + at,
                        baseline.label(),
                        ours[3],
                        stats.get(baseline)[3],
                        Scenarios.median(Arrays.stream(cpuRatios)),
                        "us",
                        null,
                        null,
                        spread(cpuRatios));
            }
            // the other half of the machine: what each client's requests cost the emulator (headers, connections)
            double[] serverRatios = pairedRatios(
                    byKind.get(ClientKind.OURS), byKind.get(ClientKind.FLOOR), Samples::serverCpuMicrosPerRequest);
            report.compareWithRatio(
                    "1 overhead",
                    "emulator CPU per request" + at,
                    ClientKind.FLOOR.label(),
                    ours[4],
                    stats.get(ClientKind.FLOOR)[4],
                    Scenarios.median(Arrays.stream(serverRatios)),
                    "us",
                    null,
                    null,
                    spread(serverRatios));
            paired.put(Integer.toString(callers), pairedRatios);
            Map<String, Object> versusFloor = new LinkedHashMap<>();
            for (ClientKind kind : List.of(ClientKind.OURS, ClientKind.PEER, ClientKind.NAIVE)) {
                List<Samples> own = runs.get(kind).get(callers);
                List<Samples> floorRuns = runs.get(ClientKind.FLOOR).get(callers);
                versusFloor.put(
                        kind.label(),
                        Map.of(
                                "throughput",
                                Scenarios.median(Arrays.stream(pairedRatios(own, floorRuns, Samples::throughput))),
                                "p99",
                                Scenarios.median(
                                        Arrays.stream(pairedRatios(own, floorRuns, s -> s.percentileMillis(0.99))))));
            }
            relative.put(callers + " callers", versusFloor);
        }
        report.series(SCENARIO + "-paired-ratios", paired);
        report.series(SCENARIO + "-vs-floor", relative);
        report.series(SCENARIO, chart);
    }

    /** Ours divided by the baseline, round by round: both ran back to back in each round, so drift cancels. */
    private static double[] pairedRatios(List<Samples> ours, List<Samples> baseline, ToDoubleFunction<Samples> metric) {
        int rounds = Math.min(ours.size(), baseline.size());
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratios[round] = metric.applyAsDouble(ours.get(round)) / metric.applyAsDouble(baseline.get(round));
        }
        return ratios;
    }

    private static String spread(double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "median of %d paired rounds, %.3f to %.3f",
                sorted.length,
                sorted[0],
                sorted[sorted.length - 1]);
    }

    private static void ceiling(
            SuiteConfig config,
            Report report,
            EmulatorProcess emulator,
            Map<ClientKind, Map<Integer, List<Samples>>> runs) {
        int maxCallers = config.ceilingConcurrencies().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(64);
        double best = 0;
        try (PricingClient floor = Clients.create(
                ClientKind.FLOOR, emulator.target(), ClientOptions.defaults().withMaxConnections(maxCallers))) {
            for (int callers : config.ceilingConcurrencies()) {
                Samples samples = LoadRunner.run(floor, callers, config.overheadWarmup(), config.overheadMeasure());
                Scenarios.checkErrors(ClientKind.FLOOR, samples);
                report.measure("ceiling", "floor", callers + " callers", "throughput", samples.throughput(), "req/s");
                best = Math.max(best, samples.throughput());
            }
        }
        int topCallers = config.concurrencies().get(config.concurrencies().size() - 1);
        double floorTop = Scenarios.median(
                runs.get(ClientKind.FLOOR).get(topCallers).stream().mapToDouble(Samples::throughput));
        double oursTop = Scenarios.median(
                runs.get(ClientKind.OURS).get(topCallers).stream().mapToDouble(Samples::throughput));
        report.compare(
                "6 emulator ceiling",
                "floor throughput @" + topCallers + " vs ceiling",
                "ceiling",
                floorTop,
                best,
                "req/s",
                null,
                null,
                "a ratio near 1 means the emulator bounds the floor");
        report.compare(
                "6 emulator ceiling",
                "ours throughput @" + topCallers + " vs ceiling",
                "ceiling",
                oursTop,
                best,
                "req/s",
                null,
                null,
                null);
        report.series("ceiling", Map.of("throughput", best, "callers", config.ceilingConcurrencies()));
    }
}
