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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The right to make the next token call for a credential set, held by one instance until a point in time.
 *
 * @param owner who holds it: unique per claim, so a holder that lost its lease and claimed again is a new owner
 * @param until the end of the lease; after it anyone may claim
 */
public record Lease(String owner, Instant until) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(until);
    }

    /** Whether more than {@code callTimeout} is left: a call that outlives its lease could race the next holder. */
    public boolean leavesTimeFor(Duration callTimeout, Instant now) {
        return Duration.between(now, until).compareTo(callTimeout) > 0;
    }
}
