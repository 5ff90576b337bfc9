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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What every engine must do, run against each one (in-memory, JDBC on H2 and PostgreSQL, Hazelcast members). The
 * engine is reached through two clients of the same storage, as two instances of a cluster would.
 */
public abstract class TokenStoreContract {

    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    /** A unique key per test, so engines whose storage outlives a test (a database) need no cleanup. */
    protected final String key = TokenStores.recordKey(
            "https://auth.test/oauth/token", "c", "a", UUID.randomUUID().toString(), "PASSWORD");

    /** The store under test. */
    protected abstract TokenStore store();

    /** A second client of the same storage: another instance of the cluster. */
    protected abstract TokenStore peer();

    protected static TokenRecord record(long version, StoredToken token, Lease lease, Lockout lockout) {
        return new TokenRecord(version, token, lease, lockout, T0.plusSeconds(version));
    }

    protected static StoredToken token(String access, String refresh) {
        return new StoredToken(access, T0, T0.plusSeconds(3600), refresh);
    }

    @Test
    void anAbsentRecordLoadsEmpty() {
        assertThat(store().load(key)).isEmpty();
    }

    @Test
    void everyFieldRoundTripsToTheOtherInstance() {
        TokenRecord written = record(
                1,
                token("access-value", "refresh-value"),
                new Lease("owner-1", T0.plusSeconds(65)),
                new Lockout(2, false, T0.plusSeconds(600), store().credentialsTag("pw")));

        assertThat(store().compareAndSet(key, TokenRecord.ABSENT, written)).isTrue();

        assertThat(peer().load(key)).contains(written);
    }

    @Test
    void aLockedRecordWithoutTokenOrLeaseRoundTrips() {
        TokenRecord written = record(1, null, null, new Lockout(3, true, null, store().credentialsTag("pw")));

        assertThat(store().compareAndSet(key, TokenRecord.ABSENT, written)).isTrue();

        assertThat(peer().load(key)).contains(written);
    }

    @Test
    void onlyOneInsertWinsWhenNoRecordExists() {
        assertThat(store().compareAndSet(key, TokenRecord.ABSENT, record(1, token("a", null), null, Lockout.NONE)))
                .isTrue();
        assertThat(peer().compareAndSet(key, TokenRecord.ABSENT, record(1, token("b", null), null, Lockout.NONE)))
                .isFalse();

        assertThat(store().load(key).orElseThrow().token().accessToken()).isEqualTo("a");
    }

    @Test
    void aStaleVersionLosesAndWritesNothing() {
        store().compareAndSet(key, 0, record(1, token("a", "r1"), null, Lockout.NONE));
        assertThat(store().compareAndSet(key, 1, record(2, token("b", "r2"), null, Lockout.NONE)))
                .isTrue();

        assertThat(peer().compareAndSet(key, 1, record(2, token("stale", "r-stale"), null, Lockout.NONE)))
                .isFalse();

        assertThat(peer().load(key).orElseThrow()).isEqualTo(record(2, token("b", "r2"), null, Lockout.NONE));
    }

    @Test
    void aWriteThatSkipsAVersionIsRefused() {
        assertThatThrownBy(() -> store().compareAndSet(key, 0, record(2, null, null, Lockout.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expectedVersion + 1");
    }

    @Test
    void concurrentWritersFromTwoInstancesNeverLoseAnUpdate() throws Exception {
        int writers = 4;
        int incrementsEach = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                TokenStore client = w % 2 == 0 ? store() : peer();
                results.add(pool.submit(increments(client, incrementsEach)));
            }
            for (Future<Void> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
            TokenRecord last = store().load(key).orElseThrow();

            assertThat(last.lockout().consecutiveRejections()).isEqualTo(writers * incrementsEach);
            assertThat(last.version()).isEqualTo(writers * incrementsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Load, add one, compare-and-set; a lost race is simply tried again. */
    private Callable<Void> increments(TokenStore client, int count) {
        return () -> {
            for (int done = 0; done < count; ) {
                TokenRecord current = client.load(key).orElse(null);
                long version = current == null ? TokenRecord.ABSENT : current.version();
                int counted = current == null ? 0 : current.lockout().consecutiveRejections();
                Lockout next = new Lockout(counted + 1, false, null, null);
                if (client.compareAndSet(key, version, record(version + 1, null, null, next))) {
                    done++;
                }
            }
            return null;
        };
    }

    @Test
    void twoInstancesRacingForTheLeaseGetItOnceAndShareTheLockout() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        TokenStoreSettings settings =
                new TokenStoreSettings(Duration.ofSeconds(65), Duration.ofSeconds(30), 3, Duration.ofMinutes(5));
        TokenStoreSession one = new TokenStoreSession(store(), key, "pw", settings, clock);
        TokenStoreSession two = new TokenStoreSession(peer(), key, "pw", settings, clock);

        LeaseClaim first = one.claim(token -> false);
        LeaseClaim second = two.claim(token -> false);

        assertThat(first).isInstanceOf(LeaseClaim.Held.class);
        assertThat(second).isInstanceOf(LeaseClaim.Busy.class);
        one.reject((LeaseClaim.Held) first);
        assertThat(two.claim(token -> false))
                .as("the rejection counted by one instance holds back the other")
                .isInstanceOf(LeaseClaim.Blocked.class);
    }

    @Test
    void anAbsentPollRecordLoadsEmpty() {
        assertThat(store().loadPollRecord(key)).isEmpty();
    }

    @Test
    void aPollLeaseAndAPollStateRoundTripToTheOtherInstance() {
        PollRecord lease = new PollRecord(1, new Lease("poller-1", T0.plusSeconds(3)), null, T0);
        PollRecord state = new PollRecord(1, null, "ok||0f3a", T0.plusMillis(5));

        assertThat(store().compareAndSetPollRecord(key, TokenRecord.ABSENT, lease))
                .isTrue();
        assertThat(store().compareAndSetPollRecord(key + "-state", TokenRecord.ABSENT, state))
                .isTrue();

        assertThat(peer().loadPollRecord(key)).contains(lease);
        assertThat(peer().loadPollRecord(key + "-state")).contains(state);
    }

    @Test
    void onlyOnePollLeaseInsertWinsAndAStaleVersionLoses() {
        PollRecord mine = new PollRecord(1, new Lease("one", T0.plusSeconds(3)), null, T0);
        PollRecord theirs = new PollRecord(1, new Lease("two", T0.plusSeconds(3)), null, T0);
        assertThat(store().compareAndSetPollRecord(key, TokenRecord.ABSENT, mine))
                .isTrue();
        assertThat(peer().compareAndSetPollRecord(key, TokenRecord.ABSENT, theirs))
                .isFalse();

        PollRecord renewed = new PollRecord(2, new Lease("one", T0.plusSeconds(6)), null, T0.plusSeconds(3));
        assertThat(store().compareAndSetPollRecord(key, 1, renewed)).isTrue();
        PollRecord stale = new PollRecord(2, new Lease("two", T0.plusSeconds(9)), null, T0.plusSeconds(6));
        assertThat(peer().compareAndSetPollRecord(key, 1, stale)).isFalse();

        assertThat(peer().loadPollRecord(key)).contains(renewed);
    }

    @Test
    void pollRecordsAndTokenRecordsUnderOneKeyAreIndependent() {
        store().compareAndSet(key, 0, record(1, token("a", "r"), null, Lockout.NONE));
        PollRecord poll = new PollRecord(1, null, "ok||", T0);

        assertThat(store().compareAndSetPollRecord(key, TokenRecord.ABSENT, poll))
                .isTrue();

        assertThat(peer().load(key).orElseThrow().token().accessToken()).isEqualTo("a");
        assertThat(peer().loadPollRecord(key)).contains(poll);
    }

    @Test
    void aPollRecordWriteThatSkipsAVersionIsRefused() {
        assertThatThrownBy(() -> store().compareAndSetPollRecord(key, 0, new PollRecord(2, null, "x", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expectedVersion + 1");
    }

    @Test
    void theLongestStateRoundTrips() {
        PollRecord longest = new PollRecord(1, null, "s".repeat(PollRecord.MAX_STATE_LENGTH), T0);

        assertThat(store().compareAndSetPollRecord(key, TokenRecord.ABSENT, longest))
                .isTrue();

        assertThat(peer().loadPollRecord(key)).contains(longest);
    }
}
