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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.emulator.InProcessEmulator;
import io.github.chimpypos.benchmarks.load.LoadRunner;

/**
 * Item 4 of issue 5: a freshly started client receives {@code herdCallers} concurrent first requests. Token calls
 * (goal: exactly one) and time from release to the last success. Every run gets a fresh emulator, hence fresh
 * credentials keys and cold caches (camel-http's token cache is static, keyed by URL and credentials).
 */
public final class ColdHerdScenario {

    private static final String SCENARIO = "cold-herd";

    private ColdHerdScenario() {}

    public static void run(SuiteConfig config, Report report) {
        Map<String, Object> chart = new LinkedHashMap<>();
        // token calls: the worst run must still be exactly one; time: the median run, one GC pause is not the design.
        // The peer gets the same repetitions, so its worst count is compared with ours.
        long oursWorstCalls = 0;
        long peerWorstCalls = 0;
        double[] oursMillis = new double[config.herdRepeats()];
        double[] peerMillis = new double[config.herdRepeats()];
        for (int i = 0; i < config.herdRepeats(); i++) {
            long[] r = runOne(ClientKind.OURS, config, report);
            oursWorstCalls = Math.max(oursWorstCalls, r[0]);
            oursMillis[i] = r[1] / 1000.0;
            long[] p = runOne(ClientKind.PEER, config, report);
            peerWorstCalls = Math.max(peerWorstCalls, p[0]);
            peerMillis[i] = p[1] / 1000.0;
        }
        double oursMedianMillis = Scenarios.median(Arrays.stream(oursMillis));
        double peerMedianMillis = Scenarios.median(Arrays.stream(peerMillis));
        long[] naive = runOne(ClientKind.NAIVE, config, report);
        String callers = config.herdCallers() + " callers";
        report.compare(
                "4 cold herd",
                "token calls, " + callers + " (worst of " + config.herdRepeats() + ")",
                "goal: 1",
                oursWorstCalls,
                1,
                "calls",
                "exactly 1",
                oursWorstCalls == 1,
                null);
        report.compare(
                "4 cold herd",
                "token calls, " + callers + " (worst of " + config.herdRepeats() + ")",
                "camel-http",
                oursWorstCalls,
                peerWorstCalls,
                "calls",
                "fewer, or level",
                oursWorstCalls <= peerWorstCalls,
                oursWorstCalls == peerWorstCalls ? "level: no difference in this run" : null);
        report.compare(
                "4 cold herd",
                "time to last success (median of " + config.herdRepeats() + ")",
                "camel-http",
                oursMedianMillis,
                peerMedianMillis,
                "ms",
                "<= 1.00x (ahead)",
                oursMedianMillis <= peerMedianMillis,
                null);
        report.compare(
                "4 cold herd",
                "time to last success",
                "naive",
                oursMedianMillis,
                naive[1] / 1000.0,
                "ms",
                null,
                null,
                null);
        chart.put("chimpypos", oursWorstCalls);
        chart.put("camel-http", peerWorstCalls);
        chart.put("naive", naive[0]);
        report.series(SCENARIO, chart);
    }

    /** Returns {token calls, micros to last success}. */
    private static long[] runOne(ClientKind kind, SuiteConfig config, Report report) {
        try (InProcessEmulator emulator = InProcessEmulator.start(Duration.ofHours(1), 64)) {
            long before = emulator.tokenCalls();
            LoadRunner.HerdResult result;
            try (PricingClient client = Clients.create(kind, emulator.target(), ClientOptions.defaults())) {
                result = LoadRunner.herd(client, config.herdCallers());
            }
            long calls = emulator.tokenCalls() - before;
            String setting = config.herdCallers() + " callers";
            report.measure(SCENARIO, kind.label(), setting, "token calls", calls, "calls");
            report.measure(SCENARIO, kind.label(), setting, "time to last success", result.millisToLastSuccess(), "ms");
            report.measure(SCENARIO, kind.label(), setting, "failed requests", result.failures(), "requests");
            if (result.failures() > 0) {
                throw new IllegalStateException(
                        kind.label() + ": " + result.failures() + " of the herd failed", result.firstError());
            }
            return new long[] {calls, Math.round(result.millisToLastSuccess() * 1000)};
        }
    }
}
