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
package io.github.chimpypos.camel.operability;

import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProvider;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a chimpypos producer, as {@link TokenProviderHealth} judges its token provider's status: UP while an
 * exchange can get an access token, DOWN with the reason (credentials rejected, access denied, rate limited, token
 * service unreachable, TLS failure) while it cannot. Reads status only: it never requests a token, so it never blocks. Registered in the {@code producers} repository when camel-health is present;
 * {@code healthCheckProducerEnabled} of the component switches it on or off.
 */
public class ChimpyPosProducerHealthCheck extends AbstractHealthCheck {

    private final ChimpyPosEndpoint endpoint;

    public ChimpyPosProducerHealthCheck(ChimpyPosEndpoint endpoint) {
        super("camel", "producer:chimpypos-" + endpoint.getOperation() + "-" + endpoint.getId());
        this.endpoint = endpoint;
        setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
    }

    @Override
    public boolean isLiveness() {
        // A missing token is an outside failure: restarting the application would not fix it.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(HealthCheck.ENDPOINT_URI, URISupport.sanitizeUri(endpoint.getEndpointUri()));
        TokenProvider provider = endpoint.getTokenProvider();
        if (provider == null) {
            builder.down().message("The endpoint is not started");
        } else if (provider instanceof ObservableTokenProvider observable) {
            TokenProviderHealth health = TokenProviderHealth.of(observable.status());
            builder.details(health.details()).message(health.message());
            if (health.up()) {
                builder.up();
            } else {
                builder.down();
            }
        } else {
            // asking it for a token could block the probe for as long as the provider likes
            builder.unknown()
                    .message("The custom token provider " + provider.getClass().getName()
                            + " shows no status; implement ObservableTokenProvider to have it checked");
        }
    }
}
