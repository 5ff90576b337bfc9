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

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.client.ChimpyPosApiClient;
import io.github.chimpypos.camel.operation.OperationRunner;
import io.github.chimpypos.camel.operation.OptionValidation;
import io.github.chimpypos.camel.transport.HttpClientRegistry;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Check, price, rent out, take back and cancel Chimpy powerbank rentals through the Chimpy PoS API, and poll
 * stations, batteries and coupons for changes.
 */
@UriEndpoint(
        firstVersion = "4.22.0",
        scheme = "chimpypos",
        title = "Chimpy PoS",
        syntax = "chimpypos:operation",
        remote = true,
        category = {Category.SAAS, Category.API},
        headersClass = ChimpyPosConstants.class)
public class ChimpyPosEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** A poll per minute: the scheduled-poll default of 500 ms is far too often for an API. */
    private static final long DEFAULT_POLL_DELAY = 60_000;

    @UriPath(description = "The operation to perform; the header CamelChimpyPosOperation overrides it.")
    @Metadata(required = true)
    private ChimpyPosOperation operation;

    @UriParam
    private ChimpyPosConfiguration configuration;

    // declared again (the Camel convention for another default) so that the catalog shows a minute; the value in
    // use lives in ScheduledPollEndpoint, which setDelay keeps in step
    @UriParam(
            label = "consumer,scheduler",
            defaultValue = "" + DEFAULT_POLL_DELAY,
            javaType = "java.time.Duration",
            description = "Milliseconds before the next poll.")
    private long delay = DEFAULT_POLL_DELAY;

    private TokenProvider tokenProvider;
    private ChimpyPosApiClient apiClient;
    /** Acquired from the component's registry, released on stop; null when none or injected. */
    private SSLContextParameters sharedSslContextParameters;

    private CloseableHttpClient sharedHttpClient;
    /** Null when stopped: a restart reads the options again. */
    private OperationRunner operationRunner;

    public ChimpyPosEndpoint(
            String uri,
            ChimpyPosComponent component,
            ChimpyPosOperation operation,
            ChimpyPosConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY);
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
    public Consumer createConsumer(Processor processor) throws Exception {
        ChimpyPosConsumer consumer = new ChimpyPosConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionValidation.endpoint(configuration);

        HttpClientRegistry shared = getComponent().getHttpClientRegistry();
        SSLContext sslContext = null;
        if (configuration.getSslContextParameters() != null) {
            sslContext = shared.acquireSslContext(configuration.getSslContextParameters(), getCamelContext());
            sharedSslContextParameters = configuration.getSslContextParameters();
        }
        try {
            if (configuration.getTokenProvider() != null) {
                tokenProvider = getComponent().getTokenProviderRegistry().acquire(configuration.getTokenProvider());
            } else {
                tokenProvider = getComponent()
                        .getTokenProviderRegistry()
                        .acquire(configuration.toTokenProviderSettings(
                                sslContext, getComponent().getClock()));
            }
            CloseableHttpClient httpClient = configuration.getHttpClient();
            if (httpClient == null) {
                httpClient = shared.acquire(new HttpClientSettings(
                        sslContext,
                        Duration.ofMillis(configuration.getConnectTimeout()),
                        Duration.ofMillis(configuration.getResponseTimeout()),
                        configuration.getMaxConnections(),
                        configuration.toProxySettings(),
                        configuration.getHttpClientConfigurer()));
                sharedHttpClient = httpClient;
            }
            // the client is the user's (injected) or the registry's (shared): the API client never closes it
            apiClient = new ChimpyPosApiClient(
                    httpClient,
                    false,
                    configuration.getApiUrl().trim(),
                    tokenProvider,
                    getComponent().getObjectMapper(),
                    configuration.getIoErrorReplays());
            operationRunner = new OperationRunner(operation, configuration, apiClient);
        } catch (RuntimeException e) {
            releaseShared();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        operationRunner = null;
        if (apiClient != null) {
            apiClient.close();
            apiClient = null;
        }
        releaseShared();
        super.doStop();
    }

    private void releaseShared() {
        releaseTokenProvider();
        HttpClientRegistry shared = getComponent().getHttpClientRegistry();
        if (sharedHttpClient != null) {
            shared.release(sharedHttpClient);
            sharedHttpClient = null;
        }
        if (sharedSslContextParameters != null) {
            shared.releaseSslContext(sharedSslContextParameters);
            sharedSslContextParameters = null;
        }
    }

    private void releaseTokenProvider() {
        if (tokenProvider != null) {
            getComponent().getTokenProviderRegistry().release(tokenProvider);
        }
        tokenProvider = null;
    }

    /** Runs the operations of this endpoint's exchanges; valid once started. */
    OperationRunner operationRunner() {
        if (operationRunner == null) {
            throw new IllegalStateException("Endpoint not started: " + this);
        }
        return operationRunner;
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

    /** Milliseconds before the next poll; a minute by default. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
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
