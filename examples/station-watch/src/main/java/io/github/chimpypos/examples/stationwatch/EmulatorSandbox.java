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
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.camel.main.Main;

/**
 * Points the station watch at an embedded emulator: the {@code sandbox.*} properties that application.properties
 * hands to the component become the emulator's URLs, demo credentials and trust store (its certificate only).
 */
final class EmulatorSandbox {

    private EmulatorSandbox() {}

    /** A Camel Main with the station-watch routes, connected to {@code emulator}; not started yet. */
    static Main main(ChimpyPosEmulator emulator) {
        Main main = new Main(StationWatchApplication.class);
        DemoCredentials credentials = emulator.credentials();
        main.addInitialProperty("sandbox.api-url", emulator.apiUrl().toString());
        main.addInitialProperty("sandbox.token-url", emulator.tokenUrl().toString());
        main.addInitialProperty("sandbox.client-id", credentials.clientId());
        main.addInitialProperty("sandbox.audience", credentials.audience());
        main.addInitialProperty("sandbox.username", credentials.username());
        main.addInitialProperty("sandbox.password", credentials.password());
        main.addInitialProperty("sandbox.trust-store", emulator.trustStorePath().toString());
        main.addInitialProperty("sandbox.trust-store-password", emulator.trustStorePassword());
        return main;
    }

    /** How to change a station's state by hand, with curl against the emulator's control API. */
    static String howToPlay(ChimpyPosEmulator emulator) {
        String put = "curl -sS --cacert " + emulator.certificatePemPath() + " -X PUT -d ";
        String station = emulator.adminUrl() + "/stations/abc1/state";
        return String.join(
                System.lineSeparator(),
                "Station watch runs against the embedded Chimpy PoS emulator. Take station abc1 offline and back:",
                "  " + put + "'{\"state\":\"OFFLINE\"}' " + station,
                "  " + put + "'{\"state\":\"ONLINE\"}' " + station,
                "Alerts go to the log and to station-alerts.log, expired batteries to expired-batteries.txt, in the"
                        + " folder of station-watch.output. Ctrl-C stops.");
    }
}
