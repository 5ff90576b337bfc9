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

/**
 * The base of every store that keeps records outside this JVM: tokens are sealed with AES-256-GCM before the engine
 * sees them, with a key that lives in configuration only (a secret option, the environment, a vault), never in the
 * store. An engine implements two methods on {@link SealedTokenRecord}s.
 *
 * <p>
 * Poll records ({@link #loadPollRecord}, {@link #compareAndSetPollRecord}) pass through unsealed: they hold a lease
 * owner, times and a last-seen status, nothing secret, and an operator may want to read who polls. An engine that
 * serves clustered polling overrides both methods.
 */
public abstract class EncryptingTokenStore implements TokenStore {

    private volatile String encryptionKey;
    private volatile String previousEncryptionKeys;
    private volatile TokenCipher cipher;

    /**
     * The key that seals tokens: the base64 encoding of 32 random bytes ({@code openssl rand -base64 32}). Every
     * instance sharing the store needs the same key; an instance with another key reads "no token" and makes one
     * fresh grant.
     */
    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
        this.cipher = null;
    }

    /**
     * During a key rotation: the keys used before, comma-separated, so values they sealed still open until the next
     * write seals them with the new key.
     */
    public void setPreviousEncryptionKeys(String previousEncryptionKeys) {
        this.previousEncryptionKeys = previousEncryptionKeys;
        this.cipher = null;
    }

    /** Fails fast, naming the option, when the key is missing or malformed. */
    protected final TokenCipher cipher() {
        TokenCipher current = cipher;
        if (current == null) {
            current = TokenCipher.parse("encryptionKey", encryptionKey, previousEncryptionKeys);
            cipher = current;
        }
        return current;
    }

    @Override
    public final Optional<TokenRecord> load(String key) {
        TokenCipher keys = cipher();
        return loadSealed(key).map(stored -> stored.open(keys, key));
    }

    @Override
    public final boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
        TokenStores.requireNextVersion(expectedVersion, next);
        return compareAndSetSealed(key, expectedVersion, SealedTokenRecord.seal(next, cipher(), key));
    }

    @Override
    public final String credentialsTag(String secrets) {
        return cipher().tag(secrets);
    }

    /** The stored record, or empty. */
    protected abstract Optional<SealedTokenRecord> loadSealed(String key);

    /** {@link TokenStore#compareAndSet} on the sealed form; {@code next.version()} is already checked. */
    protected abstract boolean compareAndSetSealed(String key, long expectedVersion, SealedTokenRecord next);
}
