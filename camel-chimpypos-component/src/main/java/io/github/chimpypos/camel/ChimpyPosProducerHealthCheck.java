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

import java.util.Map;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderHealth;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a chimpypos producer: UP while its token provider holds, or can obtain, an access token; DOWN with the
 * reason (credentials rejected, access denied, rate limited, token service unreachable, TLS failure) otherwise. Reads
 * the provider's status and makes at most one token acquisition per call, never past a backoff or a lockout (see
 * {@link TokenProviderHealth#check}). Registered in the {@code producers} repository when camel-health is present;
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
        } else if (provider instanceof ObservableTokenProvider managed) {
            TokenProviderHealth health = TokenProviderHealth.check(managed);
            builder.details(health.details()).message(health.message());
            if (health.up()) {
                builder.up();
            } else {
                builder.down();
            }
        } else {
            checkCustomProvider(builder, provider);
        }
    }

    /** A provider without status: asking it for a token is the only probe (it is expected to cache). */
    private static void checkCustomProvider(HealthCheckResultBuilder builder, TokenProvider provider) {
        try {
            provider.getToken();
            builder.up().message("Access token available from the custom token provider");
        } catch (ChimpyPosAuthenticationException e) {
            builder.down()
                    .message("No access token from the custom token provider: " + e.getMessage())
                    .detail(
                            "last.failure.reason",
                            e.getReason() != null ? e.getReason().name() : null);
        } catch (RuntimeException e) {
            builder.down()
                    .message("No access token: the custom token provider failed ("
                            + e.getClass().getName() + ")");
        }
    }
}
