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

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: the records live in this JVM only, so they survive a route reload but not a restart, and are
 * shared only by the endpoints of this JVM. Nothing leaves the process, so nothing is encrypted.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<String, TokenRecord> records = new ConcurrentHashMap<>();
    private final Map<String, PollRecord> pollRecords = new ConcurrentHashMap<>();
    private final TokenCipher tagKey;

    public InMemoryTokenStore() {
        byte[] key = new byte[TokenCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        this.tagKey = TokenCipher.of(key);
    }

    @Override
    public Optional<TokenRecord> load(String key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
        TokenStores.requireNextVersion(expectedVersion, next);
        boolean[] won = {false};
        records.compute(key, (k, current) -> {
            long stored = current == null ? TokenRecord.ABSENT : current.version();
            won[0] = stored == expectedVersion;
            return won[0] ? next : current;
        });
        return won[0];
    }

    @Override
    public Optional<PollRecord> loadPollRecord(String key) {
        return Optional.ofNullable(pollRecords.get(key));
    }

    @Override
    public boolean compareAndSetPollRecord(String key, long expectedVersion, PollRecord next) {
        TokenStores.requireNextVersion(expectedVersion, next);
        boolean[] won = {false};
        pollRecords.compute(key, (k, current) -> {
            long stored = current == null ? TokenRecord.ABSENT : current.version();
            won[0] = stored == expectedVersion;
            return won[0] ? next : current;
        });
        return won[0];
    }

    @Override
    public String credentialsTag(String secrets) {
        return tagKey.tag(secrets);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[records=" + records.size() + "]";
    }
}
