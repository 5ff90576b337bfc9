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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny pass of the harness end to end (emulators, all four clients, report files, chart), so that the build
 * proves the suite still runs; the real measurement is {@code java -Xms2g -Xmx2g -jar benchmarks/target/benchmarks.jar}.
 */
class BenchmarkSuiteSmokeTest {

    @Test
    void quickRunMeasuresEveryClientAndWritesResultsAndChart(@TempDir Path results) throws Exception {
        Report report = BenchmarkSuite.run(SuiteConfig.quick(), Set.of("overhead"), results);

        assertThat(report.measurements())
                .extracting(Report.Measurement::client)
                .contains("chimpypos", "floor", "camel-http", "naive");
        assertThat(report.comparisons())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.ours()).isNotNaN());
        assertThat(results.resolve("results.json")).isNotEmptyFile();
        assertThat(results.resolve("results.csv")).isNotEmptyFile();
        assertThat(results.resolve("summary.md")).isNotEmptyFile();
        assertThat(Files.readString(results.resolve("benchmarks.svg")))
                .startsWith("<svg")
                .endsWith("</svg>\n");
    }
}
