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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks and names shared by every engine. */
public final class TokenStores {

    private TokenStores() {}

    /**
     * The record key of a credential set: a hash of what identifies it (never the password), so the store can be
     * read by a DBA without learning user names.
     */
    public static String recordKey(
            String tokenUrl, String clientId, String audience, String username, String grantType) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {tokenUrl, clientId, audience, username, grantType}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "chimpypos-v1-" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The key of a clustered polling consumer's lease: a hash of what identifies the polling endpoint on every
     * instance (never a secret), under a prefix of its own.
     */
    public static String pollLeaseKey(String endpointIdentity) {
        return "chimpypos-poll-v1-" + sha256(endpointIdentity);
    }

    /** The key of the last-seen state of one polled key of the endpoint whose lease key is {@code leaseKey}. */
    public static String pollStateKey(String leaseKey, String stateKey) {
        return "chimpypos-poll-state-v1-" + sha256(leaseKey + '\0' + stateKey);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Every engine refuses a write that skips or repeats a version: that would break the CAS argument. */
    public static void requireNextVersion(long expectedVersion, TokenRecord next) {
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "next.version must be expectedVersion + 1 (" + (expectedVersion + 1) + "), was " + next.version());
        }
    }

    /** As {@link #requireNextVersion(long, TokenRecord)}, for poll records. */
    public static void requireNextVersion(long expectedVersion, PollRecord next) {
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "next.version must be expectedVersion + 1 (" + (expectedVersion + 1) + "), was " + next.version());
        }
    }
}
