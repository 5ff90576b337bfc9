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

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Shares what endpoints with equal settings can use together, reference counted like the token provider registry:
 * one {@link SSLContext} per {@link SSLContextParameters} instance (building one costs a key store load and Camel's
 * filter patterns), and one pooled HTTP client per {@link HttpClientSettings} (SSL context, timeouts, pool size),
 * closed when its last user releases it. Every acquire must be paired with one release. Thread-safe.
 */
public final class HttpClientRegistry implements AutoCloseable {

    private final Function<HttpClientSettings, CloseableHttpClient> factory;
    private final Map<SSLContextParameters, Counted<SSLContext>> sslContexts = new IdentityHashMap<>();
    private final Map<HttpClientSettings, Counted<CloseableHttpClient>> httpClients = new HashMap<>();

    private static final class Counted<T> {
        final T value;
        int users;

        Counted(T value) {
            this.value = value;
        }
    }

    public HttpClientRegistry() {
        this(HttpClientFactory::create);
    }

    /** With a custom factory, e.g. one that counts or wraps the clients. */
    public HttpClientRegistry(Function<HttpClientSettings, CloseableHttpClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The SSL context of these parameters, created on first use; pair with {@link #releaseSslContext}. */
    public synchronized SSLContext acquireSslContext(SSLContextParameters parameters, CamelContext camelContext)
            throws GeneralSecurityException, IOException {
        Counted<SSLContext> entry = sslContexts.get(parameters);
        if (entry == null) {
            entry = new Counted<>(parameters.createSSLContext(camelContext));
            sslContexts.put(parameters, entry);
        }
        entry.users++;
        return entry.value;
    }

    /** Gives back an SSL context obtained from {@link #acquireSslContext}; forgets it after its last user. */
    public synchronized void releaseSslContext(SSLContextParameters parameters) {
        Counted<SSLContext> entry = sslContexts.get(parameters);
        if (entry != null && --entry.users <= 0) {
            sslContexts.remove(parameters);
        }
    }

    /** The HTTP client for these settings, created on first use; pair with {@link #release}. */
    public synchronized CloseableHttpClient acquire(HttpClientSettings settings) {
        Counted<CloseableHttpClient> entry = httpClients.get(settings);
        if (entry == null) {
            entry = new Counted<>(factory.apply(settings));
            httpClients.put(settings, entry);
        }
        entry.users++;
        return entry.value;
    }

    /** Gives back a client obtained from {@link #acquire}; closes it after its last user. Ignores unknown clients. */
    public synchronized void release(CloseableHttpClient client) {
        for (Iterator<Counted<CloseableHttpClient>> it = httpClients.values().iterator(); it.hasNext(); ) {
            Counted<CloseableHttpClient> entry = it.next();
            if (entry.value == client) {
                if (--entry.users <= 0) {
                    it.remove();
                    client.close(CloseMode.GRACEFUL);
                }
                return;
            }
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
        for (Counted<CloseableHttpClient> entry : httpClients.values()) {
            entry.value.close(CloseMode.GRACEFUL);
        }
        httpClients.clear();
        sslContexts.clear();
    }

    @Override
    public synchronized String toString() {
        return "HttpClientRegistry[httpClients=" + httpClients.size() + ", sslContexts=" + sslContexts.size() + "]";
    }
}
