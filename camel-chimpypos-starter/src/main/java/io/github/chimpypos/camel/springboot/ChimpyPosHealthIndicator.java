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

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ManagedTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the chimpypos component, read from its token provider: UP while a valid access token is held; DOWN
 * with the reason ({@code CREDENTIALS_REJECTED}, {@code AUTH_SERVICE_UNAVAILABLE}, {@code RATE_LIMITED}, ...) when
 * none can be obtained; UP again once the provider recovers.
 *
 * <p>When no token is held, the check asks for one, so that wrong credentials show before the first exchange. The
 * provider keeps its failure ladder: during a credentials lockout or a backoff the request fails at once without
 * contacting the token service, and concurrent checks share one token request. A check waits at most
 * {@code probeTimeout} for it and reports OUT_OF_SERVICE meanwhile.
 *
 * <p>Details never contain a secret: state, reason, the provider's secret-free message, instants, counters, token URL
 * and client id.
 */
public class ChimpyPosHealthIndicator implements HealthIndicator {

    static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final ManagedTokenProvider provider;
    private final Duration probeTimeout;
    private CompletableFuture<?> probe;

    public ChimpyPosHealthIndicator(ManagedTokenProvider provider) {
        this(provider, DEFAULT_PROBE_TIMEOUT);
    }

    public ChimpyPosHealthIndicator(ManagedTokenProvider provider, Duration probeTimeout) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
    }

    @Override
    public Health health() {
        TokenProviderStatus status = provider.status();
        if (status.tokenExpiresAt() != null) {
            return details(Health.up(), status).build();
        }
        try {
            currentProbe().get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return details(Health.up(), provider.status()).build();
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (TimeoutException e) {
            return details(Health.outOfService(), provider.status())
                    .withDetail(
                            "message",
                            "No access token yet: the token request is still running after " + probeTimeout.toMillis()
                                    + " ms")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return details(Health.unknown(), provider.status()).build();
        }
    }

    /** The running probe, or a new one: at most one thread per indicator waits for a token. */
    private synchronized CompletableFuture<?> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = CompletableFuture.runAsync(provider::getToken, ChimpyPosHealthIndicator::probeThread);
        }
        return probe;
    }

    private static void probeThread(Runnable task) {
        Thread thread = new Thread(task, "ChimpyPos-HealthProbe");
        thread.setDaemon(true);
        thread.start();
    }

    private Health down(Throwable failure) {
        Health.Builder builder = details(Health.down(), provider.status());
        if (failure instanceof ChimpyPosAuthenticationException authentication) {
            builder.withDetail("reason", authentication.getReason());
            if (authentication.getMessage() != null) {
                builder.withDetail("message", authentication.getMessage());
            }
        } else {
            // Not an authentication failure (e.g. the provider is stopped): its message is not vetted, the class is.
            builder.withDetail("error", failure.getClass().getName());
        }
        return builder.build();
    }

    private Health.Builder details(Health.Builder builder, TokenProviderStatus status) {
        builder.withDetail("state", status.state());
        if (provider instanceof DefaultTokenProvider defaultProvider) {
            builder.withDetail(
                    "tokenUrl", String.valueOf(defaultProvider.getSettings().tokenUrl()));
            if (defaultProvider.getSettings().clientId() != null) {
                builder.withDetail("clientId", defaultProvider.getSettings().clientId());
            }
        }
        if (status.tokenExpiresAt() != null) {
            builder.withDetail("tokenExpiresAt", status.tokenExpiresAt().toString());
        }
        if (status.lastFailureReason() != null && status.state() != TokenProviderState.VALID) {
            builder.withDetail("reason", status.lastFailureReason());
        }
        if (status.nextAttemptNotBefore() != null) {
            builder.withDetail(
                    "nextAttemptNotBefore", status.nextAttemptNotBefore().toString());
        }
        if (status.consecutiveFailures() > 0) {
            builder.withDetail("consecutiveFailures", status.consecutiveFailures());
        }
        if (status.lastSuccessAt() != null) {
            builder.withDetail("lastSuccessAt", status.lastSuccessAt().toString());
        }
        return builder;
    }
}
