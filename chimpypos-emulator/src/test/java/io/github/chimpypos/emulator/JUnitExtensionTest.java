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
package io.github.chimpypos.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class JUnitExtensionTest {

    /** {@code @ExtendWith} with defaults, parameter injection, and a reset before each test. */
    @Nested
    @ExtendWith(ChimpyPosEmulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithExtendWith {

        static URI firstApiUrl;

        @BeforeAll
        static void lifecycleMethodsGetTheEmulatorToo(ChimpyPosEmulator emulator) {
            firstApiUrl = emulator.apiUrl();
        }

        @Test
        @Order(1)
        void startsOnLoopbackHttps(ChimpyPosEmulator emulator, EmulatorControl control, DemoCredentials credentials) {
            assertThat(emulator.apiUrl()).isEqualTo(firstApiUrl);
            assertThat(emulator.apiUrl().toString()).startsWith("https://127.0.0.1:");
            assertThat(emulator.control()).isSameAs(control);
            assertThat(credentials.clientId()).isEqualTo("chimpy-sandbox-client");
            new TestClient(emulator)
                    .post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001", new TestClient(emulator).accessToken());
            assertThat(control.counters().createdRentals()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void nextTestStartsFromTheSeedWithZeroCounters(ChimpyPosEmulator emulator) {
            assertThat(emulator.control().counters().createdRentals()).isZero();
            TestClient client = new TestClient(emulator);
            assertThat(client.get("/api/v2/batteries/BAT0001", client.accessToken())
                            .json()
                            .at("/data/battery/status")
                            .asText())
                    .isEqualTo("ready_for_pickup");
        }
    }

    /** {@code keepStateBetweenTests()}: the second test sees what the first did. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class KeepingState {

        @RegisterExtension
        static ChimpyPosEmulatorExtension EMULATOR =
                ChimpyPosEmulatorExtension.create().keepStateBetweenTests();

        @Test
        @Order(1)
        void pickUp() {
            TestClient client = new TestClient(EMULATOR.emulator());
            client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", client.accessToken());
            assertThat(EMULATOR.emulator().control().counters().createdRentals())
                    .isEqualTo(1);
        }

        @Test
        @Order(2)
        void stateAndCountersSurvive() {
            assertThat(EMULATOR.emulator().control().counters().createdRentals())
                    .isEqualTo(1);
        }
    }

    @Test
    void emulatorIsNotAvailableOutsideTheClassLifecycle() {
        ChimpyPosEmulatorExtension unused = ChimpyPosEmulatorExtension.create();

        org.assertj.core.api.Assertions.assertThatThrownBy(unused::emulator)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }
}
