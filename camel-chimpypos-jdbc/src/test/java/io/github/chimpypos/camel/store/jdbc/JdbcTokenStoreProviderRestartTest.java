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
package io.github.chimpypos.camel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.github.chimpypos.camel.store.EncryptingTokenStoreContract;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart survival: a Camel context whose component keeps its token in an H2 file stops, a new one starts on the
 * same file (a deploy, a crash loop) and serves its first exchange without a token call.
 */
class JdbcTokenStoreProviderRestartTest {

    private static ChimpyPosEmulator emulator;

    @TempDir
    Path directory;

    @BeforeAll
    static void startEmulator() {
        emulator = ChimpyPosEmulator.builder().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    static StoreBackedInstanceSettings instance(ChimpyPosEmulator emulator, String jdbcUrl, String name) {
        DemoCredentials credentials = emulator.credentials();
        return new StoreBackedInstanceSettings(
                emulator.apiUrl().toString(),
                emulator.tokenUrl().toString(),
                credentials.clientId(),
                credentials.audience(),
                credentials.username(),
                credentials.password(),
                emulator.trustStorePath(),
                emulator.trustStorePassword(),
                jdbcUrl,
                EncryptingTokenStoreContract.newEncryptionKey(),
                name);
    }

    @Test
    void aRestartedContextUsesTheStoredTokenWithZeroTokenCalls() throws Exception {
        StoreBackedInstanceSettings settings =
                instance(emulator, "jdbc:h2:file:" + directory.resolve("tokens"), "one-machine");
        try (StoreBackedInstanceSettings.Running before = settings.start()) {
            assertSucceeded(before.checkBattery());
        }
        long tokenCallsBeforeRestart = emulator.control().counters().tokenCalls();

        try (StoreBackedInstanceSettings.Running after = settings.start()) {
            assertSucceeded(after.checkBattery());
            assertSucceeded(after.checkBattery());
        }

        assertThat(tokenCallsBeforeRestart).isEqualTo(1);
        assertThat(emulator.control().counters().tokenCalls())
                .as("token calls after the restart")
                .isEqualTo(1);
        assertThat(emulator.control().counters().apiCalls("checkBattery", 200)).isEqualTo(3);
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).as("exchange failure").isNull();
    }
}
