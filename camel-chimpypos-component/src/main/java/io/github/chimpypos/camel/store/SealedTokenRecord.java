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
import java.util.Objects;

/**
 * A {@link TokenRecord} as an engine stores it: the token values sealed by {@link TokenCipher}, the rest readable so
 * a DBA or a grid console can see leases, expiry and lockouts. The expiry beside the sealed token is for people only;
 * the component reads the one inside it.
 *
 * @param sealedToken     the sealed token, or {@code null} when the record holds none
 * @param tokenExpiresAt  the token's expiry in clear text, or {@code null}
 */
public record SealedTokenRecord(
        long version, byte[] sealedToken, Instant tokenExpiresAt, Lease lease, Lockout lockout, Instant updatedAt) {

    public SealedTokenRecord {
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static SealedTokenRecord seal(TokenRecord record, TokenCipher cipher, String recordKey) {
        StoredToken token = record.token();
        return new SealedTokenRecord(
                record.version(),
                token == null ? null : cipher.seal(token, recordKey, record.version()),
                token == null ? null : token.expiresAt(),
                record.lease(),
                record.lockout(),
                record.updatedAt());
    }

    TokenRecord open(TokenCipher cipher, String recordKey) {
        StoredToken token = sealedToken == null
                ? null
                : cipher.open(sealedToken, recordKey, version).orElse(null);
        return new TokenRecord(version, token, lease, lockout, updatedAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedTokenRecord that
                && version == that.version
                && java.util.Arrays.equals(sealedToken, that.sealedToken)
                && Objects.equals(tokenExpiresAt, that.tokenExpiresAt)
                && Objects.equals(lease, that.lease)
                && lockout.equals(that.lockout)
                && updatedAt.equals(that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, java.util.Arrays.hashCode(sealedToken), tokenExpiresAt, lease, lockout, updatedAt);
    }

    @Override
    public String toString() {
        return "SealedTokenRecord[version=" + version + ", sealedToken=" + (sealedToken == null ? "none" : "******")
                + ", tokenExpiresAt=" + tokenExpiresAt + ", lease=" + lease + ", lockout=" + lockout + ", updatedAt="
                + updatedAt + "]";
    }
}
