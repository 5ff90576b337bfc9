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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's "real sandbox" step, the emulator standing in for Chimpy: the {@code sandbox} profile with every
 * setting, the password included, from the environment, a trust store of the user's own, and the recommended
 * log4j2 configuration, which must keep the password out of the output even at DEBUG and TRACE.
 */
class SandboxProfileTest {

    private static final String TRUST_STORE_PASSWORD = "own-Truststore-pw1";

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @TempDir
    Path work;

    @Test
    void rentsOutWithThePasswordFromTheEnvironmentAndOwnTrustStoreAndLogsNoSecretAtDebug(ChimpyPosEmulator emulator)
            throws Exception {
        ForkedCamelMain.Run run =
                ForkedCamelMain.run(work, environment(emulator, "DEBUG"), "camel.main.profile=sandbox");

        assertThat(run.output()).contains("Rented out BAT0001").contains(" DEBUG ");
        assertThat(run.exitCode()).isZero();
        assertThat(emulator.control().counters().createdRentals()).isEqualTo(1);
        assertNoSecretIn(run, emulator.credentials().password());
    }

    @Test
    void keepsAPasswordWrittenIntoAnEndpointUriOutOfTheLogAtTrace(ChimpyPosEmulator emulator) throws Exception {
        ForkedCamelMain.Run run = ForkedCamelMain.run(
                work,
                environment(emulator, "TRACE"),
                "camel.main.profile=sandbox",
                "camel.main.routes-include-pattern=classpath:habit/uri-password.camel.yaml");

        assertThat(run.output()).contains("Rented out BAT0001").contains(" TRACE ");
        assertNoSecretIn(run, emulator.credentials().password());
    }

    @Test
    void aWrongPasswordIsReportedAsRejectedCredentialsWithoutShowingIt(ChimpyPosEmulator emulator) throws Exception {
        String wrongPassword = "not-the-Passw0rd";
        Map<String, String> environment = environment(emulator, "INFO");
        environment.put("CHIMPY_PASSWORD", wrongPassword);

        ForkedCamelMain.Run run = ForkedCamelMain.run(work, environment, "camel.main.profile=sandbox");

        assertThat(run.output())
                .contains("ChimpyPosAuthenticationException")
                .contains("rejected the password grant")
                .contains("Wrong email or password.")
                .doesNotContain(wrongPassword);
        assertThat(emulator.control().counters().tokenCalls()).isEqualTo(1);
    }

    @Test
    void aMissingEnvironmentVariableStopsTheStartNamingIt(ChimpyPosEmulator emulator) throws Exception {
        Map<String, String> environment = environment(emulator, "INFO");
        environment.remove("CHIMPY_AUDIENCE");

        ForkedCamelMain.Run run = ForkedCamelMain.run(work, environment, "camel.main.profile=sandbox");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("Property with key [env:CHIMPY_AUDIENCE]")
                .contains("returned null value");
        assertThat(emulator.control().counters().tokenCalls()).isZero();
    }

    private Map<String, String> environment(ChimpyPosEmulator emulator, String logLevel)
            throws IOException, GeneralSecurityException {
        DemoCredentials demo = emulator.credentials();
        Map<String, String> environment = new HashMap<>();
        environment.put("CHIMPY_API_URL", emulator.apiUrl().toString());
        environment.put("CHIMPY_TOKEN_URL", emulator.tokenUrl().toString());
        environment.put("CHIMPY_CLIENT_ID", demo.clientId());
        environment.put("CHIMPY_AUDIENCE", demo.audience());
        environment.put("CHIMPY_USERNAME", demo.username());
        environment.put("CHIMPY_PASSWORD", demo.password());
        environment.put("CHIMPY_TRUSTSTORE", ownTrustStore(emulator).toString());
        environment.put("CHIMPY_TRUSTSTORE_PASSWORD", TRUST_STORE_PASSWORD);
        environment.put("LOG_LEVEL", logLevel);
        return environment;
    }

    /** A trust store of the user's own: another file, another password, holding the CA to trust. */
    private Path ownTrustStore(ChimpyPosEmulator emulator) throws IOException, GeneralSecurityException {
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        KeyStore emulatorStore = emulator.trustStore();
        for (String alias : java.util.Collections.list(emulatorStore.aliases())) {
            own.setCertificateEntry("chimpy-" + alias, emulatorStore.getCertificate(alias));
        }
        Path file = work.resolve("company-truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            own.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private void assertNoSecretIn(ForkedCamelMain.Run run, String password) throws IOException {
        assertThat(run.output()).doesNotContain(password).doesNotContain(TRUST_STORE_PASSWORD);
        List<Path> written;
        try (Stream<Path> files = Files.walk(work)) {
            written = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".p12"))
                    .toList();
        }
        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("written by the app: %s", file)
                    .doesNotContain(password);
        }
    }
}
