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
package io.github.chimpypos.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.util.List;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.testsupport.ClientHelloRecorder;
import io.github.chimpypos.camel.testsupport.LoopbackHttpsServer;
import io.github.chimpypos.camel.testsupport.TestCertificates;
import io.github.chimpypos.camel.testsupport.TestCertificates.Identity;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS as a route sees it: only certificates the configured trust store vouches for, only for the host name they name,
 * TLS 1.2 or 1.3 only, and a client certificate from sslContextParameters when the server asks for one. No test here
 * trusts everything: each trusts exactly the certificate it means. Plain http:// is refused unless allowInsecureHttp is
 * set (every URL form: OptionValidationTest). Invariant: a TLS problem fails fast with a message that
 * names it and costs no token call loop.
 */
class TlsRouteTest extends FaultsTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";

    private static Identity server;
    private static Identity otherNameServer;
    private static Identity shopTerminal;

    @BeforeAll
    static void createCertificates() {
        server = TestCertificates.server("loopback", "127.0.0.1");
        otherNameServer = TestCertificates.server("pos-api.example.test", "pos-api.example.test");
        shopTerminal = TestCertificates.client("shop-terminal-0001");
    }

    @AfterAll
    static void forgetCertificates() {
        server = null;
        otherNameServer = null;
        shopTerminal = null;
    }

    private static SSLContextParameters trusting(KeyStore trustStore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setKeyStore(trustStore);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static SSLContextParameters withClientCertificate(SSLContextParameters parameters, Identity client) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setKeyStore(client.keyStore());
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(store);
        keyManagers.setKeyPassword(TestCertificates.PASSWORD);
        parameters.setKeyManagers(keyManagers);
        return parameters;
    }

    private void useLoopbackServer(LoopbackHttpsServer loopback, SSLContextParameters tls) {
        ChimpyPosConfiguration configuration = component().getConfiguration();
        configuration.setApiUrl(loopback.baseUrl());
        configuration.setTokenUrl(loopback.tokenUrl());
        configuration.setSslContextParameters(tls);
    }

    /** A route with plain http:// URLs does not start; the message names the option and the insecure flag. */
    @Test
    void plainHttpIsRefusedWhenTheRouteIsAdded() {
        component().getConfiguration().setApiUrl("http://127.0.0.1:9/");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:plain").to(CHECK_USER);
                    }
                }))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid option apiUrl: plain http:// is rejected")
                .hasMessageContaining("allowInsecureHttp");
    }

    /** With allowInsecureHttp=true the same exchange works against a plain HTTP server (tests only). */
    @Test
    void allowInsecureHttpTalksPlainHttpForTests() throws Exception {
        try (LoopbackHttpsServer plain = LoopbackHttpsServer.startPlainHttp()) {
            ChimpyPosConfiguration configuration = component().getConfiguration();
            configuration.setApiUrl(plain.baseUrl());
            configuration.setTokenUrl(plain.tokenUrl());
            configuration.setAllowInsecureHttp(true);

            assertOk(template.send(CHECK_USER, e -> {}));

            assertThat(plain.calls())
                    .containsExactly("/oauth/token client=plain http", "/api/v2/users/APPUSER1 client=plain http");
        }
    }

    /**
     * The JVM's default trust store does not know the emulator's self-signed certificate: the first exchange fails
     * with a message naming TLS, trust and the option to fix, and 20 more fail fast without another handshake.
     */
    @Test
    void anUntrustedTokenServiceCertificateFailsClearlyWithoutATokenCallLoop() {
        component().getConfiguration().setSslContextParameters(new SSLContextParameters());

        for (int i = 0; i < 21; i++) {
            Exchange exchange = checkBattery(i);
            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE);
                assertThat(e.getMessage())
                        .contains("TLS handshake with the token service")
                        .contains("not trusted")
                        .contains("sslContextParameters");
            });
        }

        assertThat(counters().tokenCalls()).isZero();
        assertThat(provider().status().failures(TokenFailureReason.TLS_FAILURE)).isEqualTo(1);
    }

    /** The token service is trusted, the API's certificate is not: the exchange fails naming TLS with the API. */
    @Test
    void anUntrustedApiCertificateFailsClearly() throws Exception {
        try (LoopbackHttpsServer untrusted = LoopbackHttpsServer.start(server.sslContext(), false)) {
            component().getConfiguration().setApiUrl(untrusted.baseUrl());

            Exchange exchange = template.send(CHECK_USER, e -> {});

            assertThat(exchange.getException())
                    .isInstanceOf(ChimpyPosException.class)
                    .hasMessageContaining("checkUser")
                    .hasMessageContaining("TLS with the PoS API failed")
                    .hasMessageContaining("PKIX");
            assertThat(untrusted.calls()).isEmpty();
        }
    }

    /**
     * The server's certificate is trusted but names another host (pos-api.example.test, reached as 127.0.0.1): hostname
     * verification refuses it.
     */
    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        try (LoopbackHttpsServer loopback = LoopbackHttpsServer.start(otherNameServer.sslContext(), false)) {
            useLoopbackServer(loopback, trusting(TestCertificates.trustStore(otherNameServer.certificate())));

            Exchange exchange = template.send(CHECK_USER, e -> {});

            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE);
                assertThat(e.getMessage())
                        .contains("does not match the host name")
                        .contains("No subject alternative names matching IP address 127.0.0.1");
            });
            assertThat(loopback.calls()).isEmpty();
        }
    }

    /** The ClientHello of the token service client offers TLS 1.3 and 1.2, nothing older. */
    @Test
    void onlyTls13AndTls12AreOffered() throws Exception {
        try (ClientHelloRecorder recorder = new ClientHelloRecorder()) {
            component().getConfiguration().setTokenUrl(recorder.url("/oauth/token"));

            assertThat(checkBattery(0).getException()).isInstanceOf(ChimpyPosAuthenticationException.class);

            assertThat(recorder.offeredVersions()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
    }

    /** A narrower choice in sslContextParameters (TLS 1.3 only) is kept: the component only ever removes versions. */
    @Test
    void secureSocketProtocolsOfSslContextParametersNarrowTheOffer() throws Exception {
        try (ClientHelloRecorder recorder = new ClientHelloRecorder()) {
            SSLContextParameters tls = emulatorTrust();
            SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
            protocols.setSecureSocketProtocol(List.of("TLSv1.3"));
            tls.setSecureSocketProtocols(protocols);
            component().getConfiguration().setSslContextParameters(tls);
            component().getConfiguration().setTokenUrl(recorder.url("/oauth/token"));

            assertThat(checkBattery(0).getException()).isInstanceOf(ChimpyPosAuthenticationException.class);

            assertThat(recorder.offeredVersions()).containsExactly("TLSv1.3");
        }
    }

    /**
     * The server requires a client certificate: the one configured in sslContextParameters' key managers is offered
     * to the token service and to the API, and the exchange succeeds.
     */
    @Test
    void aClientCertificateFromSslContextParametersIsOfferedToTokenServiceAndApi() throws Exception {
        try (LoopbackHttpsServer mutual =
                LoopbackHttpsServer.start(server.sslContext(shopTerminal.certificate()), true)) {
            useLoopbackServer(
                    mutual,
                    withClientCertificate(trusting(TestCertificates.trustStore(server.certificate())), shopTerminal));

            Exchange exchange = assertOk(template.send(CHECK_USER, e -> {}));

            assertThat(exchange.getMessage().getHeader("CamelChimpyPosStatus")).isEqualTo("valid");
            assertThat(mutual.calls())
                    .containsExactly(
                            "/oauth/token client=O=camel-chimpypos tests,CN=shop-terminal-0001",
                            "/api/v2/users/APPUSER1 client=O=camel-chimpypos tests,CN=shop-terminal-0001");
        }
    }

    /**
     * The same server without a client certificate configured: the server refuses the handshake and nothing reaches
     * it. With TLS 1.2 the client reads the server's alert during the handshake; with TLS 1.3 the client has finished
     * its handshake before the server checks, so its request may meet a broken connection instead of the alert, and
     * the client then asks the server once more without sending anything (ClientCertificateProbe). Invariant, for
     * both versions: a TLS failure naming the client certificate, one request, no outage retries.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void withoutTheRequiredClientCertificateTheHandshakeIsRefusedAsATlsFailure(String protocol) throws Exception {
        try (LoopbackHttpsServer mutual =
                LoopbackHttpsServer.start(server.sslContext(shopTerminal.certificate()), true, protocol)) {
            useLoopbackServer(mutual, trusting(TestCertificates.trustStore(server.certificate())));

            Exchange exchange = template.send(CHECK_USER, e -> {});

            assertThat(exchange.getException()).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE);
                assertThat(e.getMessage()).contains("client certificate").contains("key managers");
            });
            assertThat(mutual.calls()).isEmpty();
            assertThat(provider().status().tokenCalls()).isEqualTo(1);
        }
    }
}
