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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The contract of stores that keep records outside the JVM: what they hold is unreadable without the key. */
public abstract class EncryptingTokenStoreContract extends TokenStoreContract {

    public static String newEncryptionKey() {
        byte[] key = new byte[TokenCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Another client of the same storage whose key was set to {@code encryptionKey} (possibly {@code null}). */
    protected abstract EncryptingTokenStore clientWithKey(String encryptionKey);

    /** Everything the engine holds for {@link #key}, as the engine's own tools would show it to an operator. */
    protected abstract String rawContents();

    @Test
    void theEngineHoldsNoReadableToken() {
        store().compareAndSet(key, 0, record(1, token("eyJ-readable-access", "readable-refresh"), null, Lockout.NONE));

        assertThat(rawContents())
                .isNotEmpty()
                .doesNotContain("eyJ-readable-access")
                .doesNotContain("readable-refresh");
    }

    @Test
    void aWrongKeyReadsAsNoTokenAndKeepsTheSharedState() {
        Lockout lockout = new Lockout(1, false, T0.plusSeconds(300), "tag");
        Lease lease = new Lease("owner", T0.plusSeconds(65));
        store().compareAndSet(key, 0, record(1, token("a", "r"), lease, lockout));

        TokenRecord seen = clientWithKey(newEncryptionKey()).load(key).orElseThrow();

        assertThat(seen.token()).isNull();
        assertThat(seen.lease()).isEqualTo(lease);
        assertThat(seen.lockout()).isEqualTo(lockout);
        assertThat(seen.version()).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheStoreSaysWhichOptionIsMissing() {
        EncryptingTokenStore keyless = clientWithKey(null);

        assertThatThrownBy(() -> keyless.load(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("encryptionKey is required");
    }
}
