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

import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * A real forward proxy on loopback: Jetty's {@link ConnectHandler} (HTTP CONNECT tunnels) on a random free port,
 * optionally with Basic proxy authentication (a 407 with a {@code Proxy-Authenticate} challenge otherwise), a host
 * deny list (Jetty's own 403 by policy), or a forced answer to every CONNECT (e.g. the 401 some proxies send where
 * they mean 407). Records the target of every CONNECT it received and of every tunnel it opened.
 */
public final class ForwardProxy implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final RecordingConnectHandler handler = new RecordingConnectHandler();

    private volatile String expectedAuthorization;
    private volatile int forcedStatus;

    private ForwardProxy() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    /** An open proxy (no authentication). */
    public static ForwardProxy start() {
        try {
            return new ForwardProxy();
        } catch (Exception e) {
            throw new IllegalStateException("The forward proxy did not start", e);
        }
    }

    /** From now on only CONNECTs with these Basic credentials are let through. */
    public ForwardProxy requireBasicAuth(String username, String password) {
        expectedAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Jetty's own policy: CONNECTs to {@code host:port} are refused with 403. */
    public ForwardProxy deny(String hostAndPort) {
        handler.getBlackListHosts().add(hostAndPort);
        return this;
    }

    /** Every CONNECT is answered with this status (0: tunnel as usual). */
    public ForwardProxy answerEveryConnectWith(int status) {
        forcedStatus = status;
        return this;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code host:port} of every CONNECT received, authorised or not. */
    public List<String> connects() {
        return List.copyOf(handler.connects);
    }

    /** {@code host:port} of every tunnel opened to a target. */
    public List<String> tunnels() {
        return List.copyOf(handler.tunnels);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class RecordingConnectHandler extends ConnectHandler {

        private final List<String> connects = new CopyOnWriteArrayList<>();
        private final List<String> tunnels = new CopyOnWriteArrayList<>();

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (HttpMethod.CONNECT.is(request.getMethod()) && forcedStatus != 0) {
                connects.add(request.getHttpURI().getAuthority());
                if (forcedStatus == 401) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"proxy\"");
                }
                Response.writeError(request, response, callback, forcedStatus);
                return true;
            }
            return super.handle(request, response, callback);
        }

        @Override
        protected void handleConnect(Request request, Response response, Callback callback, String serverAddress) {
            connects.add(serverAddress);
            super.handleConnect(request, response, callback, serverAddress);
        }

        @Override
        protected boolean handleAuthentication(Request request, Response response, String address) {
            String expected = expectedAuthorization;
            if (expected == null || expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
                return true;
            }
            response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"test-proxy\"");
            return false;
        }

        @Override
        protected void connectToServer(Request request, String host, int port, Promise<SocketChannel> promise) {
            tunnels.add(host + ":" + port);
            super.connectToServer(request, host, port, promise);
        }
    }
}
