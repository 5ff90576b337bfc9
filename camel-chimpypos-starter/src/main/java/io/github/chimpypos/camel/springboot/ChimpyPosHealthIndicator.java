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

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderHealth;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the chimpypos component, read from its token provider with the component's own verdict
 * ({@link TokenProviderHealth}, as its Camel health check and dev console render it): UP while a valid access token is
 * held or being obtained; DOWN when none can be had, with the reason in {@code last.failure.reason}
 * ({@code CREDENTIALS_REJECTED}, {@code AUTH_SERVICE_UNAVAILABLE}, {@code RATE_LIMITED}, ...) and a message that
 * says what to do; UP again once the provider recovers.
 *
 * <p>When no token is held and the provider may try, the check asks for one, so that wrong credentials show before
 * the first exchange; it never bypasses a backoff or a credentials lockout. A check waits at most
 * {@code probeTimeout} for that request (which goes on in the background) and then reports the provider as it is.
 *
 * <p>Details never contain a secret: the verdict's message and details, the token URL and the client id.
 */
public class ChimpyPosHealthIndicator implements HealthIndicator {

    static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final ObservableTokenProvider provider;
    private final Duration probeTimeout;
    private CompletableFuture<TokenProviderHealth> probe;

    public ChimpyPosHealthIndicator(ObservableTokenProvider provider) {
        this(provider, DEFAULT_PROBE_TIMEOUT);
    }

    public ChimpyPosHealthIndicator(ObservableTokenProvider provider, Duration probeTimeout) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
    }

    @Override
    public Health health() {
        TokenProviderStatus status = provider.status();
        TokenProviderHealth verdict;
        try {
            verdict = status.tokenExpiresAt() != null
                    ? TokenProviderHealth.of(status) // the usual case: nothing to wait for, no thread needed
                    : currentProbe().get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            verdict = TokenProviderHealth.of(provider.status());
        } catch (ExecutionException e) {
            // not an authentication failure (those are in the verdict): the class says enough, its message is unvetted
            return identity(Health.down())
                    .withDetail("error", e.getCause().getClass().getName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            verdict = TokenProviderHealth.of(provider.status());
        }
        return identity(verdict.up() ? Health.up() : Health.down())
                .withDetail("message", verdict.message())
                .withDetails(verdict.details())
                .build();
    }

    /** The running probe, or a new one: at most one thread per indicator waits for a token. */
    private synchronized CompletableFuture<TokenProviderHealth> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = CompletableFuture.supplyAsync(
                    () -> TokenProviderHealth.check(provider), ChimpyPosHealthIndicator::probeThread);
        }
        return probe;
    }

    private static void probeThread(Runnable task) {
        Thread thread = new Thread(task, "ChimpyPos-HealthProbe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Which account the verdict is about. */
    private Health.Builder identity(Health.Builder builder) {
        if (provider instanceof DefaultTokenProvider defaultProvider) {
            builder.withDetail(
                    "tokenUrl", String.valueOf(defaultProvider.getSettings().tokenUrl()));
            if (defaultProvider.getSettings().clientId() != null) {
                builder.withDetail("clientId", defaultProvider.getSettings().clientId());
            }
        }
        return builder;
    }
}
