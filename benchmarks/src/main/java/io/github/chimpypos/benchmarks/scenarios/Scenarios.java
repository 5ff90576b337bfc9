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

import java.lang.management.ManagementFactory;
import java.util.stream.DoubleStream;

import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.load.Samples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers the scenarios share. */
final class Scenarios {

    private static final Logger LOG = LoggerFactory.getLogger("benchmarks");

    private Scenarios() {}

    static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A benchmark of failing requests measures nothing: fail loudly, with the first cause. */
    static void checkErrors(ClientKind kind, Samples samples) {
        if (samples.errors() > 0) {
            LOG.warn(
                    "  {}: {} failed requests out of {}; first failure: {}",
                    kind.label(),
                    samples.errors(),
                    samples.errors() + samples.count(),
                    String.valueOf(samples.firstError()));
        }
        if (samples.count() == 0) {
            throw new IllegalStateException(
                    kind.label() + ": no request succeeded; first failure: " + samples.firstError(),
                    samples.firstError());
        }
    }

    /** Heap in use after full collections, in bytes. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(100);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
