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
 * One credential set's shared token state: a value, never changed in place. Every write goes through
 * {@link TokenStore#compareAndSet} with the version it was derived from, so two writers can never both win.
 *
 * @param version   starts at 1 for the first write, one more for every write after it
 * @param token     the current token, or {@code null} (none yet, or sealed with a key this instance does not have)
 * @param lease     who may make the next token call, or {@code null}
 * @param lockout   the shared count of rejected credentials
 * @param updatedAt when this version was written
 */
public record TokenRecord(long version, StoredToken token, Lease lease, Lockout lockout, Instant updatedAt) {

    /** What {@link TokenStore#compareAndSet} expects when no record exists yet. */
    public static final long ABSENT = 0;

    public TokenRecord {
        if (version <= ABSENT) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isLeasedAt(Instant now) {
        return lease != null && lease.isActiveAt(now);
    }
}
