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
package io.github.chimpypos.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.github.chimpypos.camel.store.Lease;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;

/**
 * Which instance of a cluster polls an endpoint's keys: the one holding the endpoint's poll lease in the token store.
 * The lease is claimed and renewed with a compare-and-set on the record's version, so two instances can never both
 * win a cycle; it ends {@code leaseTime} after its last renewal, so when its holder dies another instance takes over
 * within that time. A stopping consumer releases it so a peer takes over at its next poll.
 */
public final class PollLease {

    /** What {@link #acquire()} found out for this cycle. */
    public enum Turn {
        /** This instance held the lease since its last poll and renewed it: its view of the shared state is current. */
        RENEWED,
        /** This instance claimed a lease that was free, expired or another's: others may have written state since. */
        CLAIMED,
        /** Another instance holds the lease: skip this cycle. */
        BUSY;

        public boolean polls() {
            return this != BUSY;
        }
    }

    private final TokenStore store;
    private final String key;
    private final String owner;
    private final Duration leaseTime;
    private final Clock clock;
    /** The version this instance last wrote, or ABSENT; equal to the stored one while nobody else wrote. */
    private long lastWritten = TokenRecord.ABSENT;

    private Instant heldUntil;

    public PollLease(TokenStore store, String key, String owner, Duration leaseTime, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.owner = Objects.requireNonNull(owner, "owner");
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("leaseTime must be positive, was " + leaseTime);
        }
        this.leaseTime = leaseTime;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lease's record key in the store. */
    public String key() {
        return key;
    }

    /**
     * Claims or renews the lease for this cycle.
     *
     * @throws io.github.chimpypos.camel.store.TokenStoreException when the store cannot be reached
     */
    public synchronized Turn acquire() {
        Instant now = clock.instant();
        PollRecord current = store.loadPollRecord(key).orElse(null);
        Lease lease = current == null ? null : current.lease();
        boolean mine = lease != null && owner.equals(lease.owner());
        if (lease != null && !mine && lease.isActiveAt(now)) {
            heldUntil = null;
            return Turn.BUSY;
        }
        long version = current == null ? TokenRecord.ABSENT : current.version();
        // continuous: nobody wrote the record since this instance's own last write, so nobody else polled
        boolean continuous = mine && version == lastWritten;
        if (!write(version, now)) {
            heldUntil = null;
            return Turn.BUSY;
        }
        return continuous ? Turn.RENEWED : Turn.CLAIMED;
    }

    /**
     * Whether this instance may send the next request of its poll: the lease is held with more than half of it left,
     * or renewing it now wins. A poll that lost its lease stops, leaving the keys to the new holder.
     */
    public synchronized boolean stillHeld() {
        if (heldUntil == null) {
            return false;
        }
        Instant now = clock.instant();
        if (Duration.between(now, heldUntil).compareTo(leaseTime.dividedBy(2)) > 0) {
            return true;
        }
        if (!write(lastWritten, now)) {
            heldUntil = null;
            return false;
        }
        return true;
    }

    /** Ends this instance's lease, so a peer takes over at its next poll instead of waiting for it to expire. */
    public synchronized void release() {
        if (heldUntil == null) {
            return;
        }
        heldUntil = null;
        store.compareAndSetPollRecord(key, lastWritten, new PollRecord(lastWritten + 1, null, null, clock.instant()));
    }

    private boolean write(long expectedVersion, Instant now) {
        Instant until = now.plus(leaseTime);
        boolean won = store.compareAndSetPollRecord(
                key, expectedVersion, new PollRecord(expectedVersion + 1, new Lease(owner, until), null, now));
        if (won) {
            lastWritten = expectedVersion + 1;
            heldUntil = until;
        }
        return won;
    }

    @Override
    public String toString() {
        return "PollLease[key=" + key + ", owner=" + owner + ", heldUntil=" + heldUntil + "]";
    }
}
