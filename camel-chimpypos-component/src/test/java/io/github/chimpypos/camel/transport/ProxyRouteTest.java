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
package io.github.chimpypos.camel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import io.github.chimpypos.camel.operability.TokenProviderHealth;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.camel.testsupport.ForwardProxy;
import io.github.chimpypos.camel.testsupport.LogCapture;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token and API calls through a real forward proxy (Jetty's ConnectHandler on loopback): the CONNECTs it sees, Basic
 * proxy authentication, nonProxyHosts, the JVM's proxy properties, and a proxy that refuses (407, 403 by policy, 401,
 * unreachable) reported as a proxy failure naming the proxy, never as Chimpy's answer and never toward the lockout.
 */
class ProxyRouteTest extends ChimpyPosTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";
    private static final String PROXY_USER = "shop-gateway";
    private static final String PROXY_PASSWORD = "Pr0xy-S3cret-4711";

    private ForwardProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = ForwardProxy.start().requireBasicAuth(PROXY_USER, PROXY_PASSWORD);
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    private void useProxy(String password) {
        ChimpyPosConfiguration configuration = component().getConfiguration();
        configuration.setProxyHost(proxy.host());
        configuration.setProxyPort(proxy.port());
        configuration.setProxyAuthUsername(PROXY_USER);
        configuration.setProxyAuthPassword(password);
    }

    private static String hostAndPort(URI url) {
        return url.getHost() + ":" + url.getPort();
    }

    private static String tokenService() {
        return hostAndPort(emulator().authUrl());
    }

    private static String api() {
        return hostAndPort(emulator().apiUrl());
    }

    private ObservableTokenProvider provider() {
        return component().getTokenProviderRegistry().providers().iterator().next();
    }

    @Test
    void tokenAndApiCallsTunnelThroughTheAuthenticatingProxy() {
        useProxy(PROXY_PASSWORD);

        Exchange exchange = send(CHECK_USER);

        assertThat(exchange.getException()).isNull();
        assertThat(proxy.tunnels()).containsExactlyInAnyOrder(tokenService(), api());
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().apiCalls()).isEqualTo(1);
    }

    /** A corporate CA from Camel's global SSL context serves token and API calls through the proxy alike. */
    @Test
    void theGlobalSslContextTrustsTheTargetsThroughTheProxy() {
        useProxy(PROXY_PASSWORD);
        component().getConfiguration().setSslContextParameters(null);
        component().setUseGlobalSslContextParameters(true);
        context.setSSLContextParameters(emulatorTrust());

        Exchange exchange = send(CHECK_USER);

        assertThat(exchange.getException()).isNull();
        assertThat(proxy.tunnels()).containsExactlyInAnyOrder(tokenService(), api());
    }

    @Test
    void endpointOptionsConfigureTheProxyToo() {
        Exchange exchange = send(CHECK_USER + "&proxyHost=" + proxy.host() + "&proxyPort=" + proxy.port()
                + "&proxyAuthUsername=" + PROXY_USER + "&proxyAuthPassword=RAW(" + PROXY_PASSWORD + ")");

        assertThat(exchange.getException()).isNull();
        assertThat(proxy.tunnels()).containsExactlyInAnyOrder(tokenService(), api());
    }

    @Test
    void aWrongProxyPasswordFailsNamingTheProxyWithoutATokenCallOrASecretInTheLogs() throws Exception {
        useProxy("not-the-proxy-password");
        Exchange exchange;
        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            exchange = send(CHECK_USER);
            lines = logs.lines();
        }

        assertThat(exchange.getException())
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        failure -> assertThat(failure.getReason()).isEqualTo(TokenFailureReason.PROXY_FAILURE))
                .hasMessageContaining("proxy " + proxy.host() + ":" + proxy.port())
                .hasMessageContaining("407")
                .hasMessageContaining("proxyAuthPassword")
                .hasMessageNotContaining("not-the-proxy-password");
        assertThat(proxy.connects()).isNotEmpty().allMatch(tokenService()::equals);
        assertThat(proxy.tunnels()).isEmpty();
        assertThat(counters().tokenCalls()).isZero();
        String basic = Base64.getEncoder()
                .encodeToString((PROXY_USER + ":not-the-proxy-password").getBytes(StandardCharsets.UTF_8));
        // the proxy's own (Jetty) logs are the proxy's business; every line of the client side is checked
        assertThat(lines.stream().filter(line -> !line.contains(" org.eclipse.jetty")))
                .isNotEmpty()
                .noneMatch(line -> line.contains("not-the-proxy-password"))
                .noneMatch(line -> line.contains(basic));
    }

    @Test
    void theProxyPasswordIsNeverLoggedOnSuccessEither() throws Exception {
        useProxy(PROXY_PASSWORD);
        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            assertThat(send(CHECK_USER).getException()).isNull();
            lines = logs.lines();
        }

        String basic = Base64.getEncoder()
                .encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(lines.stream().filter(line -> !line.contains(" org.eclipse.jetty")))
                .isNotEmpty()
                .noneMatch(line -> line.contains(PROXY_PASSWORD))
                .noneMatch(line -> line.contains(basic));
    }

    @Test
    void aProxyForbiddingTheTokenServiceIsAProxyFailureNotAccessDenied() {
        useProxy(PROXY_PASSWORD);
        proxy.deny(tokenService());

        Exchange exchange = send(CHECK_USER);

        assertThat(exchange.getException())
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        failure -> assertThat(failure.getReason()).isEqualTo(TokenFailureReason.PROXY_FAILURE))
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("nonProxyHosts");
        assertThat(counters().tokenCalls()).isZero();
        TokenProviderStatus status = provider().status();
        assertThat(status.lastFailureReason()).isEqualTo(TokenFailureReason.PROXY_FAILURE);
        assertThat(status.state()).isNotEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        TokenProviderHealth health = TokenProviderHealth.of(status);
        assertThat(health.up()).isFalse();
        assertThat(health.message()).contains("forward proxy");
    }

    /** Debian's tinyproxy 1.11 answers a CONNECT it will not tunnel with 401: not Chimpy rejecting credentials. */
    @Test
    void aProxyAnswering401NeverCountsTowardTheCredentialsLockout() {
        useProxy(PROXY_PASSWORD);
        proxy.answerEveryConnectWith(401);

        for (int i = 0; i < 4; i++) {
            Exchange exchange = send(CHECK_USER);
            assertThat(exchange.getException())
                    .isInstanceOfSatisfying(
                            ChimpyPosAuthenticationException.class,
                            failure -> assertThat(failure.getReason()).isEqualTo(TokenFailureReason.PROXY_FAILURE));
        }

        assertThat(counters().tokenCalls()).isZero();
        assertThat(provider().status().state()).isNotEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        assertThat(provider().status().failures(TokenFailureReason.CREDENTIALS_REJECTED))
                .isZero();
    }

    @Test
    void aProxyRefusingTheApiTunnelFailsTheExchangeNamingTheProxy() {
        useProxy(PROXY_PASSWORD);
        proxy.deny(api());

        Exchange exchange = send(CHECK_USER);

        assertThat(exchange.getException())
                .isExactlyInstanceOf(ChimpyPosException.class)
                .hasMessageContaining("proxy " + proxy.host() + ":" + proxy.port())
                .hasMessageContaining("HTTP 403");
        assertThat(counters().apiCalls()).isZero();
    }

    @Test
    void anUnreachableProxyIsAProxyFailureNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChimpyPosConfiguration configuration = component().getConfiguration();
        configuration.setProxyHost("127.0.0.1");
        configuration.setProxyPort(closedPort);

        Exchange exchange = send(CHECK_USER);

        assertThat(exchange.getException())
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        failure -> assertThat(failure.getReason()).isEqualTo(TokenFailureReason.PROXY_FAILURE))
                .hasMessageContaining("proxy 127.0.0.1:" + closedPort + " could not be reached");
        assertThat(counters().tokenCalls()).isZero();
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        useProxy(PROXY_PASSWORD);
        component().getConfiguration().setNonProxyHosts("localhost|127.0.0.1");

        assertThat(send(CHECK_USER).getException()).isNull();

        assertThat(proxy.connects()).isEmpty();
        assertThat(counters().tokenCalls()).isEqualTo(1);
    }

    @Test
    void theJvmProxyPropertiesAreHonouredWhenNoOptionIsSet() throws Exception {
        try (ForwardProxy open = ForwardProxy.start()) {
            // the JVM's default http.nonProxyHosts keeps loopback direct: name another host so the emulator is proxied
            withSystemProperties(
                    Map.of(
                            "https.proxyHost", open.host(),
                            "https.proxyPort", String.valueOf(open.port()),
                            "http.nonProxyHosts", "pos-api.internal.example"),
                    () -> assertThat(send(CHECK_USER).getException()).isNull());

            assertThat(open.tunnels()).containsExactlyInAnyOrder(tokenService(), api());
        }
    }

    @Test
    void theJvmDefaultNonProxyHostsKeepLoopbackDirect() throws Exception {
        try (ForwardProxy open = ForwardProxy.start()) {
            Map<String, String> properties = new HashMap<>();
            properties.put("https.proxyHost", open.host());
            properties.put("https.proxyPort", String.valueOf(open.port()));
            properties.put("http.nonProxyHosts", null);
            withSystemProperties(
                    properties,
                    () -> assertThat(send(CHECK_USER).getException()).isNull());

            assertThat(open.connects()).isEmpty();
            assertThat(counters().tokenCalls()).isEqualTo(1);
        }
    }

    /** Sets the properties (null clears one) for the duration of the action, then restores what was there. */
    private static void withSystemProperties(Map<String, String> properties, Runnable action) {
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(name -> before.put(name, System.getProperty(name)));
        try {
            properties.forEach(ProxyRouteTest::setOrClear);
            action.run();
        } finally {
            before.forEach(ProxyRouteTest::setOrClear);
        }
    }

    private static void setOrClear(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
