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

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chimpypos.camel.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the token store answers, as one instance sees it: one log line when it stops answering and one when it
 * answers again, never one per attempt, and the state operators see ({@link TokenStoreState}).
 */
final class TokenStoreLink {

    private static final Logger LOG = LoggerFactory.getLogger(TokenStoreLink.class);

    private final String storeName;
    private final AtomicBoolean degraded = new AtomicBoolean();

    TokenStoreLink(TokenStore store) {
        this.storeName = store.getClass().getSimpleName();
    }

    /** The store failed; {@code failure} is anything it threw (its message never holds a token). */
    void failed(RuntimeException failure) {
        if (degraded.compareAndSet(false, true)) {
            LOG.warn(
                    "The token store {} does not answer ({}: {}): this instance works with its own access token until"
                            + " it answers again; exchanges go on",
                    storeName,
                    failure.getClass().getSimpleName(),
                    failure.getMessage());
        }
    }

    void answered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.info("The token store {} answers again: the token is shared through it from now on", storeName);
        }
    }

    boolean isDegraded() {
        return degraded.get();
    }

    TokenStoreState state() {
        return isDegraded() ? TokenStoreState.DEGRADED : TokenStoreState.IN_USE;
    }
}
