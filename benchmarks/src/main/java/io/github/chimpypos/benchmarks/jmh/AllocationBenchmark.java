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
package io.github.chimpypos.benchmarks.jmh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.emulator.EmulatorProcess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One station-pricing request per operation, single caller, for JMH's GC profiler ({@code gc.alloc.rate.norm}: bytes
 * allocated per request). The emulator runs in a JVM of its own so that the profiler, which counts every thread of the
 * benchmark JVM, sees only the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocationBenchmark {

    @Param({"FLOOR", "OURS", "PEER", "NAIVE"})
    public String client;

    private EmulatorProcess emulator;
    private PricingClient pricing;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        emulator = EmulatorProcess.start(Duration.ofHours(1));
        pricing = Clients.create(ClientKind.valueOf(client), emulator.target(), ClientOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pricing.close();
        emulator.close();
    }

    @Benchmark
    public Object getStationPricing() throws Exception {
        return pricing.getStationPricing();
    }
}
