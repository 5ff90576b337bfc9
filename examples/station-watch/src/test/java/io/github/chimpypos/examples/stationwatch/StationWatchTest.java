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
package io.github.chimpypos.examples.stationwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The station watch application against the emulator, polling every 100 ms. */
class StationWatchTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private static final int STATIONS = 4;

    @TempDir
    Path output;

    @Test
    void oneAlertWhenAStationGoesOfflineAndOneWhenItComesBack() throws Exception {
        Main main = start();
        try {
            // the first poll reports what is wrong already: off1 is offline, two batteries on the shelf expired
            awaitFirstReport();

            EMULATOR.emulator().control().setStationState("abc1", StationState.OFFLINE);
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts().size() == 2);
            assertThat(alerts().get(1)).endsWith(" abc1 offline");
            awaitPolls(5);

            EMULATOR.emulator().control().setStationState("abc1", StationState.ONLINE);
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts().size() == 3);
            assertThat(alerts().get(2)).endsWith(" abc1 online");
            awaitPolls(5);

            assertThat(alerts()).hasSize(3);
            assertThat(expiredBatteries()).hasSize(2);
        } finally {
            main.stop();
        }
    }

    @Test
    void aRestartDoesNotRepeatWhatWasReported() throws Exception {
        Main first = start();
        try {
            awaitFirstReport();
        } finally {
            first.stop();
        }

        Main second = start();
        try {
            awaitPolls(3);
            assertThat(alerts()).hasSize(1);
            assertThat(expiredBatteries()).hasSize(2);
        } finally {
            second.stop();
        }
    }

    private Main start() throws Exception {
        Main main = EmulatorSandbox.main(EMULATOR.emulator());
        main.addOverrideProperty("station-watch.delay", "100");
        main.addOverrideProperty("station-watch.output", output.toString());
        main.start();
        return main;
    }

    private void awaitFirstReport() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alerts()).singleElement().asString().endsWith(" off1 offline");
            assertThat(expiredBatteries()).containsExactly("EXPIRED01", "EXPIRED02");
        });
    }

    /** Waits until the stations were polled {@code polls} more times. */
    private static void awaitPolls(int polls) {
        long target = EMULATOR.emulator().control().counters().apiCalls("getStationPricing") + (long) polls * STATIONS;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EMULATOR.emulator().control().counters().apiCalls("getStationPricing") >= target);
    }

    private List<String> alerts() throws IOException {
        return lines("station-alerts.log");
    }

    private List<String> expiredBatteries() throws IOException {
        return lines("expired-batteries.txt");
    }

    private List<String> lines(String file) throws IOException {
        Path path = output.resolve(file);
        return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
    }
}
