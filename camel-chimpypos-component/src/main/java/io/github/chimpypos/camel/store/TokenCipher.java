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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the token values of a record, with the record key and version as associated data: a sealed value
 * copied to another record or replayed at another version does not open. A value that does not open (wrong key,
 * tampering) reads as "no token", so a key mistake costs one fresh grant, never an error loop.
 *
 * <p>
 * Sealed layout: format byte, 4-byte key id, 12-byte nonce, ciphertext with the 16-byte tag. The key id lets a store
 * hold previous keys during a rotation and try only the one that sealed a value.
 */
public final class TokenCipher {

    public static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Key> keys;

    private TokenCipher(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    static TokenCipher of(byte[] key) {
        return new TokenCipher(List.of(new Key(key)));
    }

    /**
     * The cipher for a base64 key and, during a rotation, previous keys that still open older values.
     *
     * @param option   the option name, for the error message
     * @param current  base64 of 32 random bytes
     * @param previous comma-separated base64 keys, or {@code null}
     * @throws IllegalArgumentException naming {@code option} (never the key) when a key is not base64 of 32 bytes
     */
    public static TokenCipher parse(String option, String current, String previous) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(decode(option, current)));
        if (previous != null && !previous.isBlank()) {
            for (String each : previous.split(",")) {
                keys.add(new Key(decode("previousEncryptionKeys", each.trim())));
            }
        }
        return new TokenCipher(keys);
    }

    private static byte[] decode(String option, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(option + " is required: the base64 encoding of " + KEY_BYTES
                    + " random bytes (AES-256), for example from `openssl rand -base64 32`");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    option + " must be base64 (of " + KEY_BYTES + " random bytes); it is not");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(option + " must be the base64 encoding of " + KEY_BYTES
                    + " bytes (AES-256); it decodes to " + key.length + " bytes");
        }
        return key;
    }

    /** Seals the token with the current key, bound to {@code recordKey} and {@code version}. */
    public byte[] seal(StoredToken token, String recordKey, long version) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.aes, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(recordKey, version));
            byte[] sealed = cipher.doFinal(plaintext(token));
            return ByteBuffer.allocate(1 + KEY_ID_BYTES + NONCE_BYTES + sealed.length)
                    .put(FORMAT)
                    .put(key.id)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** The token sealed in {@code sealed}, or empty when no key of this cipher opens it for this key and version. */
    public Optional<StoredToken> open(byte[] sealed, String recordKey, long version) {
        if (sealed == null || sealed.length < 1 + KEY_ID_BYTES + NONCE_BYTES || sealed[0] != FORMAT) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOfRange(sealed, 1, 1 + KEY_ID_BYTES);
        for (Key key : keys) {
            if (Arrays.equals(key.id, id)) {
                return open(key, sealed, recordKey, version);
            }
        }
        return Optional.empty();
    }

    private static Optional<StoredToken> open(Key key, byte[] sealed, String recordKey, long version) {
        int offset = 1 + KEY_ID_BYTES;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.aes, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            cipher.updateAAD(associatedData(recordKey, version));
            byte[] plain = cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
            return Optional.of(token(plain));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // a tampered or foreign value: "no token", and the next grant replaces it
            return Optional.empty();
        }
    }

    /** An HMAC-SHA256 of {@code secrets} under a key derived from the current key: comparable, not reversible. */
    public String tag(String secrets) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(0).tagKey);
            return HexFormat.of().formatHex(mac.doFinal(secrets.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] associatedData(String recordKey, long version) {
        byte[] key = recordKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(key.length + 1 + Long.BYTES)
                .put(key)
                .put((byte) 0)
                .putLong(version)
                .array();
    }

    private static byte[] plaintext(StoredToken token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, token.accessToken());
            writeString(out, token.refreshToken());
            out.writeLong(token.obtainedAt().toEpochMilli());
            out.writeLong(token.expiresAt().toEpochMilli());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    private static StoredToken token(byte[] plain) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            String access = readString(in);
            String refresh = readString(in);
            Instant obtainedAt = Instant.ofEpochMilli(in.readLong());
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            return new StoredToken(access, obtainedAt, expiresAt, refresh);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, keys=" + keys.size() + "]";
    }

    private static final class Key {
        final SecretKeySpec aes;
        final SecretKeySpec tagKey;
        final byte[] id;

        Key(byte[] key) {
            this.aes = new SecretKeySpec(key, "AES");
            byte[] derived = derive(key, "chimpypos-credentials-tag");
            this.tagKey = new SecretKeySpec(derived, "HmacSHA256");
            this.id = Arrays.copyOf(derive(key, "chimpypos-key-id"), KEY_ID_BYTES);
        }

        private static byte[] derive(byte[] key, String purpose) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
