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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.emulator.MutableClock;
import org.junit.jupiter.api.Test;

/** The shared last-seen state: what one instance wrote, the next holder reads; a store outage is ridden out. */
class SharedPollStateTest {

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
    private final CountingStore store = new CountingStore();
    private final SharedPollState one = new SharedPollState(store, "lease", clock);
    private final SharedPollState two = new SharedPollState(store, "lease", clock);

    @Test
    void whatOneInstanceRemembersTheNextHolderReads() {
        one.setState("getStationPricing():ST1", "ok||abc");

        assertThat(two.getState("getStationPricing():ST1")).isEqualTo("ok||abc");
        assertThat(two.getState("getStationPricing():ST2")).isNull();
    }

    @Test
    void anUninterruptedHolderReadsItsLocalCopyAndATakeoverReadsTheStore() {
        one.setState("k", "v1");
        two.getState("k");
        two.setState("k", "v2");
        int loads = store.loads.get();

        assertThat(one.getState("k")).as("local copy, no store read").isEqualTo("v1");
        assertThat(store.loads.get()).isEqualTo(loads);

        one.forgetLocalCopy();
        assertThat(one.getState("k")).isEqualTo("v2");
    }

    @Test
    void aWriteOverAVersionAnotherInstanceLeftStillLands() {
        one.setState("k", "v1");
        two.setState("k", "v2");

        one.setState("k", "v3");

        assertThat(new SharedPollState(store, "lease", clock).getState("k")).isEqualTo("v3");
    }

    @Test
    void otherEndpointsDoNotShareTheState() {
        one.setState("k", "v1");

        assertThat(new SharedPollState(store, "other-lease", clock).getState("k"))
                .isNull();
    }

    @Test
    void whileTheStoreIsDownTheLocalCopyCarriesOnAndItIsWrittenOnceBack() {
        one.setState("k", "v1");
        store.down.set(true);

        one.setState("k", "v2");
        assertThat(one.getState("k")).isEqualTo("v2");
        assertThat(one.getState("unknown")).isNull();

        store.down.set(false);
        one.setState("k", "v3");
        assertThat(two.getState("k")).isEqualTo("v3");
    }

    /** An in-memory store that counts reads and can be switched off like an unreachable database. */
    private static final class CountingStore implements TokenStore {
        private final InMemoryTokenStore delegate = new InMemoryTokenStore();
        final AtomicInteger loads = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Optional<TokenRecord> load(String key) {
            return delegate.load(key);
        }

        @Override
        public boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
            return delegate.compareAndSet(key, expectedVersion, next);
        }

        @Override
        public String credentialsTag(String secrets) {
            return delegate.credentialsTag(secrets);
        }

        @Override
        public Optional<PollRecord> loadPollRecord(String key) {
            failIfDown();
            loads.incrementAndGet();
            return delegate.loadPollRecord(key);
        }

        @Override
        public boolean compareAndSetPollRecord(String key, long expectedVersion, PollRecord next) {
            failIfDown();
            return delegate.compareAndSetPollRecord(key, expectedVersion, next);
        }

        private void failIfDown() {
            if (down.get()) {
                throw new TokenStoreException("store down (test)", null);
            }
        }
    }
}
