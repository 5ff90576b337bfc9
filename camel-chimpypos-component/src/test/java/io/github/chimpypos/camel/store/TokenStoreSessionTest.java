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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.chimpypos.emulator.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The renewal protocol on an injected clock: each case states the rule it checks. */
class TokenStoreSessionTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final String KEY = TokenStores.recordKey("https://auth.test/oauth/token", "c", "a", "u", "PASSWORD");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofSeconds(65);
    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final TokenStoreSettings SETTINGS = new TokenStoreSettings(LEASE, CALL_TIMEOUT, 3, QUIET);
    private static final Predicate<StoredToken> VALID_FOR_A_MINUTE =
            token -> token.expiresAt().isAfter(START.plusSeconds(60));

    private final MutableClock clock = MutableClock.startingAt(START);
    private final InMemoryTokenStore store = new InMemoryTokenStore();

    private TokenStoreSession instance(String password) {
        return new TokenStoreSession(store, KEY, password, SETTINGS, clock);
    }

    private static StoredToken token(String name, Instant expiresAt, String refreshToken) {
        return new StoredToken("access-" + name, START, expiresAt, refreshToken);
    }

    private void given(StoredToken token, Lease lease, Lockout lockout) {
        assertThat(store.compareAndSet(KEY, 0, new TokenRecord(1, token, lease, lockout, START)))
                .isTrue();
    }

    static Stream<Arguments> claims() {
        Instant soon = START.plusSeconds(30);
        Instant later = START.plusSeconds(3600);
        String secret = "pw";
        return Stream.of(
                Arguments.of("empty store: claim, password grant", null, null, Lockout.NONE, "Held:password"),
                Arguments.of(
                        "token near expiry with a refresh token: claim and take it",
                        token("1", soon, "rt-1"),
                        null,
                        Lockout.NONE,
                        "Held:refresh_token"),
                Arguments.of(
                        "token valid long enough: adopt, no call",
                        token("1", later, "rt-1"),
                        null,
                        Lockout.NONE,
                        "Adopt"),
                Arguments.of(
                        "another instance holds an active lease: busy, no call",
                        token("1", soon, null),
                        new Lease("other", START.plusSeconds(10)),
                        Lockout.NONE,
                        "Busy"),
                Arguments.of(
                        "a lease that ended (holder died): claim, password grant (its refresh token left with it)",
                        token("1", soon, null),
                        new Lease("dead", START),
                        Lockout.NONE,
                        "Held:password"),
                Arguments.of(
                        "quiet period after a rejection not over: blocked",
                        null,
                        null,
                        new Lockout(1, false, START.plusSeconds(1), tagOf(secret)),
                        "Blocked"),
                Arguments.of(
                        "quiet period over: claim",
                        null,
                        null,
                        new Lockout(1, false, START, tagOf(secret)),
                        "Held:password"),
                Arguments.of(
                        "locked: blocked, whatever the time",
                        null,
                        null,
                        new Lockout(3, true, null, tagOf(secret)),
                        "Blocked:locked"),
                Arguments.of(
                        "locked for other credentials: these may try",
                        null,
                        null,
                        new Lockout(3, true, null, "another-tag"),
                        "Held:password"));
    }

    /** The tag the store under test gives "pw"; the in-memory store's key is per instance, so tests ask it. */
    private static String tagOf(String secret) {
        return "tag-of:" + secret;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void claimOutcome(String rule, StoredToken token, Lease lease, Lockout lockout, String expected) {
        Lockout stored =
                lockout.credentialsTag() != null && lockout.credentialsTag().startsWith("tag-of:")
                        ? new Lockout(
                                lockout.consecutiveRejections(),
                                lockout.locked(),
                                lockout.nextAttemptAt(),
                                store.credentialsTag(lockout.credentialsTag().substring("tag-of:".length())))
                        : lockout;
        if (token != null || lease != null || !stored.equals(Lockout.NONE)) {
            given(token, lease, stored);
        }

        LeaseClaim claim = instance("pw").claim(VALID_FOR_A_MINUTE);

        assertThat(describe(claim)).as(rule).isEqualTo(expected);
    }

    private static String describe(LeaseClaim claim) {
        if (claim instanceof LeaseClaim.Held held) {
            return "Held:" + (held.refreshToken() == null ? "password" : "refresh_token");
        }
        if (claim instanceof LeaseClaim.Blocked blocked) {
            return blocked.locked() ? "Blocked:locked" : "Blocked";
        }
        return claim.getClass().getSimpleName();
    }

    @ParameterizedTest(name = "{0} s into a {1} s lease with a 30 s call timeout: send = {2}")
    @CsvSource({"0, 65, true", "34.999, 65, true", "35, 65, false", "64, 65, false", "70, 65, false"})
    void sendsOnlyWhileMoreThanTheCallTimeoutIsLeft(double elapsedSeconds, long leaseSeconds, boolean send) {
        TokenStoreSession session = new TokenStoreSession(
                store,
                KEY,
                "pw",
                new TokenStoreSettings(Duration.ofSeconds(leaseSeconds), CALL_TIMEOUT, 3, QUIET),
                clock);
        LeaseClaim.Held held = (LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE);

        clock.advance(Duration.ofMillis(Math.round(elapsedSeconds * 1000)));

        assertThat(session.canSend(held)).isEqualTo(send);
    }

    @Test
    void onlyOneOfTheInstancesRacingForTheLeaseGetsIt() {
        given(token("1", START.plusSeconds(30), "rt-1"), null, Lockout.NONE);
        List<LeaseClaim> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(instance("pw").claim(VALID_FOR_A_MINUTE));
        }

        assertThat(claims).filteredOn(LeaseClaim.Held.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(LeaseClaim.Busy.class::isInstance).hasSize(3);
        assertThat(claims.get(0))
                .isInstanceOfSatisfying(
                        LeaseClaim.Held.class,
                        held -> assertThat(held.refreshToken()).isEqualTo("rt-1"));
        assertThat(store.load(KEY).orElseThrow().token().refreshToken())
                .as("the refresh token left the store with the claim")
                .isNull();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverNeverWritesItsResult() {
        given(token("1", START.plusSeconds(30), "rt-1"), null, Lockout.NONE);
        TokenStoreSession slow = instance("pw");
        TokenStoreSession successor = instance("pw");
        LeaseClaim.Held slowHeld = (LeaseClaim.Held) slow.claim(VALID_FOR_A_MINUTE);

        clock.advance(LEASE);
        LeaseClaim.Held successorHeld = (LeaseClaim.Held) successor.claim(VALID_FOR_A_MINUTE);
        long versionAfterTakeover = store.load(KEY).orElseThrow().version();

        assertThat(successorHeld.refreshToken())
                .as("outcome of the slow holder's refresh unknown: never re-sent, password grant")
                .isNull();
        assertThat(slow.commit(slowHeld, token("late", START.plusSeconds(3600), "rt-late")))
                .isFalse();
        assertThat(slow.release(slowHeld, true)).isFalse();
        assertThat(slow.reject(slowHeld)).isEmpty();
        assertThat(store.load(KEY).orElseThrow().version()).isEqualTo(versionAfterTakeover);

        assertThat(successor.commit(successorHeld, token("2", START.plusSeconds(3600), "rt-2")))
                .isTrue();
        TokenRecord stored = store.load(KEY).orElseThrow();
        assertThat(stored.token().accessToken()).isEqualTo("access-2");
        assertThat(stored.token().refreshToken()).isEqualTo("rt-2");
        assertThat(stored.lease()).isNull();
    }

    @ParameterizedTest(name = "refresh token certainly unsent = {0}: back in the store = {0}")
    @CsvSource({"true", "false"})
    void aReleasedRefreshTokenReturnsOnlyWhenItWasCertainlyNotSent(boolean unsent) {
        given(token("1", START.plusSeconds(30), "rt-1"), null, Lockout.NONE);
        TokenStoreSession session = instance("pw");
        LeaseClaim.Held held = (LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE);

        assertThat(session.release(held, unsent)).isTrue();

        LeaseClaim next = instance("pw").claim(VALID_FOR_A_MINUTE);
        assertThat(((LeaseClaim.Held) next).refreshToken()).isEqualTo(unsent ? "rt-1" : null);
    }

    @Test
    void aHolderThatDiesMidRenewalLeavesAPasswordGrantToItsSuccessor() {
        given(token("1", START.plusSeconds(30), "rt-1"), null, Lockout.NONE);
        LeaseClaim.Held dying = (LeaseClaim.Held) instance("pw").claim(VALID_FOR_A_MINUTE);
        assertThat(dying.refreshToken()).isEqualTo("rt-1");

        assertThat(instance("pw").claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Busy.class);
        clock.advance(LEASE);
        LeaseClaim.Held successor = (LeaseClaim.Held) instance("pw").claim(VALID_FOR_A_MINUTE);

        assertThat(successor.refreshToken()).isNull();
    }

    @Test
    void rejectionsCountForTheClusterAndTheThirdLocksEvenAfterThirtyDays() {
        List<TokenStoreSession> cluster = List.of(instance("wrong"), instance("wrong"), instance("wrong"));
        int grants = 0;
        List<Lockout> lockouts = new ArrayList<>();
        Instant end = START.plus(Duration.ofDays(30));
        while (clock.instant().isBefore(end)) {
            for (TokenStoreSession member : cluster) {
                if (member.claim(VALID_FOR_A_MINUTE) instanceof LeaseClaim.Held held) {
                    grants++;
                    lockouts.add(member.reject(held).orElseThrow());
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(grants).as("password grants in 30 days, whole cluster").isEqualTo(3);
        assertThat(lockouts).extracting(Lockout::consecutiveRejections).containsExactly(1, 2, 3);
        assertThat(lockouts.get(0).nextAttemptAt()).isEqualTo(START.plus(QUIET));
        assertThat(lockouts.get(1).nextAttemptAt())
                .as("second rejection at +5 min, then twice the quiet period")
                .isEqualTo(START.plus(QUIET).plus(QUIET.multipliedBy(2)));
        assertThat(lockouts.get(2).locked()).isTrue();
        assertThat(cluster.get(2).claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Blocked.class);
    }

    @Test
    void theQuietPeriodDoublesBetweenRejections() {
        TokenStoreSession session = instance("wrong");
        Lockout first = session.reject((LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE))
                .orElseThrow();
        clock.set(first.nextAttemptAt());
        Instant secondAt = clock.instant();
        Lockout second = session.reject((LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE))
                .orElseThrow();

        assertThat(first.nextAttemptAt()).isEqualTo(START.plus(QUIET));
        assertThat(second.nextAttemptAt()).isEqualTo(secondAt.plus(QUIET.multipliedBy(2)));
    }

    @Test
    void anOperatorResetOnOneInstanceUnlocksTheCluster() {
        TokenStoreSession operator = instance("pw");
        TokenStoreSession other = instance("pw");
        for (int i = 0; i < 3; i++) {
            LeaseClaim.Held held = (LeaseClaim.Held) other.claim(VALID_FOR_A_MINUTE);
            other.reject(held);
            clock.advance(Duration.ofHours(1));
        }
        assertThat(other.claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Blocked.class);

        operator.resetLockout();

        assertThat(other.claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Held.class);
    }

    @Test
    void otherCredentialsAreNotHeldToTheOldLockout() {
        TokenStoreSession wrong = instance("wrong");
        for (int i = 0; i < 3; i++) {
            wrong.reject((LeaseClaim.Held) wrong.claim(VALID_FOR_A_MINUTE));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(wrong.claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Blocked.class);
        assertThat(instance("fixed").claim(VALID_FOR_A_MINUTE)).isInstanceOf(LeaseClaim.Held.class);
    }

    @Test
    void aSuccessClearsTheRejectionCount() {
        TokenStoreSession session = instance("pw");
        session.reject((LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE));
        clock.advance(QUIET);
        LeaseClaim.Held held = (LeaseClaim.Held) session.claim(VALID_FOR_A_MINUTE);

        assertThat(session.commit(held, token("1", START.plusSeconds(30), "rt-1")))
                .isTrue();

        assertThat(store.load(KEY).orElseThrow().lockout()).isEqualTo(Lockout.NONE);
    }

    @Test
    void aCommitStillLandsWhenAnOperatorResetWroteDuringTheLease() {
        TokenStoreSession holder = instance("pw");
        LeaseClaim.Held held = (LeaseClaim.Held) holder.claim(VALID_FOR_A_MINUTE);
        holder.reject(held);
        clock.advance(QUIET);
        LeaseClaim.Held again = (LeaseClaim.Held) holder.claim(VALID_FOR_A_MINUTE);

        instance("pw").resetLockout();

        assertThat(holder.commit(again, token("1", START.plusSeconds(3600), "rt-1")))
                .isTrue();
        assertThat(store.load(KEY).orElseThrow().token().accessToken()).isEqualTo("access-1");
    }

    @Test
    void aGoneMembersLeaseIsReleasedWithoutItsRefreshToken() {
        given(token("1", START.plusSeconds(30), "rt-1"), null, Lockout.NONE);
        LeaseClaim.Held gone = (LeaseClaim.Held) instance("pw").claim(VALID_FOR_A_MINUTE);

        assertThat(TokenStoreSession.releaseLeaseOf(store, KEY, gone.lease().owner()::equals, clock))
                .isTrue();

        LeaseClaim.Held successor = (LeaseClaim.Held) instance("pw").claim(VALID_FOR_A_MINUTE);
        assertThat(successor.refreshToken()).isNull();
        assertThat(TokenStoreSession.releaseLeaseOf(store, KEY, "nobody"::equals, clock))
                .isFalse();
    }
}
