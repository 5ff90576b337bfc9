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
 * What a clustered polling consumer shares through the store, beside the token records: the poll lease of an
 * endpoint (who polls its keys this cycle) or the last-seen state of one polled key ({@code onlyChanges}). Nothing in
 * it is secret (a lease owner, a time, a status and a digest), so engines store it in clear; like a token record it
 * is a value, written only by compare-and-set on its version.
 *
 * @param version   starts at 1 for the first write, one more for every write after it
 * @param lease     the instance that polls the endpoint's keys, or {@code null} (a state record, or a released lease)
 * @param state     the last-seen state of a key, or {@code null} (a lease record); at most {@link #MAX_STATE_LENGTH}
 *                  characters
 * @param updatedAt when this version was written
 */
public record PollRecord(long version, Lease lease, String state, Instant updatedAt) {

    /** The longest state an engine must keep; a consumer's fingerprints are far shorter. */
    public static final int MAX_STATE_LENGTH = 1000;

    public PollRecord {
        if (version <= TokenRecord.ABSENT) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
        if (state != null && state.length() > MAX_STATE_LENGTH) {
            throw new IllegalArgumentException(
                    "state must be at most " + MAX_STATE_LENGTH + " characters, was " + state.length());
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
