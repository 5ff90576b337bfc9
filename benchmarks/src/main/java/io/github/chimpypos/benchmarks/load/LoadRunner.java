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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import com.sun.management.OperatingSystemMXBean;
import io.github.chimpypos.benchmarks.clients.PricingClient;

/**
 * A closed-loop load generator: {@code callers} threads call the client back to back (optionally pausing between
 * calls) for a warm-up and then a measurement window; only requests that start and end inside the window count.
 */
public final class LoadRunner {

    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private LoadRunner() {}

    public static Samples run(PricingClient client, int callers, Duration warmup, Duration measure) {
        return run(client, callers, warmup, measure, Duration.ZERO);
    }

    public static Samples run(PricingClient client, int callers, Duration warmup, Duration measure, Duration pause) {
        return run(client, callers, warmup, measure, pause, () -> -1);
    }

    /**
     * As {@link #run(PricingClient, int, Duration, Duration, Duration)}, also reading {@code serverCpuNanos} at both
     * ends of the window (the server's CPU time, e.g. of an emulator process).
     */
    public static Samples run(
            PricingClient client,
            int callers,
            Duration warmup,
            Duration measure,
            Duration pause,
            LongSupplier serverCpuNanos) {
        long begin = System.nanoTime() + START_DELAY_NANOS;
        long windowStart = begin + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        long pauseNanos = pause.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            Thread thread = new Thread(
                    () -> {
                        LockSupport.parkNanos(begin - System.nanoTime());
                        long started;
                        while ((started = System.nanoTime()) < windowEnd) {
                            try {
                                client.getStationPricing();
                                long ended = System.nanoTime();
                                if (started >= windowStart && ended <= windowEnd) {
                                    recorder.add(started, ended - started);
                                }
                            } catch (Exception e) {
                                if (started >= windowStart) {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, e);
                                }
                            }
                            if (pauseNanos > 0) {
                                LockSupport.parkNanos(pauseNanos);
                            }
                        }
                    },
                    "caller-" + client.kind().label() + "-" + i);
            threads.add(thread);
            thread.start();
        }
        // the JVM's CPU time over exactly the window, read by this thread while the callers work
        LockSupport.parkNanos(windowStart - System.nanoTime());
        long cpuAtStart = processCpuNanos();
        long serverAtStart = serverCpuNanos.getAsLong();
        LockSupport.parkNanos(windowEnd - System.nanoTime());
        long cpuAtEnd = processCpuNanos();
        long serverAtEnd = serverCpuNanos.getAsLong();
        join(threads);
        long processCpu = cpuAtStart < 0 || cpuAtEnd < 0 ? -1 : cpuAtEnd - cpuAtStart;
        long serverCpu = serverAtStart < 0 || serverAtEnd < 0 ? -1 : serverAtEnd - serverAtStart;
        int total = recorders.stream().mapToInt(r -> r.size).sum();
        long[] starts = new long[total];
        long[] latencies = new long[total];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.starts, 0, starts, at, r.size);
            System.arraycopy(r.latencies, 0, latencies, at, r.size);
            at += r.size;
        }
        return new Samples(
                starts,
                latencies,
                windowStart,
                windowEnd - windowStart,
                errors.get(),
                firstError.get(),
                processCpu,
                serverCpu);
    }

    /**
     * Fires {@code callers} first requests at once (all threads released by one latch) and returns the time from the
     * release to the last success.
     */
    public static HerdResult herd(PricingClient client, int callers) {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong lastSuccess = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            client.getStationPricing();
                            lastSuccess.accumulateAndGet(System.nanoTime(), Math::max);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    },
                    "herd-" + client.kind().label() + "-" + i);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long released = System.nanoTime();
        go.countDown();
        join(threads);
        double millis = lastSuccess.get() == 0 ? Double.NaN : (lastSuccess.get() - released) / 1e6;
        return new HerdResult(callers, failures.get(), millis, firstError.get());
    }

    /** The outcome of {@link #herd}. */
    public record HerdResult(int callers, long failures, double millisToLastSuccess, Throwable firstError) {}

    /** CPU time of this JVM so far, -1 when the platform does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Recorder {
        long[] starts = new long[4096];
        long[] latencies = new long[4096];
        int size;

        void add(long start, long latency) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            starts[size] = start;
            latencies[size] = latency;
            size++;
        }
    }
}
