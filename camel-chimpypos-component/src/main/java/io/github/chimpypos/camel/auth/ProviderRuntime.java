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
package io.github.chimpypos.camel.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a started provider runs on: its token endpoint client and its {@link ProviderThread}, created together on start
 * and released together on stop. One immutable value, so that a reader never sees the client of one start with the
 * thread of another. An injected client belongs to whoever injected it and is never closed here.
 */
final class ProviderRuntime {

    /** Under the provider's name, which is what operators configure. */
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    private final TokenEndpointClient client;
    private final boolean ownsClient;
    private final ProviderThread thread;

    ProviderRuntime(TokenEndpointClient client, boolean ownsClient, ProviderThread thread) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.thread = thread;
    }

    /** For a starting provider: the injected client, or (when null) an HTTPS client of its own. */
    static ProviderRuntime start(TokenProviderSettings settings, TokenEndpointClient injected) {
        TokenEndpointClient client = injected != null ? injected : new HttpTokenEndpointClient(settings);
        return new ProviderRuntime(client, injected == null, new ProviderThread(settings.clientId()));
    }

    TokenEndpointClient client() {
        return client;
    }

    /**
     * Under the provider's lock: the renewal timer set for {@code state}, calling {@code onWakeUp} when it is due;
     * cancelled when there is nothing to renew or nothing may be sent until a reset.
     */
    void scheduleWakeUp(TokenLifecycle state, long nowMillis, Runnable onWakeUp) {
        long due = state.wakeUpDueMillis();
        if (due < 0) {
            thread.cancelWakeUp();
        } else if (!thread.wakeUpAt(due, nowMillis, onWakeUp)) {
            LOG.debug("Token provider is stopping: no renewal scheduled");
        }
    }

    /** Under the provider's lock, when it stops: no renewal timer any more. */
    void cancelWakeUp() {
        thread.cancelWakeUp();
    }

    /** Runs {@code task} on the provider's thread; throws {@link RejectedExecutionException} once it is released. */
    void execute(Runnable task) {
        thread.execute(task);
    }

    /**
     * Called outside the provider's lock, after the provider dropped this runtime: ends the thread (interrupting a
     * request in flight), fails the flight it was running ({@code orphan}, may be null), closes an owned client.
     */
    void release(CompletableFuture<AccessToken> orphan) {
        thread.shutdown();
        failStopped(orphan);
        if (ownsClient) {
            client.close();
        }
    }

    /** Fails a flight left behind by a stop, for every caller waiting on it; null: nothing to fail. */
    static void failStopped(CompletableFuture<AccessToken> orphan) {
        if (orphan != null) {
            orphan.completeExceptionally(new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "The token provider was stopped"));
        }
    }
}
