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

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Chimpy Stations and the batteries on a shop's shelf with the YAML routes of
 * {@code routes/station-watch.camel.yaml}, against the embedded emulator, until Ctrl-C. It logs how to take a station
 * offline and back through the emulator's control API, to see the alerts.
 */
public final class StationWatchApplication {

    private static final Logger LOG = LoggerFactory.getLogger(StationWatchApplication.class);

    private StationWatchApplication() {}

    public static void main(String[] args) throws Exception {
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.builder().start()) {
            Main main = EmulatorSandbox.main(emulator);
            LOG.info(EmulatorSandbox.howToPlay(emulator));
            main.run(args);
        }
    }
}
