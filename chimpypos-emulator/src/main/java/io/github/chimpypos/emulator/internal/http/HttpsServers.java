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
package io.github.chimpypos.emulator.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * Starts the JDK's built-in HTTPS server on loopback. The JDK server needs no dependency and serves a few thousand
 * small requests per second, far more than the emulated service; its handlers run on a bounded pool sized so that
 * 200+ clients (some of them held by injected latency) are served concurrently instead of queueing.
 */
public final class HttpsServers {

    /** Pending connections the kernel keeps while all workers are busy; a burst of 200+ clients must not be refused. */
    private static final int BACKLOG = 1024;

    static {
        // The JDK reads these properties once, when its server classes load, so they are set before the first
        // server exists (unless the application chose a value itself).
        // 1. The JDK server writes the status line and the body as separate TCP segments; with Nagle's algorithm
        //    on, the second waits for the client's delayed ACK, adding ~40 ms to every keep-alive call.
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // 2. Beyond 200 idle keep-alive connections (the JDK default) the server closes a connection right after
        //    answering on it; a client reusing it at that moment sees "no bytes" and a POST is not retried. Test
        //    suites with 200 parallel clients plus earlier clients' idle connections exceed 200 easily.
        defaultProperty("sun.net.httpserver.maxIdleConnections", "4096");
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private HttpsServers() {}

    /** Binds the port now (so the URL is known) ; {@link RunningServer#start(HttpHandler)} starts serving. */
    public static RunningServer bind(
            String name, InetAddress address, int port, SSLContext sslContext, int workerThreads) {
        return bind(name, address, port, sslContext, false, workerThreads);
    }

    /** The same; {@code needClientAuth}: the handshake fails without a client certificate the context trusts. */
    public static RunningServer bind(
            String name,
            InetAddress address,
            int port,
            SSLContext sslContext,
            boolean needClientAuth,
            int workerThreads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                workerThreads,
                workerThreads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(64, workerThreads * 8)),
                daemonThreads(name));
        // idle workers go away, so an embedded emulator costs almost nothing between test bursts
        executor.allowCoreThreadTimeOut(true);
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), BACKLOG);
            server.setHttpsConfigurator(new Tls12PlusConfigurator(sslContext, needClientAuth));
            server.setExecutor(executor);
            return new RunningServer(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot start the " + name + " server on port " + port, e);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger sequence = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chimpypos-" + name + "-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Offers only TLS 1.3 and 1.2: older protocol versions are refused during the handshake. */
    private static final class Tls12PlusConfigurator extends HttpsConfigurator {

        private final boolean needClientAuth;

        Tls12PlusConfigurator(SSLContext context, boolean needClientAuth) {
            super(context);
            this.needClientAuth = needClientAuth;
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            // HttpsParameters.setNeedClientAuth alone is not applied by the JDK server: it reads the SSLParameters
            parameters.setNeedClientAuth(needClientAuth);
            params.setSSLParameters(parameters);
        }
    }
}
