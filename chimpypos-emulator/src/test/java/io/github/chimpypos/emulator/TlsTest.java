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

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void certificateNamesLocalhostAndTheLoopbackIp() throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(EMULATOR.emulator().certificatePemPath())) {
            certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }

        assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void exportedTruststoreLetsAPlainJavaClientConnect() throws Exception {
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(emulator.trustStorePath())) {
            trustStore.load(in, emulator.trustStorePassword().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);

        HttpResponse<String> response = HttpClient.newBuilder()
                .sslContext(context)
                .build()
                .send(HttpRequest.newBuilder(emulator.jwksUrl()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"keys\"");
    }

    @Test
    void clientsThatDoNotTrustTheCertificateAreRefused() {
        HttpClient untrusting = HttpClient.newHttpClient();

        assertThatThrownBy(() -> untrusting.send(
                        HttpRequest.newBuilder(EMULATOR.emulator().jwksUrl()).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tlsOlderThanOnePointTwoIsRefused() throws Exception {
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        try (SSLSocket socket = (SSLSocket) emulator.clientSslContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", emulator.apiUrl().getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.1"});
            socket.setSSLParameters(parameters);

            assertThatThrownBy(socket::startHandshake).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    @Test
    void tlsOnePointTwoIsAccepted() throws Exception {
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        try (SSLSocket socket = (SSLSocket) emulator.clientSslContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", emulator.apiUrl().getPort())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void closingDeletesTheExportedFiles() {
        ChimpyPosEmulator emulator = ChimpyPosEmulator.startDefault();
        assertThat(emulator.trustStorePath()).exists();

        emulator.close();

        assertThat(emulator.trustStorePath()).doesNotExist();
        assertThat(emulator.certificatePemPath()).doesNotExist();
    }

    /** With mutual TLS on the auth service, a client without a certificate is refused there; the API is unchanged. */
    @Test
    void authServiceRequiringAClientCertificateRefusesAClientWithoutOne() throws Exception {
        KeyStore noClientTrusted = KeyStore.getInstance("PKCS12");
        noClientTrusted.load(null, null);
        try (ChimpyPosEmulator mutual = ChimpyPosEmulator.builder()
                .requireClientCertificate(noClientTrusted)
                .workerThreads(2)
                .start()) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(mutual.clientSslContext())
                    .build();

            assertThatThrownBy(() -> client.send(
                            HttpRequest.newBuilder(mutual.jwksUrl()).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
            HttpResponse<String> api = client.send(
                    HttpRequest.newBuilder(mutual.apiUrl().resolve("/api/v2/batteries/BAT0001"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(mutual.control().counters().tokenCalls()).isZero();
        }
    }
}
