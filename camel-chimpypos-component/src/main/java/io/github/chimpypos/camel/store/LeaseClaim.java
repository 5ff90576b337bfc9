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
package io.github.chimpypos.camel.store;

import java.time.Instant;

/** What {@link TokenStoreSession#claim} found: exactly one instance of the cluster gets {@link Held}. */
public sealed interface LeaseClaim {

    /**
     * This instance holds the lease and may make one token call once {@link TokenStoreSession#canSend} says so.
     *
     * @param lease        the lease written by the claim
     * @param version      the record version the claim wrote; commit and release compare-and-set on it
     * @param refreshToken the refresh token taken out of the store by the claim, or {@code null}: make a password
     *                     grant. Nobody else can read it from now on, so it is sent at most once in the cluster.
     */
    record Held(Lease lease, long version, String refreshToken) implements LeaseClaim {

        @Override
        public String toString() {
            return "Held[lease=" + lease + ", version=" + version + ", grant="
                    + (refreshToken == null ? "password" : "refresh_token") + "]";
        }
    }

    /** The store already holds a token the caller can use: someone else renewed. */
    record Adopt(TokenRecord record) implements LeaseClaim {}

    /** Another instance holds the lease: keep the token at hand and look again when its lease ends. */
    record Busy(Lease lease) implements LeaseClaim {}

    /**
     * The credentials were rejected: no attempt before {@code nextAttemptAt}, or none at all when {@code locked}
     * until an operator reset (or other credentials).
     */
    record Blocked(boolean locked, Instant nextAttemptAt, int consecutiveRejections) implements LeaseClaim {}
}
