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

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCipherTest {

    private static final String KEY = "chimpypos-v1-abc";
    private static final StoredToken TOKEN = new StoredToken(
            "eyJ.access.token",
            Instant.parse("2030-01-01T00:00:00Z"),
            Instant.parse("2030-01-01T01:00:00Z"),
            "refresh-token-value");

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String key = newKey();
    private final TokenCipher cipher = TokenCipher.parse("encryptionKey", key, null);

    @Test
    void opensWhatItSealedAndTheSealedBytesHoldNoTokenText() {
        byte[] sealed = cipher.seal(TOKEN, KEY, 7);

        assertThat(cipher.open(sealed, KEY, 7)).contains(TOKEN);
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("access").doesNotContain("refresh");
    }

    @Test
    void aTokenWithoutRefreshTokenRoundTrips() {
        StoredToken accessOnly = TOKEN.withoutRefreshToken();

        assertThat(cipher.open(cipher.seal(accessOnly, KEY, 1), KEY, 1)).contains(accessOnly);
    }

    @Test
    void aValueMovedToAnotherRecordOrVersionDoesNotOpen() {
        byte[] sealed = cipher.seal(TOKEN, KEY, 7);

        assertThat(cipher.open(sealed, KEY, 8))
                .as("replayed at another version")
                .isEmpty();
        assertThat(cipher.open(sealed, KEY + "x", 7))
                .as("copied to another record")
                .isEmpty();
    }

    @Test
    void aWrongKeyOrATamperedValueReadsAsNoToken() {
        byte[] sealed = cipher.seal(TOKEN, KEY, 7);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(TokenCipher.parse("encryptionKey", newKey(), null).open(sealed, KEY, 7))
                .isEmpty();
        assertThat(cipher.open(tampered, KEY, 7)).isEmpty();
        assertThat(cipher.open(new byte[3], KEY, 7)).isEmpty();
    }

    @Test
    void previousKeysOpenOlderValuesAndNewValuesUseTheCurrentKey() {
        byte[] old = cipher.seal(TOKEN, KEY, 3);
        TokenCipher rotated = TokenCipher.parse("encryptionKey", newKey(), key);

        assertThat(rotated.open(old, KEY, 3)).contains(TOKEN);
        assertThat(cipher.open(rotated.seal(TOKEN, KEY, 4), KEY, 4))
                .as("sealed with the new key")
                .isEmpty();
    }

    @Test
    void credentialTagsAreStablePerSecretAndRevealNothing() {
        assertThat(cipher.tag("pw")).isEqualTo(cipher.tag("pw")).isNotEqualTo(cipher.tag("pw2"));
        assertThat(cipher.tag("pw")).doesNotContain("pw").hasSize(64);
        assertThat(TokenCipher.parse("encryptionKey", newKey(), null).tag("pw")).isNotEqualTo(cipher.tag("pw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "c2hvcnQ="})
    void aBadKeyIsRefusedNamingTheOptionNeverTheValue(String bad) {
        assertThatThrownBy(() -> TokenCipher.parse("encryptionKey", bad, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("encryptionKey ")
                .hasMessageContaining("32")
                .satisfies(e -> {
                    if (!bad.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(bad);
                    }
                });
    }

    @Test
    void toStringsShowNoSecret() {
        assertThat(TOKEN.toString()).doesNotContain("access.token").doesNotContain("refresh-token-value");
        assertThat(new LeaseClaim.Held(new Lease("o", Instant.EPOCH), 1, "refresh-token-value").toString())
                .doesNotContain("refresh-token-value");
        assertThat(cipher.toString()).doesNotContain(key);
    }
}
