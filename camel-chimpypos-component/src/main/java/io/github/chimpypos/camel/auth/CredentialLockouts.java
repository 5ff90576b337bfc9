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
package io.github.chimpypos.camel.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rejected credentials remembered per credential set for the life of the JVM, so that a route reload, a removed and
 * re-added endpoint or a second Camel context starts where the last provider stopped instead of trying again at once.
 * Keyed by {@link TokenProviderSettings#credentialsFingerprint()}: changed credentials start clean, and no secret is
 * held here.
 */
class CredentialLockouts {

    /** The JVM-wide memory every provider uses unless a test gives it its own. */
    static final CredentialLockouts JVM = new CredentialLockouts();

    /**
     * @param rejections     consecutive rejected attempts
     * @param lastRejectedAt when the last one was rejected
     * @param untilReset     no automatic attempt until a reset, whatever the count
     * @param failure        the last rejection, for the message (never holds a secret)
     */
    record Lockout(int rejections, Instant lastRejectedAt, boolean untilReset, TokenEndpointException failure) {}

    private final Map<String, Lockout> lockouts = new HashMap<>();

    synchronized Lockout get(String credentials) {
        return lockouts.get(credentials);
    }

    /** Counts one more rejected attempt. */
    synchronized Lockout rejected(String credentials, Instant now, TokenEndpointException failure) {
        Lockout previous = lockouts.get(credentials);
        int rejections = previous == null ? 1 : previous.rejections() + 1;
        Lockout lockout = new Lockout(rejections, now, previous != null && previous.untilReset(), failure);
        lockouts.put(credentials, lockout);
        return lockout;
    }

    /** No automatic attempt until a reset: the user is blocked, or the request can never succeed as configured. */
    synchronized Lockout untilReset(String credentials, Instant now, TokenEndpointException failure) {
        Lockout previous = lockouts.get(credentials);
        Lockout lockout = new Lockout(previous == null ? 1 : previous.rejections() + 1, now, true, failure);
        lockouts.put(credentials, lockout);
        return lockout;
    }

    /** After a success or an operator reset; true when something was remembered. */
    synchronized boolean clear(String credentials) {
        return lockouts.remove(credentials) != null;
    }

    /**
     * Whether a lockout that blocks this provider ({@code blockedBy}) was lifted by an operator elsewhere: never for
     * the memory of one JVM, where the reset goes through the provider itself.
     */
    boolean resetElsewhere(String credentials, FailureLadder.Rung blockedBy) {
        return false;
    }

    synchronized void clearAll() {
        lockouts.clear();
    }
}
