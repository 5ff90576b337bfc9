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
package io.github.chimpypos.camel.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A minimal token service and PoS API on HTTPS (or plain HTTP) at 127.0.0.1, for TLS tests that need a certificate of their own: it
 * answers {@code POST /oauth/token} with an opaque token and {@code GET /api/v2/users/{coupon}} with a valid user, and
 * records the subject of the client certificate of every call (or {@code none}).
 */
public final class LoopbackHttpsServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private LoopbackHttpsServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port; {@code needClientAuth} makes the handshake require a client certificate. */
    public static LoopbackHttpsServer start(SSLContext serverContext, boolean needClientAuth) throws IOException {
        return start(serverContext, needClientAuth, "TLSv1.3", "TLSv1.2");
    }

    /** The same, accepting only the given protocol versions. */
    public static LoopbackHttpsServer start(SSLContext serverContext, boolean needClientAuth, String... protocols)
            throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                // HttpsParameters.setNeedClientAuth alone is not applied by the JDK server: pass SSLParameters
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(needClientAuth);
                ssl.setProtocols(protocols);
                parameters.setSSLParameters(ssl);
            }
        });
        return serve(server);
    }

    /** The same on plain HTTP, for allowInsecureHttp tests. */
    public static LoopbackHttpsServer startPlainHttp() throws IOException {
        return serve(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16));
    }

    private static LoopbackHttpsServer serve(HttpServer server) {
        LoopbackHttpsServer loopback = new LoopbackHttpsServer(server);
        server.createContext(
                "/oauth/token",
                exchange -> loopback.answer(
                        exchange,
                        "{\"access_token\":\"loopback-opaque-token\",\"expires_in\":600,\"token_type\":\"Bearer\"}"));
        server.createContext(
                "/api/v2/users/",
                exchange -> loopback.answer(
                        exchange,
                        "{\"data\":{\"user\":{\"status\":\"valid\",\"user_coupon\":\"APPUSER1\"}},\"locale\":\"en\"}"));
        server.start();
        return loopback;
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        calls.add(exchange.getRequestURI().getPath() + " client="
                + (exchange instanceof HttpsExchange https ? clientSubject(https) : "plain http"));
        exchange.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String clientSubject(HttpsExchange exchange) {
        try {
            Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
            return ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "none";
        }
    }

    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    public String tokenUrl() {
        return baseUrl() + "/oauth/token";
    }

    /** Every answered call as {@code <path> client=<subject or none>}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
