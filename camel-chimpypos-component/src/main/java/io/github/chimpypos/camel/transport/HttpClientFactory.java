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
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled Apache HttpClient 5 instances used for both the PoS API and the token service: TLS 1.3 and 1.2
 * only (narrowed further when the SSL context enables fewer, e.g. {@code secureSocketProtocols} of
 * sslContextParameters),
 * hostname verification always on, no automatic retries (retries of POSTs are decided by the component, never by the
 * transport), no redirects, no cookies, and no wire logging of bodies or credentials
 * ({@link SecretSafeConnectionFactory}). The forward proxy of {@link ProxySettings} (Basic authentication scoped to the
 * proxy's host and port) with {@link ProxyFailureDetector}, then the user's camel-http {@code HttpClientConfigurer},
 * which may change any of it.
 */
public final class HttpClientFactory {

    private static final String USER_AGENT = "camel-chimpypos";
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

    private HttpClientFactory() {}

    public static CloseableHttpClient create(HttpClientSettings settings) {
        SSLContext sslContext = settings.sslContext();
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create()
                .setTlsVersions(tlsVersions(sslContext))
                .setHostnameVerifier(new DefaultHostnameVerifier());
        if (sslContext != null) {
            tls.setSslContext(sslContext);
        } else {
            tls.useSystemProperties();
        }
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                // Servers close idle keep-alive connections (the JDK server after 30 s, load balancers sooner):
                // a pooled connection idle for a while is checked before reuse, so a request is not written into a
                // socket the server already closed and then lost to a reset.
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build();
        PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls.buildClassic())
                .setConnectionFactory(SecretSafeConnectionFactory.INSTANCE)
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT);
        applyProxy(builder, settings.proxy());
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    /**
     * Routes through the proxy (except nonProxyHosts), answers its Basic challenge with the configured credentials
     * only (scoped to the proxy's host and port, never sent to a target), and reports a proxy's refusal as such.
     */
    static void applyProxy(HttpClientBuilder builder, ProxySettings proxy) {
        ProxyFailureDetector.installOn(builder);
        if (!proxy.isConfigured()) {
            return;
        }
        builder.setRoutePlanner(new ProxyRoutePlanner(proxy));
        if (proxy.username() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    new AuthScope(proxy.host(), proxy.port()),
                    new UsernamePasswordCredentials(
                            proxy.username(), proxy.password().toCharArray()));
            builder.setDefaultCredentialsProvider(credentials);
        }
    }

    /**
     * TLS 1.3 and 1.2, without those the SSL context does not enable: Camel's sslContextParameters configure the
     * sockets their context creates, and the TLS strategy would otherwise overwrite a narrower choice.
     */
    static String[] tlsVersions(SSLContext sslContext) {
        List<String> versions = List.of(TLS.V_1_3.id, TLS.V_1_2.id);
        if (sslContext == null) {
            return versions.toArray(String[]::new);
        }
        List<String> enabled;
        try (SSLSocket probe = (SSLSocket) sslContext.getSocketFactory().createSocket()) {
            enabled = Arrays.asList(probe.getEnabledProtocols());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the TLS versions of the SSL context", e);
        }
        String[] allowed = versions.stream().filter(enabled::contains).toArray(String[]::new);
        if (allowed.length == 0) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: it enables " + enabled
                    + " but the Chimpy PoS API client needs TLSv1.3 or TLSv1.2");
        }
        return allowed;
    }
}
