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
import java.util.Objects;

/**
 * Draws the suite's chart as plain SVG from the numbers of the run: overhead against the floor (throughput and p99
 * ratios per concurrency), token calls (economy and cold herd, log scale), bytes allocated per request, and the
 * renewal-stall timeline.
 */
final class SvgChart {

    private static final String[] CLIENTS = {"chimpypos", "camel-http", "naive", "floor"};
    private static final Map<String, String> COLORS = Map.of(
            "chimpypos",
            "#1f77b4",
            "camel-http",
            "#ff7f0e",
            "naive",
            "#d62728",
            "floor",
            "#7f7f7f",
            "ideal",
            "#2ca02c");
    private static final int PANEL_W = 560;
    private static final int PANEL_H = 300;

    private final StringBuilder svg = new StringBuilder();
    private final Report report;

    private SvgChart(Report report) {
        this.report = report;
    }

    static void write(Report report, String title, Path file) throws IOException {
        SvgChart chart = new SvgChart(report);
        String body = chart.render(title);
        Files.createDirectories(file.getParent());
        Files.writeString(file, body, StandardCharsets.UTF_8);
    }

    private String render(String title) {
        int width = 2 * PANEL_W + 60;
        int height = 3 * (PANEL_H + 50) + 70;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">\n",
                width,
                height,
                width,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(20, 28, escape(title), "start", 16, "bold");
        legend(20, 48);
        int y0 = 70;
        ratioPanel(20, y0, "Throughput relative to the floor (higher is better)", "throughput", 0.97, false);
        ratioPanel(40 + PANEL_W, y0, "p99 latency relative to the floor (lower is better)", "p99", 1.10, true);
        int y1 = y0 + PANEL_H + 50;
        tokenCallsPanel(20, y1);
        allocationPanel(40 + PANEL_W, y1);
        stallPanel(20, y1 + PANEL_H + 50, 2 * PANEL_W + 20);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void legend(int x, int y) {
        int at = x;
        for (String c : new String[] {"chimpypos", "camel-http", "naive", "floor", "ideal"}) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                    at,
                    y - 10,
                    COLORS.get(c)));
            text(at + 16, y, c, "start", 12, "normal");
            at += 110;
        }
    }

    /** Grouped bars of ours, the peer and the naive client divided by the floor, one group per concurrency. */
    private void ratioPanel(int x, int y, String title, String metric, double goal, boolean lowerIsBetter) {
        frame(x, y, PANEL_W, PANEL_H, title);
        // median of the ratios paired round by round, as in the table (not the ratio of the medians)
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Double>>> byCallers =
                (Map<String, Map<String, Map<String, Double>>>) report.series("overhead-vs-floor");
        if (byCallers == null) {
            byCallers = Map.of();
        }
        double cap = lowerIsBetter ? 4.0 : 1.4;
        int left = x + 50;
        int bottom = y + PANEL_H - 30;
        int top = y + 45;
        axisY(left, top, bottom, 0, cap, 4, "x floor");
        line(left, yOf(goal, 0, cap, top, bottom), x + PANEL_W - 10, yOf(goal, 0, cap, top, bottom), "#2ca02c", "6,3");
        line(left, yOf(1, 0, cap, top, bottom), x + PANEL_W - 10, yOf(1, 0, cap, top, bottom), "#999", "2,2");
        int groups = Math.max(1, byCallers.size());
        double groupW = (PANEL_W - 70.0) / groups;
        int g = 0;
        for (var e : byCallers.entrySet()) {
            double gx = left + g * groupW + groupW * 0.15;
            double barW = groupW * 0.7 / 3;
            int b = 0;
            for (String client : new String[] {"chimpypos", "camel-http", "naive"}) {
                Map<String, Double> ratios = e.getValue().get(client);
                if (ratios != null && ratios.get(metric) != null) {
                    double ratio = ratios.get(metric);
                    bar(gx + b * barW, barW - 2, ratio, 0, cap, top, bottom, COLORS.get(client));
                }
                b++;
            }
            text((int) (left + g * groupW + groupW / 2), bottom + 16, e.getKey(), "middle", 11, "normal");
            g++;
        }
        // drawn last, so that no bar hides it
        text(left + 4, yOf(goal, 0, cap, top, bottom) - 4, "goal " + goal + "x", "start", 10, "italic");
        if (!lowerIsBetter) {
            ceilingNote(x + PANEL_W - 12, y + 34);
        }
    }

    /** Where the emulator's own ceiling lies, so that no bar is silently bounded by it. */
    private void ceilingNote(int x, int y) {
        Double ceiling = null;
        Double floorTop = null;
        for (Report.Comparison c : report.comparisons()) {
            if (c.scenario().startsWith("6") && c.metric().startsWith("floor")) {
                ceiling = c.baselineValue();
                floorTop = c.ours();
            }
        }
        if (ceiling != null) {
            text(
                    x,
                    y,
                    String.format(
                            Locale.ROOT,
                            "emulator ceiling %.0f req/s; floor at top concurrency = %.0f%% of it",
                            ceiling,
                            100 * floorTop / ceiling),
                    "end",
                    10,
                    "italic");
        }
    }

    private void tokenCallsPanel(int x, int y) {
        frame(x, y, PANEL_W, PANEL_H, "Token calls (log scale): economy run and cold herd");
        Map<String, Double> economy = new LinkedHashMap<>();
        Map<String, Double> herd = new LinkedHashMap<>();
        for (Report.Measurement m : report.measurements()) {
            if (m.metric().equals("token calls")) {
                if (m.scenario().equals("token-economy")) {
                    economy.put(m.client(), m.value());
                } else if (m.scenario().equals("cold-herd")) {
                    herd.merge(m.client(), m.value(), Math::max);
                }
            }
        }
        int left = x + 50;
        int bottom = y + PANEL_H - 30;
        int top = y + 45;
        double max = Math.max(
                10,
                economy.values().stream().mapToDouble(Double::doubleValue).max().orElse(10));
        max = Math.max(
                max,
                herd.values().stream().mapToDouble(Double::doubleValue).max().orElse(10));
        double logMax = Math.ceil(Math.log10(max));
        for (int i = 0; i <= logMax; i++) {
            int yy = (int) (bottom - (bottom - top) * i / logMax);
            line(left - 4, yy, x + PANEL_W - 10, yy, "#eee", null);
            text(left - 6, yy + 4, String.format(Locale.ROOT, "%.0f", Math.pow(10, i)), "end", 10, "normal");
        }
        List<String[]> bars = new ArrayList<>();
        for (String c : new String[] {"ideal", "chimpypos", "camel-http", "naive"}) {
            if (economy.containsKey(c)) {
                bars.add(new String[] {"economy", c});
            }
        }
        for (String c : new String[] {"chimpypos", "camel-http", "naive"}) {
            if (herd.containsKey(c)) {
                bars.add(new String[] {"herd", c});
            }
        }
        double barW = (PANEL_W - 80.0) / Math.max(1, bars.size() + 1);
        for (int i = 0; i < bars.size(); i++) {
            String[] b = bars.get(i);
            double v = (b[0].equals("economy") ? economy : herd).get(b[1]);
            double bx = left + 10 + i * barW + (b[0].equals("herd") ? barW : 0);
            double h = (bottom - top) * Math.log10(Math.max(1, v)) / logMax;
            rect(bx, bottom - Math.max(1, h), barW - 6, Math.max(1, h), COLORS.get(b[1]));
            text((int) (bx + (barW - 6) / 2), (int) (bottom - h - 4), Report.format(v), "middle", 10, "normal");
        }
        int economyBars =
                (int) bars.stream().filter(b -> b[0].equals("economy")).count();
        text((int) (left + 10 + economyBars * barW / 2), bottom + 16, "economy run", "middle", 11, "normal");
        text(
                (int) (left + 10 + (economyBars + 1) * barW + (bars.size() - economyBars) * barW / 2),
                bottom + 16,
                "cold herd",
                "middle",
                11,
                "normal");
    }

    private void allocationPanel(int x, int y) {
        frame(x, y, PANEL_W, PANEL_H, "Bytes allocated per request (JMH -prof gc, 1 caller)");
        Map<String, Double> alloc = new LinkedHashMap<>();
        for (Report.Measurement m : report.measurements()) {
            if (m.scenario().equals("allocation") && m.metric().equals("allocated per request")) {
                alloc.put(m.client(), m.value());
            }
        }
        int left = x + 60;
        int bottom = y + PANEL_H - 30;
        int top = y + 45;
        double max = alloc.values().stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        axisY(left, top, bottom, 0, max * 1.1, 4, "bytes");
        double barW = (PANEL_W - 90.0) / Math.max(1, alloc.size());
        int i = 0;
        for (String c : CLIENTS) {
            Double v = alloc.get(c);
            if (v == null) {
                continue;
            }
            double bx = left + 10 + i * barW;
            bar(bx, barW - 12, v, 0, max * 1.1, top, bottom, COLORS.get(c));
            text((int) (bx + (barW - 12) / 2), bottom + 16, c, "middle", 11, "normal");
            i++;
        }
    }

    @SuppressWarnings("unchecked")
    private void stallPanel(int x, int y, int width) {
        frame(
                x,
                y,
                width,
                PANEL_H,
                "Renewal stall: request latency over time, token service slowed (dots: requests;"
                        + " ticks: token calls)");
        Object data = report.series("renewal-stall");
        if (!(data instanceof Map<?, ?> series)) {
            return;
        }
        double maxSeconds = 1;
        double maxMillis = 1;
        for (Object v : series.values()) {
            Map<String, Object> s = (Map<String, Object>) v;
            maxSeconds = Math.max(maxSeconds, (Double) s.get("windowSeconds"));
            for (double[] p : (List<double[]>) s.get("points")) {
                maxMillis = Math.max(maxMillis, p[1]);
            }
        }
        double yMax = Math.max(50, Math.ceil(maxMillis / 50) * 50);
        int left = x + 50;
        int right = x + width - 10;
        int bottom = y + PANEL_H - 30;
        int top = y + 45;
        axisY(left, top, bottom, 0, yMax, 5, "ms");
        for (int s = 0; s <= maxSeconds; s++) {
            int xx = (int) (left + (right - left) * s / maxSeconds);
            text(xx, bottom + 14, s + " s", "middle", 10, "normal");
        }
        int lane = 0;
        for (Map.Entry<?, ?> e : series.entrySet()) {
            String client = (String) e.getKey();
            Map<String, Object> s = (Map<String, Object>) e.getValue();
            String color = COLORS.getOrDefault(client, "#000");
            for (Object t : (List<Object>) s.get("tokenCalls")) {
                double tx = left + (right - left) * ((Double) t) / maxSeconds;
                if (tx >= left && tx <= right) {
                    line((int) tx, bottom - 8 - lane * 8, (int) tx, bottom - lane * 8, color, null);
                }
            }
            StringBuilder dots = new StringBuilder();
            for (double[] p : (List<double[]>) s.get("points")) {
                double px = left + (right - left) * p[0] / maxSeconds;
                double py = yOf(p[1], 0, yMax, top, bottom);
                dots.append(String.format(Locale.ROOT, "M%.1f %.1fh1.5", px, py));
            }
            svg.append("<path d=\"")
                    .append(dots)
                    .append("\" stroke=\"")
                    .append(color)
                    .append("\" stroke-width=\"2\" opacity=\"0.6\" fill=\"none\"/>\n");
            lane++;
        }
    }

    private void frame(int x, int y, int w, int h, String title) {
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>\n",
                x,
                y,
                w,
                h));
        text(x + 8, y + 18, escape(title), "start", 13, "bold");
    }

    private void axisY(int left, int top, int bottom, double min, double max, int ticks, String unit) {
        line(left, top, left, bottom, "#333", null);
        for (int i = 0; i <= ticks; i++) {
            double v = min + (max - min) * i / ticks;
            int yy = (int) yOf(v, min, max, top, bottom);
            line(left - 4, yy, left, yy, "#333", null);
            text(left - 6, yy + 4, Report.format(Math.round(v * 100) / 100.0), "end", 10, "normal");
        }
        text(left + 4, top - 6, unit, "start", 10, "italic");
    }

    private void bar(double x, double w, double v, double min, double max, int top, int bottom, String color) {
        double clipped = Math.min(v, max);
        double yy = yOf(clipped, min, max, top, bottom);
        rect(x, yy, w, bottom - yy, color);
        String label = String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v) + (v > max ? " (cut)" : "");
        text((int) (x + w / 2), (int) yy - 3, label, "middle", 9, "normal");
    }

    private static double yOf(double v, double min, double max, int top, int bottom) {
        return bottom - (bottom - top) * (v - min) / (max - min);
    }

    private void rect(double x, double y, double w, double h, String color) {
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                x,
                y,
                Math.max(0, w),
                Math.max(0, h),
                color));
    }

    private void line(double x1, double y1, double x2, double y2, String color, String dash) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n",
                x1,
                y1,
                x2,
                y2,
                color,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private void text(int x, double y, String s, String anchor, int size, String weight) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" %s>%s</text>\n",
                x,
                y,
                anchor,
                size,
                weight.equals("italic") ? "font-style=\"italic\"" : "font-weight=\"" + weight + "\"",
                s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
