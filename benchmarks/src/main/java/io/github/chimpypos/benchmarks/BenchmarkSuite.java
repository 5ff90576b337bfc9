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
package io.github.chimpypos.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.scenarios.AllocationScenario;
import io.github.chimpypos.benchmarks.scenarios.ColdHerdScenario;
import io.github.chimpypos.benchmarks.scenarios.MemoryScenario;
import io.github.chimpypos.benchmarks.scenarios.OverheadScenario;
import io.github.chimpypos.benchmarks.scenarios.RenewalStallScenario;
import io.github.chimpypos.benchmarks.scenarios.TokenEconomyScenario;
import io.github.chimpypos.benchmarks.scenarios.TokenStoreScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole benchmark suite of issue 5 against emulators on loopback and prints every result as a ratio against
 * its baseline measured in the same run; writes {@code results.json}, {@code results.csv}, {@code summary.md} and
 * {@code benchmarks.svg} to {@code benchmarks/target/results/}.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am -DskipTests package &amp;&amp; java -Xms2g -Xmx2g -jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Options: {@code --quick} (a smoke run of seconds), {@code --only=a,b} (a subset of {@link #SCENARIOS}),
 * {@code --results=DIR}.
 */
public final class BenchmarkSuite {

    /** The scenarios, in the order they run: JMH first, while this JVM is still quiet. */
    public static final List<String> SCENARIOS =
            List.of("allocation", "overhead", "economy", "stall", "herd", "endpoints", "soak", "store");

    private static final Logger LOG = LoggerFactory.getLogger("benchmarks");

    private BenchmarkSuite() {}

    public static void main(String[] args) throws Exception {
        SuiteConfig config = SuiteConfig.full();
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        Path results = defaultResultsDirectory();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                config = SuiteConfig.quick();
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(
                        List.of(arg.substring("--only=".length()).split(",")));
            } else if (arg.startsWith("--results=")) {
                results = Path.of(arg.substring("--results=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; accepted: --quick, --only="
                        + String.join(",", SCENARIOS) + ", --results=DIR");
            }
        }
        Report report = run(config, only, results);
        long missed = report.comparisons().stream()
                .filter(c -> Boolean.FALSE.equals(c.met()))
                .count();
        LOG.info("{} goal(s) missed; results in {}", missed, results.toAbsolutePath());
        // JMH, Camel and HttpClient leave non-daemon threads behind in some failure paths: end the JVM explicitly
        System.exit(0);
    }

    public static Report run(SuiteConfig config, Set<String> scenarios, Path resultsDirectory) throws Exception {
        for (String s : scenarios) {
            if (!SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s + "; accepted: " + SCENARIOS);
            }
        }
        Files.createDirectories(resultsDirectory);
        Report report = new Report();
        environment(report, config);
        long started = System.nanoTime();
        for (String scenario : SCENARIOS) {
            if (!scenarios.contains(scenario)) {
                continue;
            }
            long t0 = System.nanoTime();
            LOG.info("== {}", scenario);
            switch (scenario) {
                case "allocation" -> AllocationScenario.run(config, report, resultsDirectory);
                case "overhead" -> OverheadScenario.run(config, report);
                case "economy" -> TokenEconomyScenario.run(config, report);
                case "stall" -> RenewalStallScenario.run(config, report);
                case "herd" -> ColdHerdScenario.run(config, report);
                case "endpoints" -> MemoryScenario.endpoints(config, report);
                case "soak" -> MemoryScenario.soak(config, report);
                case "store" -> TokenStoreScenario.run(config, report);
                default -> throw new IllegalStateException(scenario);
            }
            LOG.info("   {} took {} s", scenario, (System.nanoTime() - t0) / 1_000_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.environment("suite seconds", Math.round(seconds));
        report.write(resultsDirectory);
        SvgChart.write(
                report,
                String.format(
                        Locale.ROOT,
                        "camel-chimpypos benchmarks (%s run, %d cores, %s)",
                        config.name(),
                        Runtime.getRuntime().availableProcessors(),
                        "Java " + System.getProperty("java.version")),
                resultsDirectory.resolve("benchmarks.svg"));
        LOG.info("\n{}", report.summaryTable());
        LOG.info(String.format(Locale.ROOT, "suite took %.0f s", seconds));
        return report;
    }

    private static void environment(Report report, SuiteConfig config) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.environment("date", Instant.now().toString());
        report.environment("config", config.name());
        report.environment("cpus (nproc)", Runtime.getRuntime().availableProcessors());
        report.environment("memory", os.getTotalMemorySize() / (1024 * 1024) + " MiB");
        report.environment(
                "jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.environment("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.environment("load average at start", String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
        report.environment("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        // -Xms2g -Xmx2g keeps young collections rare (a default heap collects every half second at this allocation
        // rate, and its pauses decide p99s); the arguments are recorded so a run without them is visible as such
        report.environment(
                "jvm arguments",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        Map<String, String> clients = new LinkedHashMap<>();
        for (ClientKind kind : ClientKind.values()) {
            clients.put(kind.label(), kind.description());
        }
        report.environment("clients", clients);
    }

    /** {@code benchmarks/target/results} next to the jar (or the classes directory) this class was loaded from. */
    static Path defaultResultsDirectory() throws URISyntaxException {
        Path location = Path.of(BenchmarkSuite.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return location.getParent().resolve("results");
    }
}
