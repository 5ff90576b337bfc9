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
package io.github.chimpypos.examples.firstroute;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the page's Camel Main app (application.properties and the YAML route, as they are) in this JVM; only what the
 * page tells the reader to adapt is overridden: the emulator's ports and the path of its exported trust store.
 */
class CamelMainAppTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void checksAndRentsOutABatteryThroughTheStandaloneEmulatorsTrustStore(ChimpyPosEmulator emulator) throws Exception {
        Main main = new Main();
        main.addOverrideProperty(
                "camel.component.chimpypos.api-url", emulator.apiUrl().toString());
        main.addOverrideProperty(
                "camel.component.chimpypos.token-url", emulator.tokenUrl().toString());
        main.addOverrideProperty(
                "camel.beans.chimpyTls.trust-managers.key-store.resource", "file:" + emulator.trustStorePath());

        main.run();

        EmulatorCounters counters = emulator.control().counters();
        assertThat(counters.apiCalls("checkBattery", 200)).isEqualTo(1);
        assertThat(counters.apiCalls("createRental", 200)).isEqualTo(1);
        assertThat(counters.createdRentals()).isEqualTo(1);
    }
}
