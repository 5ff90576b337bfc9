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

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each scenario runs. {@link #full()} is the documented run (under 10 minutes on 2 cores);
 * {@link #quick()} is a smoke run of a few seconds that proves the harness end to end.
 */
public record SuiteConfig(
        String name,
        List<Integer> concurrencies,
        int overheadRounds,
        int warmupPasses,
        Duration overheadWarmup,
        Duration overheadMeasure,
        List<Integer> ceilingConcurrencies,
        Duration economyLifetime,
        Duration economyRun,
        Duration economyRefreshMargin,
        Duration stallLifetime,
        Duration stallRun,
        Duration stallTokenLatency,
        Duration stallRefreshMargin,
        int herdCallers,
        int herdRepeats,
        int endpoints,
        Duration soakLifetime,
        Duration soakRun,
        int soakSamples,
        int jmhWarmupIterations,
        int jmhMeasurementIterations,
        Duration jmhIterationTime) {

    public static SuiteConfig full() {
        return new SuiteConfig(
                "full",
                List.of(1, 8, 32),
                5,
                3,
                Duration.ofSeconds(1),
                Duration.ofMillis(2500),
                List.of(64, 128),
                Duration.ofSeconds(6),
                Duration.ofSeconds(43),
                Duration.ofMillis(250),
                Duration.ofSeconds(3),
                Duration.ofSeconds(12),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                256,
                3,
                1000,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                7,
                2,
                3,
                Duration.ofSeconds(2));
    }

    public static SuiteConfig quick() {
        return new SuiteConfig(
                "quick",
                List.of(2),
                1,
                1,
                Duration.ofMillis(300),
                Duration.ofMillis(700),
                List.of(16),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                Duration.ofMillis(500),
                16,
                1,
                20,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                2,
                1,
                1,
                Duration.ofMillis(500));
    }
}
