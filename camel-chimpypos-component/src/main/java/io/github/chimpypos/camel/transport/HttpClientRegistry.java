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

import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Shares what endpoints with equal settings can use together, reference counted ({@link RefCountedMap}):
 * one {@link SSLContext} per {@link SSLContextParameters} instance (building one costs a key store load and Camel's
 * filter patterns), and one pooled HTTP client per {@link HttpClientSettings} (SSL context, timeouts, pool size),
 * closed when its last user releases it. Every acquire must be paired with one release. Thread-safe.
 */
public final class HttpClientRegistry implements AutoCloseable {

    private final Function<HttpClientSettings, CloseableHttpClient> factory;
    private final RefCountedMap<SSLContextParameters, SSLContext> sslContexts = RefCountedMap.byIdentity();
    private final RefCountedMap<HttpClientSettings, CloseableHttpClient> httpClients = RefCountedMap.byEquality();

    public HttpClientRegistry() {
        this(HttpClientFactory::create);
    }

    /** With a custom factory, e.g. one that counts or wraps the clients. */
    public HttpClientRegistry(Function<HttpClientSettings, CloseableHttpClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The SSL context of these parameters, created on first use; pair with {@link #releaseSslContext}.
     *
     * @throws Exception what {@link SSLContextParameters#createSSLContext} throws (key or trust store not loaded)
     */
    public synchronized SSLContext acquireSslContext(SSLContextParameters parameters, CamelContext camelContext)
            throws Exception {
        return sslContexts.acquire(parameters, key -> key.createSSLContext(camelContext));
    }

    /** Gives back an SSL context obtained from {@link #acquireSslContext}; forgets it after its last user. */
    public synchronized void releaseSslContext(SSLContextParameters parameters) {
        sslContexts.releaseKey(parameters);
    }

    /** The HTTP client for these settings, created on first use; pair with {@link #release}. */
    public synchronized CloseableHttpClient acquire(HttpClientSettings settings) {
        return httpClients.acquire(settings, factory::apply);
    }

    /** Gives back a client obtained from {@link #acquire}; closes it after its last user. Ignores unknown clients. */
    public synchronized void release(CloseableHttpClient client) {
        if (httpClients.release(client)) {
            client.close(CloseMode.GRACEFUL);
        }
    }

    /** How many SSL contexts are shared now. */
    public synchronized int sslContexts() {
        return sslContexts.size();
    }

    /** How many HTTP clients are shared now. */
    public synchronized int httpClients() {
        return httpClients.size();
    }

    /** Closes every client regardless of its users. */
    @Override
    public synchronized void close() {
        httpClients.clear().forEach(client -> client.close(CloseMode.GRACEFUL));
        sslContexts.clear();
    }

    @Override
    public synchronized String toString() {
        return "HttpClientRegistry[httpClients=" + httpClients.size() + ", sslContexts=" + sslContexts.size() + "]";
    }
}
