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

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * What it takes to build an HTTPS client for the PoS API or the token service.
 *
 * @param sslContext      trust (and optionally client certificate) material; null means the JVM default trust store
 * @param connectTimeout  time allowed to establish a connection, TLS handshake included
 * @param responseTimeout time allowed between request sent and response received
 * @param maxConnections  pool size, per route and in total
 * @param proxy           the forward proxy, {@link ProxySettings#NONE} for direct connections
 * @param configurer      camel-http's hook applied to the builder after the component's settings, or null
 */
public record HttpClientSettings(
        SSLContext sslContext,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxConnections,
        ProxySettings proxy,
        HttpClientConfigurer configurer) {

    /** Direct connections, no configurer. */
    public HttpClientSettings(
            SSLContext sslContext, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this(sslContext, connectTimeout, responseTimeout, maxConnections, ProxySettings.NONE, null);
    }

    public HttpClientSettings {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1 but was " + maxConnections);
        }
    }
}
