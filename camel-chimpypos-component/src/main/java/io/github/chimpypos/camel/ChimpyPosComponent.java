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

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.auth.TokenProviderRegistry;
import io.github.chimpypos.camel.client.BearerAuthConfigurer;
import io.github.chimpypos.camel.client.ChimpyPosJson;
import io.github.chimpypos.camel.operability.JmxRegistration;
import io.github.chimpypos.camel.operability.TokenEventNotifierBridge;
import io.github.chimpypos.camel.operation.OptionValidation;
import io.github.chimpypos.camel.transport.HttpClientRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The chimpypos component: holds the default options of its endpoints and the registry that shares one token
 * provider among all endpoints with the same credentials.
 */
@Component("chimpypos")
public class ChimpyPosComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(label = "advanced", description = "The component-level defaults of every endpoint option.")
    private ChimpyPosConfiguration configuration = new ChimpyPosConfiguration();

    @Metadata(
            label = "security",
            defaultValue = "false",
            description = "Enable usage of global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(
            label = "advanced",
            description = "The clock the token lifecycle uses to judge expiry; replace it in tests only. The system"
                    + " UTC clock by default.")
    private Clock clock = Clock.systemUTC();

    @Metadata(
            label = "advanced",
            description = "Told when a shared token provider obtains or renews an access token or fails to (no"
                    + " secrets passed), e.g. for metrics or alerts. Camel event notifiers receive the same as"
                    + " ChimpyPosTokenEvent.")
    private TokenProviderListener tokenListener;

    private final TokenProviderRegistry tokenProviderRegistry = new TokenProviderRegistry();
    /** The provider of {@link #bearerAuthConfigurer()}, acquired on its first request; the registry stops it. */
    private TokenProvider bridgeTokenProvider;

    private final HttpClientRegistry httpClientRegistry = new HttpClientRegistry();
    /** Thread-safe once configured: one for every endpoint. */
    private final ObjectMapper objectMapper = ChimpyPosJson.newMapper();

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // JMX, the token listener and Camel events follow each shared provider from its start to its stop
        tokenProviderRegistry.addObserver(new JmxRegistration(this));
        tokenProviderRegistry.addObserver(new TokenEventNotifierBridge(this));
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ChimpyPosOperation operation = ChimpyPosOperation.fromName(remaining, "the endpoint URI");
        OptionValidation.rawUriOptions(parameters);

        ChimpyPosConfiguration endpointConfiguration = configuration.copy();
        ChimpyPosEndpoint endpoint = new ChimpyPosEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        OptionValidation.endpoint(endpointConfiguration);
        return endpoint;
    }

    /**
     * A camel-http {@code HttpClientConfigurer} bound to this component's shared token provider (the component-level
     * credentials, or its tokenProvider bean): a plain camel-http endpoint configured with it sends the same token the
     * chimpypos endpoints use, renewed by the same single flight, e.g.
     * {@code https://pos-api.example/api/v3/reports?httpClientConfigurer=#chimpyAuth} with this bound as
     * {@code chimpyAuth}. The provider is acquired on the first request and released when the component stops.
     */
    public HttpClientConfigurer bearerAuthConfigurer() {
        return new BearerAuthConfigurer(this::bridgeTokenProvider);
    }

    private synchronized TokenProvider bridgeTokenProvider() {
        if (bridgeTokenProvider == null) {
            if (configuration.getTokenProvider() != null) {
                bridgeTokenProvider = tokenProviderRegistry.acquire(configuration.getTokenProvider());
            } else {
                OptionValidation.tokenOptions(configuration);
                bridgeTokenProvider =
                        tokenProviderRegistry.acquire(configuration.toTokenProviderSettings(bridgeSslContext(), clock));
            }
        }
        return bridgeTokenProvider;
    }

    private SSLContext bridgeSslContext() {
        SSLContextParameters parameters = configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters()
                : retrieveGlobalSslContextParameters();
        if (parameters == null) {
            return null;
        }
        try {
            return parameters.createSSLContext(getCamelContext());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "Cannot create the TLS context of the component's sslContextParameters: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            bridgeTokenProvider = null;
        }
        tokenProviderRegistry.close();
        httpClientRegistry.close();
        super.doStop();
    }

    /** The SSL contexts and API HTTP clients shared by this component's endpoints with equal settings. */
    HttpClientRegistry getHttpClientRegistry() {
        return httpClientRegistry;
    }

    /** The JSON mapper of every endpoint. */
    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /** The providers shared by this component's endpoints, one per credential set. */
    public TokenProviderRegistry getTokenProviderRegistry() {
        return tokenProviderRegistry;
    }

    public ChimpyPosConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level defaults of every endpoint option. */
    public void setConfiguration(ChimpyPosConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Enable usage of global SSL context parameters. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public TokenProviderListener getTokenListener() {
        return tokenListener;
    }

    /** Told when a shared token provider obtains or renews an access token or fails to. */
    public void setTokenListener(TokenProviderListener tokenListener) {
        this.tokenListener = tokenListener;
    }

    public Clock getClock() {
        return clock;
    }

    /** The clock the token lifecycle uses to judge expiry; replace it in tests only. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
