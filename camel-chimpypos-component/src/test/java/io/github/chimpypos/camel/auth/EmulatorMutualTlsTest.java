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
package io.github.chimpypos.camel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.TestCertificates;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's token service requiring mutual TLS. The JDK client negotiates TLS 1.3 with it, where the server
 * checks the client certificate only after the client has finished its handshake and written its request: without
 * the probe the client would see a broken connection about half of the time and retry it as an outage.
 */
class EmulatorMutualTlsTest {

    private static final MutableClock CLOCK = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
    private static final TestCertificates.Identity SHOP_TERMINAL = TestCertificates.client("shop-terminal-0001");

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder()
            .clock(CLOCK)
            .requireClientCertificate(TestCertificates.trustStore(SHOP_TERMINAL.certificate()))
            .workerThreads(8));

    private DefaultTokenProvider provider;

    private DefaultTokenProvider start(SSLContext tls) {
        TokenProviderSettings settings = EmulatorTokenProviderTest.settings(EMULATOR.emulator(), CLOCK)
                .httpClientSettings(new HttpClientSettings(tls, Duration.ofSeconds(5), Duration.ofSeconds(5), 2))
                .build();
        provider = new DefaultTokenProvider(settings, null, CLOCK::advance, () -> 0.5, new CredentialLockouts());
        provider.start();
        return provider;
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop();
        }
    }

    /**
     * Invariant: a missing client certificate is reported as a TLS failure naming the client certificate, every
     * time (20 attempts), with one request per attempt (no outage retries) and nothing reaching the token service.
     */
    @Test
    void missingClientCertificateIsATlsFailureEveryTimeNeverAnOutage() {
        start(EMULATOR.emulator().clientSslContext());

        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThatThrownBy(provider::getToken)
                    .as("attempt %d", attempt)
                    .isInstanceOfSatisfying(
                            ChimpyPosAuthenticationException.class,
                            e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE))
                    .hasMessageContaining("client certificate")
                    .hasMessageContaining("key managers");
            assertThat(provider.status().tokenCalls())
                    .as("token requests after attempt %d", attempt)
                    .isEqualTo(attempt);
            provider.resetCredentialsLockout();
        }
        assertThat(provider.status().failures(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE))
                .isZero();
        assertThat(EMULATOR.emulator().control().counters().tokenCalls()).isZero();
    }

    /** The same service with the client certificate it trusts: a token. */
    @Test
    void withTheTrustedClientCertificateATokenIsObtained() throws Exception {
        start(SHOP_TERMINAL.sslContext(emulatorCertificate()));

        assertThat(provider.getToken()).isNotNull();
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("password", "success"))
                .isEqualTo(1);
    }

    private static X509Certificate emulatorCertificate() throws Exception {
        KeyStore trustStore = EMULATOR.emulator().trustStore();
        return (X509Certificate) trustStore.getCertificate(trustStore.aliases().nextElement());
    }
}
