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

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The renewal protocol of one credential set on a {@link TokenStore}, for one instance. Every step is a
 * compare-and-set on the record version, so the rules hold whatever the engine:
 * <ul>
 * <li>a token call needs the lease; the lease is claimed and the result committed with a compare-and-set, and a holder
 * whose lease was taken over never writes its result;</li>
 * <li>the claim takes the refresh token out of the store: if the holder dies or its call times out after sending, the
 * refresh token is gone with it and the next holder makes a password grant (a new family), so a rotated refresh token
 * is never sent twice;</li>
 * <li>a holder sends only while more than the call timeout is left on its lease;</li>
 * <li>credential rejections are counted in the record for the whole cluster, and a reset clears them for everyone.</li>
 * </ul>
 * Instants are kept to the millisecond, the precision every engine stores.
 */
public final class TokenStoreSession {

    /** Bounds the retries of a write that loses only to writes which leave this instance's claim intact. */
    private static final int MAX_ATTEMPTS = 8;

    private final TokenStore store;
    private final String key;
    private final Clock clock;
    private final TokenStoreSettings settings;
    private final String credentialsTag;

    public TokenStoreSession(
            TokenStore store, String key, String credentialSecrets, TokenStoreSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentialsTag = store.credentialsTag(Objects.requireNonNull(credentialSecrets, "credentialSecrets"));
    }

    /** The stored record, for a cheap look at its version and token. */
    public Optional<TokenRecord> read() {
        return store.load(key);
    }

    /**
     * Claims the lease to renew, unless the stored token is {@code stillGood} (then it is adopted), another instance
     * holds an active lease, or the credentials are blocked.
     */
    public LeaseClaim claim(Predicate<StoredToken> stillGood) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = now();
            TokenRecord current = store.load(key).orElse(null);
            if (current != null && current.token() != null && stillGood.test(current.token())) {
                return new LeaseClaim.Adopt(current);
            }
            Lockout lockout = current == null ? Lockout.NONE : current.lockout().forCredentials(credentialsTag);
            if (!lockout.allowsAttemptAt(now)) {
                return new LeaseClaim.Blocked(
                        lockout.locked(), lockout.nextAttemptAt(), lockout.consecutiveRejections());
            }
            if (current != null && current.isLeasedAt(now)) {
                return new LeaseClaim.Busy(current.lease());
            }
            Lease lease = new Lease(store.newLeaseOwner(), now.plus(settings.leaseDuration()));
            StoredToken token = current == null ? null : current.token();
            TokenRecord next = new TokenRecord(
                    version(current) + 1,
                    token == null ? null : token.withoutRefreshToken(),
                    lease,
                    current == null ? Lockout.NONE : current.lockout(),
                    now);
            if (store.compareAndSet(key, version(current), next)) {
                return new LeaseClaim.Held(lease, next.version(), token == null ? null : token.refreshToken());
            }
        }
        return store.load(key)
                .filter(record -> record.lease() != null)
                .<LeaseClaim>map(record -> new LeaseClaim.Busy(record.lease()))
                .orElseThrow(() -> new TokenStoreException("the token store keeps changing under every claim"));
    }

    /** The check before sending: only while more than the call timeout is left on the lease. */
    public boolean canSend(LeaseClaim.Held held) {
        return held.lease().leavesTimeFor(settings.callTimeout(), now());
    }

    /**
     * Writes the token obtained under {@code held}, ends the lease and clears the rejection count.
     *
     * @return {@code false} when the lease was lost: the result is not written, the caller may use the token itself
     *     but must not share it
     */
    public boolean commit(LeaseClaim.Held held, StoredToken token) {
        Objects.requireNonNull(token, "token");
        return writeIfStillHeld(held, current -> token, (kept, rejected) -> Lockout.NONE)
                .isPresent();
    }

    /**
     * Ends the lease without a new token. The refresh token goes back only when it was certainly not sent (the call
     * never left this JVM); after a timeout or a reset it may have been used, so it stays spent.
     */
    public boolean release(LeaseClaim.Held held, boolean refreshTokenUnsent) {
        return writeIfStillHeld(
                        held,
                        current -> current != null && refreshTokenUnsent && held.refreshToken() != null
                                ? current.withRefreshToken(held.refreshToken())
                                : current,
                        (kept, rejected) -> kept)
                .isPresent();
    }

    /**
     * Counts a credential rejection for the whole cluster and ends the lease; the refresh token stays spent.
     *
     * @return the lockout now in force, or empty when the lease was lost (someone else counts)
     */
    public Optional<Lockout> reject(LeaseClaim.Held held) {
        return writeIfStillHeld(held, current -> current, (kept, rejected) -> rejected)
                .map(TokenRecord::lockout);
    }

    /** The operator's reset: clears the rejection count and the lockout for every instance. */
    public void resetLockout() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TokenRecord current = store.load(key).orElse(null);
            if (current == null || current.lockout().equals(Lockout.NONE)) {
                return;
            }
            TokenRecord next =
                    new TokenRecord(current.version() + 1, current.token(), current.lease(), Lockout.NONE, now());
            if (store.compareAndSet(key, current.version(), next)) {
                return;
            }
        }
        throw new TokenStoreException("the token store kept changing during the lockout reset; try again");
    }

    /**
     * Ends a lease whose holder is known to be gone (a grid member left), so a successor need not wait for it to
     * expire. Safe because the holder's refresh token left the store with its claim.
     */
    public static boolean releaseLeaseOf(TokenStore store, String key, Predicate<String> goneOwner, Clock clock) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TokenRecord current = store.load(key).orElse(null);
            if (current == null
                    || current.lease() == null
                    || !goneOwner.test(current.lease().owner())) {
                return false;
            }
            TokenRecord next = new TokenRecord(
                    current.version() + 1, current.token(), null, current.lockout(), millis(clock.instant()));
            if (store.compareAndSet(key, current.version(), next)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the end of {@code held}'s lease, but only while the record still shows that lease. */
    private Optional<TokenRecord> writeIfStillHeld(
            LeaseClaim.Held held, UnaryOperator<StoredToken> token, BinaryOperator<Lockout> lockout) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TokenRecord current = store.load(key).orElse(null);
            if (current == null
                    || current.lease() == null
                    || !current.lease().owner().equals(held.lease().owner())) {
                return Optional.empty();
            }
            Instant now = now();
            TokenRecord next = new TokenRecord(
                    current.version() + 1,
                    token.apply(current.token()),
                    null,
                    lockout.apply(current.lockout(), afterRejection(current.lockout(), now)),
                    now);
            // losing here means an operator reset or a lease release wrote meanwhile: look again
            if (store.compareAndSet(key, current.version(), next)) {
                return Optional.of(next);
            }
        }
        throw new TokenStoreException(
                "the token store kept changing while this instance held the lease; its result" + " was not written");
    }

    private Lockout afterRejection(Lockout lockout, Instant now) {
        return lockout.afterRejection(credentialsTag, now, settings.rejectionLimit(), settings.quietPeriod());
    }

    private Instant now() {
        return millis(clock.instant());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static long version(TokenRecord record) {
        return record == null ? TokenRecord.ABSENT : record.version();
    }

    @Override
    public String toString() {
        return "TokenStoreSession[key=" + key + ", store=" + store + "]";
    }
}
