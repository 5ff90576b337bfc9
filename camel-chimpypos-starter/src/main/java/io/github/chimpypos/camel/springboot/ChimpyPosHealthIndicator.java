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

import java.util.Objects;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import io.github.chimpypos.camel.operability.TokenProviderHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the chimpypos component, read from its token provider with the component's own verdict
 * ({@link TokenProviderHealth}, as its Camel health check and dev console render it): UP while a valid access token is
 * held or being obtained, or an exchange may try again; DOWN while none can be had, with the reason in
 * {@code last.failure.reason} ({@code CREDENTIALS_REJECTED}, {@code AUTH_SERVICE_UNAVAILABLE}, {@code RATE_LIMITED},
 * {@code PROXY_FAILURE}, ...) and a message that says what to do; UP again once the provider recovers.
 *
 * <p>The indicator reads the provider's status only: it never requests a token, so a probe never waits for the token
 * service.
 *
 * <p>Details never contain a secret: the verdict's message and details, the token URL and the client id.
 */
public class ChimpyPosHealthIndicator implements HealthIndicator {

    private final ObservableTokenProvider provider;

    public ChimpyPosHealthIndicator(ObservableTokenProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public Health health() {
        TokenProviderHealth verdict = TokenProviderHealth.of(provider.status());
        return identity(verdict.up() ? Health.up() : Health.down())
                .withDetail("message", verdict.message())
                .withDetails(verdict.details())
                .build();
    }

    /** Which account the verdict is about; a provider the user wrote names no token service. */
    private Health.Builder identity(Health.Builder builder) {
        TokenProviderIdentity identity = provider.identity();
        if (identity.tokenUrl() != null) {
            builder.withDetail("tokenUrl", identity.tokenUrl());
            if (identity.clientId() != null) {
                builder.withDetail("clientId", identity.clientId());
            }
        }
        return builder;
    }
}
