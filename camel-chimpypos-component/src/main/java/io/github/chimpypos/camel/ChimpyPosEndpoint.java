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
package io.github.chimpypos.camel;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.client.ChimpyPosApiClient;
import io.github.chimpypos.camel.client.ChimpyPosJson;
import io.github.chimpypos.camel.client.HttpClientFactory;
import io.github.chimpypos.camel.client.HttpClientSettings;
import io.github.chimpypos.camel.client.PathTemplate;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** Check, price, rent out, take back and cancel Chimpy powerbank rentals through the Chimpy PoS API. */
@UriEndpoint(
        firstVersion = "4.22.0",
        scheme = "chimpypos",
        title = "Chimpy PoS",
        syntax = "chimpypos:operation",
        producerOnly = true,
        remote = true,
        category = {Category.SAAS, Category.API},
        headersClass = ChimpyPosConstants.class)
public class ChimpyPosEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** The token service needs few connections: token requests are single-flight. */
    private static final int TOKEN_SERVICE_CONNECTIONS = 2;

    @UriPath(description = "The operation to perform; the header CamelChimpyPosOperation overrides it.")
    @Metadata(required = true)
    private ChimpyPosOperation operation;

    @UriParam
    private ChimpyPosConfiguration configuration;

    private TokenProvider tokenProvider;
    private boolean tokenProviderFromRegistry;
    private ChimpyPosApiClient apiClient;
    private Map<ChimpyPosOperation, PathTemplate> pathTemplates = Map.of();

    public ChimpyPosEndpoint(
            String uri,
            ChimpyPosComponent component,
            ChimpyPosOperation operation,
            ChimpyPosConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public ChimpyPosComponent getComponent() {
        return (ChimpyPosComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new ChimpyPosProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The chimpypos component does not support consumers: " + this);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ChimpyPosValidation.validateEndpointConfiguration(configuration);
        Map<ChimpyPosOperation, PathTemplate> templates = new EnumMap<>(ChimpyPosOperation.class);
        for (ChimpyPosOperation each : ChimpyPosOperation.values()) {
            templates.put(each, ChimpyPosValidation.pathTemplate(each, configuration));
        }
        pathTemplates = Collections.unmodifiableMap(templates);

        SSLContext sslContext = configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters().createSSLContext(getCamelContext())
                : null;
        if (configuration.getTokenProvider() != null) {
            tokenProvider = configuration.getTokenProvider();
            tokenProviderFromRegistry = false;
        } else {
            tokenProvider = getComponent().getTokenProviderRegistry().acquire(tokenProviderSettings(sslContext));
            tokenProviderFromRegistry = true;
        }
        try {
            CloseableHttpClient httpClient = configuration.getHttpClient();
            boolean ownHttpClient = httpClient == null;
            if (ownHttpClient) {
                httpClient = HttpClientFactory.create(new HttpClientSettings(
                        sslContext,
                        Duration.ofMillis(configuration.getConnectTimeout()),
                        Duration.ofMillis(configuration.getResponseTimeout()),
                        configuration.getMaxConnections()));
            }
            apiClient = new ChimpyPosApiClient(
                    httpClient,
                    ownHttpClient,
                    configuration.getApiUrl().trim(),
                    tokenProvider,
                    ChimpyPosJson.newMapper(),
                    configuration.getIoErrorReplays());
        } catch (RuntimeException e) {
            releaseTokenProvider();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (apiClient != null) {
            apiClient.close();
            apiClient = null;
        }
        releaseTokenProvider();
        super.doStop();
    }

    private void releaseTokenProvider() {
        if (tokenProviderFromRegistry && tokenProvider != null) {
            getComponent().getTokenProviderRegistry().release(tokenProvider);
        }
        tokenProvider = null;
        tokenProviderFromRegistry = false;
    }

    private TokenProviderSettings tokenProviderSettings(SSLContext sslContext) {
        return TokenProviderSettings.builder()
                .tokenUrl(URI.create(configuration.getTokenUrl().trim()))
                .clientId(configuration.getClientId())
                .audience(configuration.getAudience())
                .username(configuration.getUsername())
                .password(configuration.getPassword())
                .clientSecret(configuration.getClientSecret())
                .scope(configuration.getScope())
                .grantType(configuration.getGrantType())
                .requestFormat(configuration.getTokenRequestFormat())
                .useRefreshToken(configuration.isUseRefreshToken())
                .refreshMargin(Duration.ofMillis(configuration.getRefreshMargin()))
                .credentialsRejectedQuietPeriod(Duration.ofMillis(configuration.getCredentialsRejectedQuietPeriod()))
                .maxRetries(configuration.getTokenMaxRetries())
                .retryInitialBackoff(Duration.ofMillis(configuration.getTokenRetryInitialBackoff()))
                .retryMaxBackoff(Duration.ofMillis(configuration.getTokenRetryMaxBackoff()))
                .maxWait(Duration.ofMillis(configuration.getTokenMaxWait()))
                .maxRetryAfter(Duration.ofMillis(configuration.getTokenMaxRetryAfter()))
                .httpClientSettings(new HttpClientSettings(
                        sslContext,
                        Duration.ofMillis(configuration.getConnectTimeout()),
                        Duration.ofMillis(configuration.getResponseTimeout()),
                        TOKEN_SERVICE_CONNECTIONS))
                .allowInsecureHttp(configuration.isAllowInsecureHttp())
                .clock(getComponent().getClock())
                .build();
    }

    /** The parsed path template of an operation; valid once started. */
    PathTemplate pathTemplate(ChimpyPosOperation forOperation) {
        PathTemplate template = pathTemplates.get(forOperation);
        if (template == null) {
            throw new IllegalStateException("Endpoint not started: " + this);
        }
        return template;
    }

    /** The API client; valid once started. */
    ChimpyPosApiClient getApiClient() {
        if (apiClient == null) {
            throw new IllegalStateException("Endpoint not started: " + this);
        }
        return apiClient;
    }

    /** The token provider in use (shared or the configured bean); null when stopped. */
    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public ChimpyPosOperation getOperation() {
        return operation;
    }

    /** The operation to perform; the header CamelChimpyPosOperation overrides it. */
    public void setOperation(ChimpyPosOperation operation) {
        this.operation = operation;
    }

    public ChimpyPosConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChimpyPosConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getApiUrl();
    }

    @Override
    public String getServiceProtocol() {
        String url = configuration.getApiUrl();
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("http:") ? "http" : "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getClientId() != null ? Map.of("clientId", configuration.getClientId()) : null;
    }
}
