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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStores;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last-seen state of a clustered consumer's keys, kept in the token store so that the instance that takes the
 * poll lease over knows what was already emitted and {@code onlyChanges} does not emit everything again.
 *
 * <p>
 * Reads come from a local copy while this instance kept the lease without interruption (nobody else wrote meanwhile);
 * after a takeover {@link #forgetLocalCopy()} makes the next reads go to the store. If the store cannot be reached,
 * the local copy carries on (logged once): polling never fails because the store is down.
 */
public final class SharedPollState extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPollState.class);

    private final TokenStore store;
    private final String leaseKey;
    private final Clock clock;
    private final Map<String, Entry> local = new ConcurrentHashMap<>();
    private final AtomicBoolean storeDownLogged = new AtomicBoolean();

    public SharedPollState(TokenStore store, String leaseKey, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.leaseKey = Objects.requireNonNull(leaseKey, "leaseKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Another instance may have polled since this one last did: read the store again. */
    public void forgetLocalCopy() {
        local.clear();
    }

    @Override
    public String getState(String stateKey) {
        Entry entry = local.get(stateKey);
        if (entry == null) {
            entry = load(stateKey);
            if (entry == null) {
                return null;
            }
            local.put(stateKey, entry);
        }
        return entry.state();
    }

    @Override
    public void setState(String stateKey, String state) {
        Entry known = local.get(stateKey);
        long version = known != null && known.version() >= 0 ? known.version() : storedVersion(stateKey);
        if (version >= 0 && write(stateKey, version, state)) {
            return;
        }
        // another instance wrote it since this one read it (a lease handed over mid-poll): write over what it left
        long current = version < 0 ? -1 : storedVersion(stateKey);
        if (current < 0 || !write(stateKey, current, state)) {
            local.put(stateKey, new Entry(-1, state));
        }
    }

    private boolean write(String stateKey, long expectedVersion, String state) {
        try {
            boolean won = store.compareAndSetPollRecord(
                    recordKey(stateKey),
                    expectedVersion,
                    new PollRecord(expectedVersion + 1, null, state, clock.instant()));
            if (won) {
                local.put(stateKey, new Entry(expectedVersion + 1, state));
                storeDownLogged.set(false);
            }
            return won;
        } catch (TokenStoreException e) {
            storeDown(e);
            return false;
        }
    }

    /** The stored version, {@link TokenRecord#ABSENT} when none, or -1 when the store cannot be reached. */
    private long storedVersion(String stateKey) {
        try {
            return store.loadPollRecord(recordKey(stateKey))
                    .map(PollRecord::version)
                    .orElse(TokenRecord.ABSENT);
        } catch (TokenStoreException e) {
            storeDown(e);
            return -1;
        }
    }

    private Entry load(String stateKey) {
        try {
            return store.loadPollRecord(recordKey(stateKey))
                    .map(stored -> new Entry(stored.version(), stored.state()))
                    .orElse(null);
        } catch (TokenStoreException e) {
            storeDown(e);
            return null;
        }
    }

    private String recordKey(String stateKey) {
        return TokenStores.pollStateKey(leaseKey, stateKey);
    }

    private void storeDown(TokenStoreException e) {
        if (storeDownLogged.compareAndSet(false, true)) {
            LOG.warn(
                    "Token store unreachable, the last-seen poll state is kept locally until it is back: {}",
                    e.getMessage());
        }
    }

    @Override
    protected void doStart() {
        // nothing to open: the store belongs to the component
    }

    @Override
    protected void doStop() {
        local.clear();
    }

    @Override
    public String toString() {
        return "SharedPollState[lease=" + leaseKey + ", local=" + local.size() + "]";
    }

    /** A state as this instance last read or wrote it; version -1: not in the store (it was down). */
    private record Entry(long version, String state) {}
}
