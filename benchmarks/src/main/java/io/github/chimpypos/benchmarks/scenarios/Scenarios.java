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

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.DoubleStream;

import com.sun.management.GcInfo;
import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.load.Samples;
import org.apache.camel.http.base.HttpOperationFailedException;
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
                    describe(samples.firstError()));
        }
        if (samples.count() == 0) {
            throw new IllegalStateException(
                    kind.label() + ": no request succeeded; first failure: " + samples.firstError(),
                    samples.firstError());
        }
    }

    /** An exception with the answer's body when the client kept it (camel-http does), for the 401 reason. */
    static String describe(Throwable error) {
        if (error instanceof HttpOperationFailedException http && http.getResponseBody() != null) {
            return error + " " + http.getResponseBody();
        }
        return String.valueOf(error);
    }

    /**
     * The live heap in bytes: what the last of a few explicit full collections left behind, read from that collection's
     * own report, not from the heap's current use, which already includes what running threads allocated since.
     */
    static long usedHeapAfterGc() {
        long live = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(50);
            live = Math.min(live, heapAfterLastGc());
        }
        return live;
    }

    private static long heapAfterLastGc() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        GcInfo latest = null;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean gc) {
                GcInfo info = gc.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return latest.getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
