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

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.emulator.InProcessEmulator;
import io.github.chimpypos.benchmarks.load.LoadRunner;
import io.github.chimpypos.benchmarks.load.Samples;

/**
 * Item 2 of issue 5: token calls over a run spanning many token lifetimes (real time, short lifetime), ours and each
 * token-fetching baseline side by side, each against an emulator of its own so the counters are its alone. The floor
 * has no renewal at all (its static token would die after one lifetime), so it has no count here.
 */
public final class TokenEconomyScenario {

    private static final String SCENARIO = "token-economy";
    private static final int CALLERS = 8;
    private static final Duration PAUSE = Duration.ofMillis(2);

    private TokenEconomyScenario() {}

    public static void run(SuiteConfig config, Report report) throws InterruptedException, ExecutionException {
        List<ClientKind> kinds = List.of(ClientKind.OURS, ClientKind.PEER, ClientKind.NAIVE);
        ClientOptions options = ClientOptions.defaults()
                .withRefreshMargin(config.economyRefreshMargin())
                .withPeerExpiryMarginSeconds(1);
        ExecutorService executor = Executors.newFixedThreadPool(kinds.size());
        try {
            Map<ClientKind, Future<long[]>> futures = new EnumMap<>(ClientKind.class);
            for (ClientKind kind : kinds) {
                futures.put(kind, executor.submit(() -> runOne(kind, config, options)));
            }
            Map<ClientKind, long[]> results = new EnumMap<>(ClientKind.class);
            for (ClientKind kind : kinds) {
                results.put(kind, futures.get(kind).get());
            }
            report(config, report, results);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Returns {token calls, requests, elapsed millis, failed requests, API 401 answers}. */
    private static long[] runOne(ClientKind kind, SuiteConfig config, ClientOptions options) {
        try (InProcessEmulator emulator = InProcessEmulator.start(config.economyLifetime(), 16)) {
            long before = emulator.tokenCalls();
            long started = System.nanoTime();
            long calls;
            Samples samples;
            try (PricingClient client = Clients.create(kind, emulator.target(), options)) {
                samples = LoadRunner.run(client, CALLERS, Duration.ZERO, config.economyRun(), PAUSE);
                calls = emulator.tokenCalls() - before;
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            Scenarios.checkErrors(kind, samples);
            return new long[] {
                calls, samples.count(), elapsedMillis, samples.errors(), emulator.unauthorizedPricingCalls()
            };
        }
    }

    private static void report(SuiteConfig config, Report report, Map<ClientKind, long[]> results) {
        double lifetimeMillis = config.economyLifetime().toMillis();
        String setting = "lifetime " + config.economyLifetime().toSeconds() + "s";
        Map<String, Object> chart = new LinkedHashMap<>();
        long oursMillis = results.get(ClientKind.OURS)[2];
        long ideal = (long) Math.ceil(oursMillis / lifetimeMillis);
        chart.put("ideal", ideal);
        List<String> notes = new ArrayList<>();
        for (var e : results.entrySet()) {
            long[] r = e.getValue();
            String client = e.getKey().label();
            report.measure(SCENARIO, client, setting, "token calls", r[0], "calls");
            report.measure(SCENARIO, client, setting, "requests", r[1], "requests");
            report.measure(SCENARIO, client, setting, "failed requests", r[3], "requests");
            report.measure(SCENARIO, client, setting, "API 401 answers", r[4], "answers");
            report.measure(SCENARIO, client, setting, "run time", r[2] / 1000.0, "s");
            report.measure(SCENARIO, client, setting, "ideal token calls", Math.ceil(r[2] / lifetimeMillis), "calls");
            chart.put(client, r[0]);
            notes.add(client + " " + r[0]);
        }
        report.measure(SCENARIO, "ideal", setting, "token calls", ideal, "calls");
        long ours = results.get(ClientKind.OURS)[0];
        report.compare(
                "2 token economy",
                "token calls over " + oursMillis / 1000 + " s, lifetime "
                        + config.economyLifetime().toSeconds() + " s",
                "ideal (run/lifetime)",
                ours,
                ideal,
                "calls",
                "<= ideal + 1",
                ours <= ideal + 1,
                "refreshMargin " + config.economyRefreshMargin().toMillis() + " ms");
        // The server truncates iat to the second and sets exp = iat + lifetime, so a renewal that must land before the
        // old token's exp buys at most lifetime - 1 s of new life: no client without a gap can do better than this.
        long wholeSecondMinimum =
                1 + (long) Math.ceil(Math.max(0, oursMillis - lifetimeMillis) / (lifetimeMillis - 1000));
        report.measure(SCENARIO, "whole-second minimum", setting, "token calls", wholeSecondMinimum, "calls");
        report.compare(
                "2 token economy",
                "token calls",
                "no-gap minimum (whole-second exp)",
                ours,
                wholeSecondMinimum,
                "calls",
                null,
                null,
                "1 + ceil((run - lifetime) / (lifetime - 1 s))");
        report.compare(
                "2 token economy",
                "token calls",
                "camel-http",
                ours,
                results.get(ClientKind.PEER)[0],
                "calls",
                "fewer, or level",
                ours <= results.get(ClientKind.PEER)[0],
                "camel-http expiry margin 1 s");
        report.compare(
                "2 token economy",
                "token calls",
                "naive",
                ours,
                results.get(ClientKind.NAIVE)[0],
                "calls",
                null,
                null,
                null);
        report.series(SCENARIO, chart);
    }
}
