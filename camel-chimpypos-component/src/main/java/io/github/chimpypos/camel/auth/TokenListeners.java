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

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one fan-out to {@link TokenProviderListener}s: a failing listener is logged and never stops the others. */
final class TokenListeners {

    private static final Logger LOG = LoggerFactory.getLogger(TokenListeners.class);

    private final List<TokenProviderListener> listeners = new CopyOnWriteArrayList<>();

    void add(TokenProviderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(TokenProviderListener listener) {
        listeners.remove(listener);
    }

    void tokenArrived(boolean renewed, String grantType, Instant expiresAt) {
        fire(listener -> {
            if (renewed) {
                listener.onTokenRenewed(grantType, expiresAt);
            } else {
                listener.onTokenObtained(grantType, expiresAt);
            }
        });
    }

    void failed(ChimpyPosAuthenticationException failure) {
        fire(listener -> listener.onTokenFailure(failure.getReason(), failure));
    }

    private void fire(Consumer<TokenProviderListener> event) {
        for (TokenProviderListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Token listener {} failed: {}",
                        listener.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }
}
