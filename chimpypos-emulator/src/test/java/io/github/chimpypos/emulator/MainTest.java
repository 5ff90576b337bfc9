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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void parsesEveryFlag() {
        Main.Options options = Main.Options.parse(new String[] {
            "--auth-port",
            "8443",
            "--api-port",
            "9443",
            "--token-lifetime",
            "60",
            "--no-rotation",
            "--seed",
            "seed.json",
            "--export-truststore",
            "t.p12",
            "--export-cert",
            "c.pem"
        });

        assertThat(options.authPort).isEqualTo(8443);
        assertThat(options.apiPort).isEqualTo(9443);
        assertThat(options.tokenLifetimeSeconds).isEqualTo(60);
        assertThat(options.rotation).isFalse();
        assertThat(options.seed).isEqualTo(Path.of("seed.json"));
        assertThat(options.exportTrustStore).isEqualTo(Path.of("t.p12"));
        assertThat(options.exportCert).isEqualTo(Path.of("c.pem"));
        assertThat(options.help).isFalse();
    }

    @Test
    void defaultsAreFreePortsWithRotation() {
        Main.Options options = Main.Options.parse(new String[0]);

        assertThat(options.authPort).isZero();
        assertThat(options.apiPort).isZero();
        assertThat(options.rotation).isTrue();
        assertThat(options.tokenLifetimeSeconds).isNull();
    }

    @Test
    void rejectsUnknownFlagsAndMissingValues() {
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--verbose"})).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--api-port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--api-port", "x"}))
                .hasMessageContaining("needs a number");
    }

    @Test
    void helpFlag() {
        assertThat(Main.Options.parse(new String[] {"--help"}).help).isTrue();
    }

    @Test
    void bannerPrintsTheApiUrlToUseAsTheComponentsApiUrl() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.startDefault();
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Main.printBanner(out, emulator, emulator.trustStorePath(), emulator.certificatePemPath());

            String apiLine = bytes.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.contains("PoS API URL"))
                    .findFirst()
                    .orElseThrow();
            assertThat(apiLine.split("\\s+")).contains(emulator.apiUrl().toString());
            assertThat(apiLine).doesNotContain(emulator.apiUrl() + "/api/v2");
        }
    }
}
