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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one run measured: raw measurements (one row per number) and comparisons (ours against the baseline
 * measured in the same run, with the goal of issue 5 it answers). Written to {@code results.json},
 * {@code results.csv} and {@code summary.md}.
 */
public final class Report {

    private static final Logger LOG = LoggerFactory.getLogger("benchmarks");

    /** One measured number. */
    public record Measurement(
            String scenario, String client, String setting, String metric, double value, String unit) {}

    /**
     * Ours against a baseline. {@code ratio} is ours divided by the baseline; {@code met} is null where the row
     * answers no goal.
     */
    public record Comparison(
            String scenario,
            String metric,
            String baseline,
            double ours,
            double baselineValue,
            double ratio,
            String unit,
            String goal,
            Boolean met,
            String note) {}

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final Map<String, Object> series = new LinkedHashMap<>();

    public synchronized void environment(String key, Object value) {
        environment.put(key, value);
    }

    public synchronized void measure(
            String scenario, String client, String setting, String metric, double value, String unit) {
        measurements.add(new Measurement(scenario, client, setting, metric, value, unit));
        LOG.info(String.format(
                Locale.ROOT, "  %-14s %-11s %-16s %-22s %12.3f %s", scenario, client, setting, metric, value, unit));
    }

    /** Adds a comparison of ours against a baseline; {@code met} is decided by the caller from the goal. */
    public synchronized Comparison compare(
            String scenario,
            String metric,
            String baseline,
            double ours,
            double baselineValue,
            String unit,
            String goal,
            Boolean met,
            String note) {
        double ratio = baselineValue == 0 ? Double.NaN : ours / baselineValue;
        return compareWithRatio(scenario, metric, baseline, ours, baselineValue, ratio, unit, goal, met, note);
    }

    /**
     * Adds a comparison whose ratio was computed by the caller, e.g. the median of ratios paired round by round, which
     * is not the ratio of the medians shown beside it.
     */
    public synchronized Comparison compareWithRatio(
            String scenario,
            String metric,
            String baseline,
            double ours,
            double baselineValue,
            double ratio,
            String unit,
            String goal,
            Boolean met,
            String note) {
        Comparison c = new Comparison(scenario, metric, baseline, ours, baselineValue, ratio, unit, goal, met, note);
        comparisons.add(c);
        return c;
    }

    /** Keeps a data series (for the chart and the JSON file). */
    public synchronized void series(String name, Object data) {
        series.put(name, data);
    }

    public synchronized Object series(String name) {
        return series.get(name);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public synchronized List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    public synchronized String summaryTable() {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | metric | baseline | ours | baseline value | ratio (ours/baseline) | goal | met |\n");
        md.append("|---|---|---|---:|---:|---:|---|---|\n");
        for (Comparison c : comparisons) {
            md.append("| ")
                    .append(c.scenario())
                    .append(" | ")
                    .append(c.metric())
                    .append(" | ")
                    .append(c.baseline())
                    .append(" | ")
                    .append(format(c.ours()))
                    .append(' ')
                    .append(c.unit())
                    .append(" | ")
                    .append(format(c.baselineValue()))
                    .append(' ')
                    .append(c.unit())
                    .append(" | ")
                    .append(Double.isNaN(c.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.3fx", c.ratio()))
                    .append(" | ")
                    .append(c.goal() == null ? "" : c.goal())
                    .append(" | ")
                    .append(c.met() == null ? "" : c.met() ? "yes" : "**no**")
                    .append(c.note() == null || c.note().isEmpty() ? "" : " (" + c.note() + ")")
                    .append(" |\n");
        }
        return md.toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    public synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environment);
        json.put("comparisons", comparisons);
        json.put("measurements", measurements);
        json.put("series", series);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), json);
        StringBuilder csv = new StringBuilder("scenario,client,setting,metric,value,unit\n");
        for (Measurement m : measurements) {
            csv.append(String.join(
                            ",",
                            m.scenario(),
                            m.client(),
                            m.setting(),
                            m.metric(),
                            String.format(Locale.ROOT, "%.6f", m.value()),
                            m.unit()))
                    .append('\n');
        }
        Files.writeString(directory.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        StringBuilder md = new StringBuilder("# Benchmark summary\n\n");
        environment.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n').append(summaryTable());
        Files.writeString(directory.resolve("summary.md"), md, StandardCharsets.UTF_8);
    }
}
