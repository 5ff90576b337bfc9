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
package io.github.chimpypos.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.SocketTimeoutException;
import java.time.Duration;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.camel.testsupport.ForwardProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge for Chimpy endpoints the component does not type: a plain camel-http endpoint with
 * {@code httpClientConfigurer=#chimpyAuth} (the component's {@code bearerAuthConfigurer()}) against the emulator, with
 * the emulator's token-call counters as the witness that there is one token, one renewal, and no unsafe replay.
 */
class CamelHttpBridgeTest extends ChimpyPosTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext
                .getRegistry()
                .bind(
                        "chimpyAuth",
                        camelContext
                                .getComponent("chimpypos", ChimpyPosComponent.class)
                                .bearerAuthConfigurer());
        camelContext.getRegistry().bind("emulatorTrust", emulatorTrust());
        return camelContext;
    }

    @AfterEach
    void noLatency() {
        emulator().control().setApiLatency(Duration.ZERO);
    }

    private static String untyped(String path, String options) {
        return emulator().apiUrl() + path + "?httpClientConfigurer=#chimpyAuth&sslContextParameters=#emulatorTrust"
                + options;
    }

    private Exchange get(String path) {
        return template.send(
                untyped(path, ""), exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));
    }

    @Test
    void theUntypedEndpointSendsTheTokenOfTheTypedOnes() {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();

        Exchange untyped = get("/api/v2/users/APPUSER1");

        assertThat(untyped.getException()).isNull();
        assertThat(untyped.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                .isEqualTo(200);
        assertThat(untyped.getMessage().getBody(String.class)).contains("\"user\"");
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().apiCalls()).isEqualTo(2);
    }

    @Test
    void theUntypedEndpointAloneObtainsTheTokenTheTypedOnesThenUse() {
        assertThat(get("/api/v2/users/APPUSER1").getException()).isNull();
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();

        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(component().getTokenProviderRegistry().providers()).hasSize(1);
    }

    @Test
    void aRevokedTokenRecoversWithOneTokenCall() {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        emulator().control().revokeAccessTokens();

        Exchange untyped = get("/api/v2/users/APPUSER1");

        assertThat(untyped.getException()).isNull();
        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(counters().apiCalls("checkUser", 401)).isEqualTo(1);
        // the typed endpoint uses the renewed token without another token call
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void aPostIsNotReplayedAfterATimeout() {
        // camel-http takes its response timeout from the component: set before its first endpoint builds a client
        context.getComponent("https", HttpComponent.class).setResponseTimeout(300);
        assertThat(get("/api/v2/users/APPUSER1").getException()).isNull();
        emulator().control().setApiLatency(Duration.ofMillis(1000));

        Exchange post = template.send(untyped("/api/v2/rentals/pickup/shop-zurich-hb/BAT0400", ""), exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody("{}");
        });

        assertThat(post.getException()).isInstanceOf(SocketTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().apiCalls("createRental") >= 1);
        // a replay would have been sent right after the timeout, while the first request was still being answered
        assertThat(counters().apiCalls("createRental")).isEqualTo(1);
        assertThat(counters().maxConcurrentApiCalls()).isEqualTo(1);
    }

    /** A proxy's 403 to the bridge's CONNECT is the proxy's answer, not the API's. */
    @Test
    void aProxyRefusingTheBridgesTunnelIsReportedAsAProxyFailure() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            proxy.deny(emulator().apiUrl().getHost() + ":" + emulator().apiUrl().getPort());

            Exchange untyped = template.send(
                    untyped(
                            "/api/v2/users/APPUSER1",
                            "&proxyHost=" + proxy.host() + "&proxyPort=" + proxy.port() + "&proxyAuthScheme=http"),
                    exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));

            assertThat(untyped.getException())
                    .isNotNull()
                    .hasStackTraceContaining("The proxy " + proxy.host() + ":" + proxy.port() + " refused the tunnel")
                    .hasStackTraceContaining("HTTP 403");
            assertThat(proxy.connects()).isNotEmpty();
            assertThat(counters().apiCalls()).isZero();
        }
    }

    @Test
    void theTokenIsNeverSentOverPlainHttp() {
        Exchange plain = template.send(
                "http://127.0.0.1:" + emulator().apiUrl().getPort()
                        + "/api/v2/users/APPUSER1?httpClientConfigurer=#chimpyAuth",
                exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));

        assertThat(plain.getException()).isNotNull().rootCause().hasMessageContaining("only sent over https");
        assertThat(counters().tokenCalls()).isZero();
    }

    @Test
    void withoutTheConfigurerTheApiSeesNoToken() {
        Exchange untyped = template.send(
                emulator().apiUrl() + "/api/v2/users/APPUSER1?sslContextParameters=#emulatorTrust",
                exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET"));

        // without the configurer the API sees no token: the witness that the configurer is what adds it
        assertThat(untyped.getException())
                .isInstanceOfSatisfying(
                        HttpOperationFailedException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(401));
        assertThat(counters().tokenCalls()).isZero();
    }
}
