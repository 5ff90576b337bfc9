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
package io.github.chimpypos.camel.springboot;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.operation.OptionValidation;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The settings of the shared token provider, built from the component's configuration (the properties applied) as an
 * endpoint builds them, so that the provider the starter registers is the one every endpoint with these credentials
 * acquires from the component's registry.
 */
final class ChimpyPosTokenProviderSettings {

    private ChimpyPosTokenProviderSettings() {}

    static TokenProviderSettings from(ChimpyPosComponent component, CamelContext camelContext) {
        ChimpyPosConfiguration configuration = component.getConfiguration();
        if (configuration.getTokenUrl() == null || configuration.getTokenUrl().isBlank()) {
            throw new IllegalArgumentException(
                    "Missing " + ChimpyPosComponentAutoConfiguration.PREFIX + ".token-url (an https:// URL)");
        }
        // the same checks, and option names, as an endpoint URI gets
        OptionValidation.tokenOptions(configuration);
        return configuration.toTokenProviderSettings(sslContext(component, camelContext), component.getClock());
    }

    private static SSLContext sslContext(ChimpyPosComponent component, CamelContext camelContext) {
        SSLContextParameters parameters = component.getConfiguration().getSslContextParameters();
        if (parameters == null && component.isUseGlobalSslContextParameters()) {
            parameters = camelContext.getSSLContextParameters();
        }
        if (parameters == null) {
            return null;
        }
        try {
            return parameters.createSSLContext(camelContext);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "Cannot create the TLS context of " + ChimpyPosComponentAutoConfiguration.PREFIX
                            + ".ssl-context-parameters: " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
