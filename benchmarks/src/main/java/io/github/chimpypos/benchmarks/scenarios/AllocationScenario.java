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

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chimpypos.benchmarks.Report;
import io.github.chimpypos.benchmarks.SuiteConfig;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.jmh.AllocationBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Item 5 of issue 5, allocation half: JMH with its GC profiler, one forked JVM per client, bytes allocated per request.
 * JMH's own log goes to {@code jmh.txt} and its results to {@code jmh.json} beside the suite's results.
 */
public final class AllocationScenario {

    private AllocationScenario() {}

    public static void run(SuiteConfig config, Report report, Path resultsDirectory) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(AllocationBenchmark.class.getName() + ".getStationPricing")
                .forks(1)
                .threads(1)
                .warmupIterations(config.jmhWarmupIterations())
                .warmupTime(TimeValue.milliseconds(config.jmhIterationTime().toMillis()))
                .measurementIterations(config.jmhMeasurementIterations())
                .measurementTime(
                        TimeValue.milliseconds(config.jmhIterationTime().toMillis()))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .output(resultsDirectory.resolve("jmh.txt").toString())
                .result(resultsDirectory.resolve("jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<ClientKind, double[]> byClient = new EnumMap<>(ClientKind.class);
        for (RunResult result : results) {
            ClientKind kind = ClientKind.valueOf(result.getParams().getParam("client"));
            double micros = result.getPrimaryResult().getScore();
            double bytes = Double.NaN;
            for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = e.getValue().getScore();
                }
            }
            byClient.put(kind, new double[] {bytes, micros});
            report.measure("allocation", kind.label(), "1 caller, JMH", "allocated per request", bytes, "bytes");
            report.measure("allocation", kind.label(), "1 caller, JMH", "time per request", micros, "us");
        }
        double ours = byClient.get(ClientKind.OURS)[0];
        double floor = byClient.get(ClientKind.FLOOR)[0];
        double peer = byClient.get(ClientKind.PEER)[0];
        report.compare(
                "5 allocation",
                "bytes allocated per request",
                "floor",
                ours,
                floor,
                "bytes",
                "<= 1.5x",
                ours <= 1.5 * floor,
                null);
        report.compare(
                "5 allocation",
                "bytes allocated per request",
                "camel-http",
                ours,
                peer,
                "bytes",
                "<= 1.00x (ahead)",
                ours <= peer,
                null);
        report.compare(
                "5 allocation",
                "time per request (JMH, 1 caller)",
                "floor",
                byClient.get(ClientKind.OURS)[1],
                byClient.get(ClientKind.FLOOR)[1],
                "us",
                null,
                null,
                null);
        Map<String, Object> chart = new LinkedHashMap<>();
        byClient.forEach((k, v) -> chart.put(k.label(), v[0]));
        report.series("allocation", chart);
    }
}
