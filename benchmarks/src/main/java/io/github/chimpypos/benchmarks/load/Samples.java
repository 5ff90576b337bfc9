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
package io.github.chimpypos.benchmarks.load;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The requests completed inside a measurement window: when each started ({@link System#nanoTime()}) and how long it
 * took, plus the failures.
 */
public final class Samples {

    private final long[] starts;
    private final long[] latencies;
    private final long[] sortedLatencies;
    private final long windowStart;
    private final long windowNanos;
    private final long errors;
    private final Throwable firstError;
    private final long processCpuNanos;
    private final long serverCpuNanos;

    Samples(
            long[] starts,
            long[] latencies,
            long windowStart,
            long windowNanos,
            long errors,
            Throwable firstError,
            long processCpuNanos,
            long serverCpuNanos) {
        this.starts = starts;
        this.latencies = latencies;
        this.sortedLatencies = latencies.clone();
        Arrays.sort(sortedLatencies);
        this.windowStart = windowStart;
        this.windowNanos = windowNanos;
        this.errors = errors;
        this.firstError = firstError;
        this.processCpuNanos = processCpuNanos;
        this.serverCpuNanos = serverCpuNanos;
    }

    /** The server's CPU time during the window per request counted, in microseconds; NaN when not measured. */
    public double serverCpuMicrosPerRequest() {
        return serverCpuNanos < 0 || count() == 0 ? Double.NaN : serverCpuNanos / 1e3 / count();
    }

    /**
     * CPU time of this whole JVM (callers, the client's own threads, GC, JIT) during the window per request counted,
     * in microseconds; NaN when the JVM cannot tell. Only meaningful when the JVM holds nothing but the client.
     */
    public double processCpuMicrosPerRequest() {
        return processCpuNanos < 0 || count() == 0 ? Double.NaN : processCpuNanos / 1e3 / count();
    }

    public int count() {
        return latencies.length;
    }

    public long errors() {
        return errors;
    }

    public Throwable firstError() {
        return firstError;
    }

    public long windowStart() {
        return windowStart;
    }

    public double windowSeconds() {
        return windowNanos / 1e9;
    }

    /** Successful requests per second over the window. */
    public double throughput() {
        return count() / windowSeconds();
    }

    /** Latency at quantile {@code q} (0..1) in milliseconds, nearest-rank. */
    public double percentileMillis(double q) {
        return percentileMillis(sortedLatencies, q);
    }

    public long start(int i) {
        return starts[i];
    }

    public long latency(int i) {
        return latencies[i];
    }

    static double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Latency quantile over the subset of requests selected by {@code include}. */
    public double percentileMillis(double q, IntPredicate include) {
        long[] selected = IntStream.range(0, count())
                .filter(include)
                .mapToLong(i -> latencies[i])
                .sorted()
                .toArray();
        return percentileMillis(selected, q);
    }

    public int count(IntPredicate include) {
        return (int) IntStream.range(0, count()).filter(include).count();
    }
}
