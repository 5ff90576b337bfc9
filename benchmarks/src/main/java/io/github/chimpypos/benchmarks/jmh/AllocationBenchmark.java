package io.github.chimpypos.benchmarks.jmh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.benchmarks.clients.ClientKind;
import io.github.chimpypos.benchmarks.clients.ClientOptions;
import io.github.chimpypos.benchmarks.clients.Clients;
import io.github.chimpypos.benchmarks.clients.PricingClient;
import io.github.chimpypos.benchmarks.target.EmulatorProcess;
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
