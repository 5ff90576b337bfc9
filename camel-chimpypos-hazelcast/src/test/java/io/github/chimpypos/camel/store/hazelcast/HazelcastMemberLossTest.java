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
package io.github.chimpypos.camel.store.hazelcast;

import static io.github.chimpypos.camel.store.EncryptingTokenStoreContract.newEncryptionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.store.LeaseClaim;
import io.github.chimpypos.camel.store.StoredToken;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.store.TokenStoreSettings;
import io.github.chimpypos.camel.store.TokenStores;
import io.github.chimpypos.emulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member that dies while holding the renewal lease: the cluster ends its lease as soon as the member is gone (long
 * before the lease would expire), and the successor makes a password grant, never re-sending the refresh token the
 * dead member may have used.
 */
class HazelcastMemberLossTest {

    private static final String KEY = TokenStores.recordKey("https://auth.test/oauth/token", "c", "a", "u", "PASSWORD");
    private static final TokenStoreSettings TEN_MINUTE_LEASE =
            new TokenStoreSettings(Duration.ofMinutes(10), Duration.ofSeconds(30), 3, Duration.ofMinutes(5));

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
    private final String encryptionKey = newEncryptionKey();
    private final LoopbackCluster cluster = new LoopbackCluster(3);

    @AfterEach
    void stopMembers() {
        cluster.close();
    }

    private TokenStoreSession sessionOn(int member) {
        HazelcastTokenStore store = new HazelcastTokenStore(cluster.member(member));
        store.setEncryptionKey(encryptionKey);
        store.setClock(clock);
        return new TokenStoreSession(store, KEY, "pw", TEN_MINUTE_LEASE, clock);
    }

    @Test
    void aDeadHoldersLeaseEndsWithTheMemberAndItsRefreshTokenStaysSpent() {
        TokenStoreSession first = sessionOn(0);
        TokenStoreSession dying = sessionOn(2);
        TokenStoreSession successor = sessionOn(1);
        LeaseClaim.Held initial = (LeaseClaim.Held) first.claim(token -> false);
        first.commit(
                initial,
                new StoredToken("access-1", clock.instant(), clock.instant().plusSeconds(60), "rt-1"));
        LeaseClaim.Held held = (LeaseClaim.Held) dying.claim(token -> false);
        assertThat(held.refreshToken()).isEqualTo("rt-1");
        assertThat(successor.claim(token -> false)).isInstanceOf(LeaseClaim.Busy.class);

        cluster.member(2).getLifecycleService().terminate();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> successor.read().orElseThrow().lease() == null);
        LeaseClaim next = successor.claim(token -> false);
        assertThat(next)
                .isInstanceOfSatisfying(
                        LeaseClaim.Held.class,
                        claim -> assertThat(claim.refreshToken())
                                .as("the dead member's refresh token is never sent again: password grant")
                                .isNull());
        assertThat(clock.instant()).as("no lease expiry was needed").isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void theLeaseOfASurvivingMemberIsKept() {
        TokenStoreSession holder = sessionOn(1);
        LeaseClaim.Held held = (LeaseClaim.Held) holder.claim(token -> false);
        TokenStoreSession witness = sessionOn(0);

        cluster.member(2).getLifecycleService().terminate();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> cluster.member(0).getCluster().getMembers().size() == 2);
        assertThat(witness.read().orElseThrow().lease()).isEqualTo(held.lease());
        assertThat(holder.commit(
                        held,
                        new StoredToken("a", clock.instant(), clock.instant().plusSeconds(60), null)))
                .isTrue();
    }
}
