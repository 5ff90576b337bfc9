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

import io.github.chimpypos.camel.store.Lease;
import io.github.chimpypos.camel.store.LeaseClaim;
import io.github.chimpypos.camel.store.Lockout;
import io.github.chimpypos.camel.store.StoredToken;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.store.TokenStoreSettings;
import io.github.chimpypos.camel.store.TokenStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens through a shared {@link TokenStore}: the provider asks only when its own copy is due (near expiry, after a
 * 401, on a cold start), so exchanges never touch the store. Then, by the protocol of {@link TokenStoreSession}:
 * <ul>
 * <li>a stored token other than the one this instance last held, still good, is adopted: no token call (a restart,
 * another instance renewed);</li>
 * <li>otherwise this instance claims the lease, which takes the refresh token out of the store; it sends only while
 * more than the call timeout is left on the lease, and commits the result with a compare-and-set that a holder whose
 * lease was taken over loses (then it uses its token alone and shares nothing);</li>
 * <li>while another instance holds the lease, it waits for that instance's result or the end of its lease;</li>
 * <li>rejected credentials are counted in the store for every instance ({@link SharedCredentialLockouts});</li>
 * <li>when the store does not answer, this instance uses its own acquisition (its own token family, never the
 * store's refresh token), and {@link TokenStoreLink} logs it once and reports DEGRADED.</li>
 * </ul>
 * The refresh token never reaches the provider's memory while the store is in use: the store is its only keeper, so
 * the fallback cannot present a refresh token another instance may hold.
 */
final class StoredTokenSource implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(StoredTokenSource.class);

    /** How often a waiting instance looks for the lease holder's result: only while a lease is held elsewhere. */
    static final Duration BUSY_POLL = Duration.ofMillis(200);

    private final TokenStoreSession session;
    private final TokenStoreLink link;
    private final SharedCredentialLockouts lockouts;
    private final Sleeper sleeper;
    private final Clock clock;
    private final boolean useRefreshToken;
    /** The access token this instance last held: the stored one is adopted only when it is another. */
    private volatile String lastHeld;

    StoredTokenSource(
            TokenStoreSession session,
            TokenStoreLink link,
            SharedCredentialLockouts lockouts,
            Sleeper sleeper,
            Clock clock,
            boolean useRefreshToken) {
        this.session = session;
        this.useRefreshToken = useRefreshToken;
        this.link = link;
        this.lockouts = lockouts;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    static StoredTokenSource create(TokenProviderSettings settings, CredentialLockouts jvmLockouts, Sleeper sleeper) {
        TokenStore store = settings.tokenStore();
        TokenStoreSession session = new TokenStoreSession(
                store, recordKey(settings), credentialSecrets(settings), storeSettings(settings), settings.clock());
        TokenStoreLink link = new TokenStoreLink(store);
        SharedCredentialLockouts lockouts =
                new SharedCredentialLockouts(jvmLockouts, session, link, FailureLadder.of(settings), settings.clock());
        return new StoredTokenSource(session, link, lockouts, sleeper, settings.clock(), settings.useRefreshToken());
    }

    /** The lease outlives one call (connect plus response timeout) with room to commit. */
    static TokenStoreSettings storeSettings(TokenProviderSettings settings) {
        Duration callTimeout = settings.httpClientSettings()
                .connectTimeout()
                .plus(settings.httpClientSettings().responseTimeout());
        return TokenStoreSettings.forCallTimeout(callTimeout, settings.credentialsRejectedQuietPeriod());
    }

    static String recordKey(TokenProviderSettings settings) {
        return TokenStores.recordKey(
                String.valueOf(settings.tokenUrl()),
                settings.clientId(),
                settings.audience(),
                settings.username(),
                settings.grantType().name());
    }

    /** What tells one password from another in the shared lockout (as an HMAC; never stored). */
    private static String credentialSecrets(TokenProviderSettings settings) {
        return nullToEmpty(settings.password()) + '\u0000' + nullToEmpty(settings.clientSecret());
    }

    @Override
    public TokenAcquisition.Obtained obtain(TokenAcquisition own, HandedOver handedOver) throws InterruptedException {
        LeaseClaim claim;
        while (true) {
            try {
                claim = session.claim(this::worthAdopting);
                link.answered();
            } catch (RuntimeException e) {
                link.failed(e);
                return own.run();
            }
            if (claim instanceof LeaseClaim.Adopt adopt) {
                lockouts.seen(adopt.record().lockout());
                return adopted(adopt.record().token());
            } else if (claim instanceof LeaseClaim.Blocked blocked) {
                lockouts.seen(
                        new Lockout(blocked.consecutiveRejections(), blocked.locked(), blocked.nextAttemptAt(), null));
                throw blockedByTheCluster(blocked);
            } else if (claim instanceof LeaseClaim.Busy busy) {
                sleeper.sleep(untilNextLook(busy.lease()));
            } else {
                TokenAcquisition.Obtained obtained = renewUnder((LeaseClaim.Held) claim, handedOver);
                if (obtained != null) {
                    return obtained;
                }
            }
        }
    }

    @Override
    public CredentialLockouts lockouts() {
        return lockouts;
    }

    @Override
    public TokenProviderStatus describe(TokenProviderStatus status) {
        return status.withTokenStore(link.state());
    }

    /**
     * One token call under the lease; null when too little lease time was left to send (the lease is given back with
     * its refresh token, and the caller claims again).
     */
    private TokenAcquisition.Obtained renewUnder(LeaseClaim.Held held, HandedOver handedOver)
            throws InterruptedException {
        RefreshTokenHandover handover = new RefreshTokenHandover(held.refreshToken());
        TokenAcquisition acquisition = handedOver.with(
                () -> {
                    if (!session.canSend(held)) {
                        throw new LeaseRunningOut();
                    }
                    return useRefreshToken ? handover.current() : null;
                },
                handover::replaced,
                () -> session.canSend(held));
        TokenAcquisition.Obtained obtained;
        try {
            obtained = acquisition.run();
        } catch (LeaseRunningOut e) {
            settle(() -> session.release(held, !handover.spent()));
            return null;
        } catch (TokenEndpointException e) {
            if (FailureLadder.rungOf(e) == FailureLadder.Rung.CREDENTIALS_REJECTED) {
                settle(() -> session.reject(held).ifPresent(lockouts::seen));
            } else {
                settle(() -> session.release(held, !handover.spent()));
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            settle(() -> session.release(held, !handover.spent()));
            throw e;
        }
        AccessToken token = obtained.accessToken();
        lastHeld = token.value();
        settle(() -> commit(held, token, handover.current()));
        // the refresh token stays with the store (or, when the commit failed, with nobody): never in this JVM
        return obtained.withoutRefreshToken();
    }

    private void commit(LeaseClaim.Held held, AccessToken token, String refreshToken) {
        StoredToken stored = new StoredToken(token.value(), token.obtainedAt(), token.expiresAt(), refreshToken);
        if (session.commit(held, stored)) {
            lockouts.seen(null);
        } else {
            LOG.info("This instance's lease ended before its new access token was stored: it uses the token itself"
                    + " and another instance's result stays in the store");
        }
    }

    /** A store write after the token call: if the store fails now, the next holder makes a password grant. */
    private void settle(Runnable write) {
        try {
            write.run();
            link.answered();
        } catch (RuntimeException e) {
            link.failed(e);
        }
    }

    /** Another token than the one this instance last held, not yet at the end of its served life. */
    private boolean worthAdopting(StoredToken stored) {
        if (stored.accessToken().equals(lastHeld)) {
            return false;
        }
        AccessToken token = new AccessToken(stored.accessToken(), stored.obtainedAt(), stored.expiresAt());
        return clock.instant().isBefore(TokenTiming.usableUntil(token));
    }

    private TokenAcquisition.Obtained adopted(StoredToken stored) {
        AccessToken token = new AccessToken(stored.accessToken(), stored.obtainedAt(), stored.expiresAt());
        lastHeld = token.value();
        LOG.debug("Adopting the access token from the token store (expires at {}): no token call", token.expiresAt());
        return TokenAcquisition.Obtained.adopted(token);
    }

    private Duration untilNextLook(Lease lease) {
        Duration leaseLeft = Duration.between(clock.instant(), lease.until());
        if (leaseLeft.isNegative() || leaseLeft.isZero()) {
            return Duration.ofMillis(1);
        }
        return TokenTiming.min(BUSY_POLL, leaseLeft);
    }

    private static TokenEndpointException blockedByTheCluster(LeaseClaim.Blocked blocked) {
        String until = blocked.locked()
                ? "no automatic attempt until an operator resets the credentials lockout"
                : "no attempt before " + blocked.nextAttemptAt();
        return new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED,
                0,
                null,
                "The token service rejected the credentials " + blocked.consecutiveRejections()
                        + " time(s) in a row on the instances sharing the token store: " + until);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Thrown from inside an acquisition when the lease no longer leaves time for a call: nothing was sent. */
    private static final class LeaseRunningOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseRunningOut() {
            super("too little time left on the token store lease to send", null, false, false);
        }
    }

    @Override
    public String toString() {
        return "StoredTokenSource[" + session + "]";
    }
}
