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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.store.TokenStoreSession;

/**
 * Rejected credentials counted in the token store, so that the lockout rule (3 consecutive rejections, then nothing
 * until a reset) holds for the whole cluster, and an operator's reset on any instance lifts it for all. Counting
 * itself happens where the lease is held ({@link StoredTokenSource} calls {@link TokenStoreSession#reject}); this
 * class hands the shared count to the failure ladder. While the store does not answer, this JVM's own memory counts.
 */
final class SharedCredentialLockouts extends CredentialLockouts {

    /** How often an instance locked by the cluster looks whether an operator lifted the lockout elsewhere. */
    static final Duration RESET_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final CredentialLockouts local;
    private final TokenStoreSession session;
    private final TokenStoreLink link;
    private final FailureLadder ladder;
    private final Clock clock;
    /** The shared count as last read from the store, or null when none; not a cache that exchanges read. */
    private volatile CredentialLockouts.Lockout shared;

    private volatile Instant nextResetCheck = Instant.MIN;

    SharedCredentialLockouts(
            CredentialLockouts local,
            TokenStoreSession session,
            TokenStoreLink link,
            FailureLadder ladder,
            Clock clock) {
        this.local = local;
        this.session = session;
        this.link = link;
        this.ladder = ladder;
        this.clock = clock;
    }

    /**
     * What the store says now (after a claim, a rejection, a commit); {@code NONE} or null clears. The store's
     * {@code Lockout} is spelled out: this class inherits a type of that name.
     */
    void seen(io.github.chimpypos.camel.store.Lockout stored) {
        shared = toLadder(stored);
    }

    @Override
    CredentialLockouts.Lockout get(String credentials) {
        return link.isDegraded() ? local.get(credentials) : shared;
    }

    /** The rejection was counted in the store by the lease holder: the shared count decides the wait. */
    @Override
    CredentialLockouts.Lockout rejected(String credentials, Instant now, TokenEndpointException failure) {
        CredentialLockouts.Lockout counted = shared;
        if (link.isDegraded() || counted == null) {
            return local.rejected(credentials, now, failure);
        }
        return new CredentialLockouts.Lockout(
                counted.rejections(), counted.lastRejectedAt(), counted.untilReset(), failure);
    }

    /** A blocked user or a refused request is this instance's own finding: every instance learns it by one call. */
    @Override
    CredentialLockouts.Lockout untilReset(String credentials, Instant now, TokenEndpointException failure) {
        return local.untilReset(credentials, now, failure);
    }

    /** After a success or an operator reset: clears the shared count too, so a reset on one instance lifts it for all. */
    @Override
    boolean clear(String credentials) {
        boolean remembered = local.clear(credentials);
        if (link.isDegraded()) {
            return remembered;
        }
        try {
            remembered |= shared != null;
            session.resetLockout();
            shared = null;
            link.answered();
        } catch (RuntimeException e) {
            link.failed(e);
        }
        return remembered;
    }

    @Override
    boolean resetElsewhere(String credentials, FailureLadder.Rung blockedBy) {
        // the third shared rejection blocks this provider until a reset (UNTIL_RESET), earlier ones for a quiet period
        boolean byCredentials =
                blockedBy == FailureLadder.Rung.CREDENTIALS_REJECTED || blockedBy == FailureLadder.Rung.UNTIL_RESET;
        if (!byCredentials || shared == null || link.isDegraded()) {
            return false;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextResetCheck)) {
            return false;
        }
        nextResetCheck = now.plus(RESET_CHECK_INTERVAL);
        try {
            io.github.chimpypos.camel.store.Lockout stored =
                    session.read().map(record -> record.lockout()).orElse(io.github.chimpypos.camel.store.Lockout.NONE);
            link.answered();
            if (stored.consecutiveRejections() == 0) {
                shared = null;
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            link.failed(e);
            return false;
        }
    }

    /** The store's count as the ladder reads it: its next attempt is the last rejection plus the quiet period. */
    private CredentialLockouts.Lockout toLadder(io.github.chimpypos.camel.store.Lockout stored) {
        if (stored == null || stored.consecutiveRejections() == 0) {
            return null;
        }
        int rejections = stored.consecutiveRejections();
        Duration quiet = ladder.quietPeriodAfter(rejections);
        boolean untilReset = stored.locked() || quiet == null || stored.nextAttemptAt() == null;
        Instant lastRejectedAt =
                untilReset ? clock.instant() : stored.nextAttemptAt().minus(quiet);
        TokenEndpointException failure = new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED,
                0,
                null,
                "The token service rejected the credentials " + rejections
                        + " time(s) in a row (counted for every instance sharing the token store)");
        return new CredentialLockouts.Lockout(rejections, lastRejectedAt, untilReset, failure);
    }
}
