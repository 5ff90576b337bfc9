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

import java.util.Optional;
import java.util.UUID;

/**
 * Where the token state of a credential set is shared: across restarts of one instance, or between the instances of a
 * cluster. An engine only loads and compare-and-sets whole {@link TokenRecord}s; every rule (lease, rotation, lockout)
 * is written once, in {@link TokenStoreSession}, on top of these two operations.
 *
 * <p>
 * Implementations are thread-safe. Both operations throw {@link TokenStoreException} when the engine cannot be
 * reached; callers then work without the store, never fail an exchange because of it. The provider logs the message of
 * such a failure once (at WARN): it must name what failed, never a secret (no connection password, no token).
 */
public interface TokenStore {

    /** The record stored under {@code key}, if any. */
    Optional<TokenRecord> load(String key);

    /**
     * Writes {@code next} under {@code key} only if the stored version is still {@code expectedVersion}
     * ({@link TokenRecord#ABSENT}: only if no record exists). {@code next.version()} is {@code expectedVersion + 1}.
     *
     * @return whether this write won; on {@code false} nothing was written
     */
    boolean compareAndSet(String key, long expectedVersion, TokenRecord next);

    /**
     * An HMAC of the credentials' secrets with a key of this store, so a rejection can be tied to the credentials that
     * were rejected without storing anything that reveals them.
     */
    String credentialsTag(String secrets);

    /**
     * The poll record under {@code key}, if any: a clustered polling consumer's lease or last-seen state (see
     * {@link PollRecord}). Stores that cannot keep them throw {@link UnsupportedOperationException}, which the consumer
     * reports at its first poll.
     */
    default Optional<PollRecord> loadPollRecord(String key) {
        throw pollRecordsUnsupported();
    }

    /**
     * Writes {@code next} under {@code key} only if the stored poll record's version is still {@code expectedVersion}
     * ({@link TokenRecord#ABSENT}: only if none exists), as {@link #compareAndSet} does for token records. Poll records
     * live apart from token records: the same key may name one of each.
     *
     * @return whether this write won; on {@code false} nothing was written
     */
    default boolean compareAndSetPollRecord(String key, long expectedVersion, PollRecord next) {
        throw pollRecordsUnsupported();
    }

    private UnsupportedOperationException pollRecordsUnsupported() {
        return new UnsupportedOperationException(getClass().getName()
                + " keeps no poll records, which clusteredPolling needs: use InMemoryTokenStore, JdbcTokenStore or"
                + " HazelcastTokenStore, or implement loadPollRecord and compareAndSetPollRecord");
    }

    /** A lease owner name never handed out before. Engines that can tell a lost member add what identifies it. */
    default String newLeaseOwner() {
        return UUID.randomUUID().toString();
    }
}
