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

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the provider decides from, as one immutable value: the token with its deadlines, the refresh token, why
 * no request may be sent and until when, and the 401 bookkeeping. {@link #phaseAt} derives the state from it and the
 * clock; every transition is a method here returning the next value.
 *
 * @param token              the token in use with its deadlines, or null
 * @param refreshToken       the latest refresh token, or null; never logged
 * @param notBeforeMillis    no token request before this epoch milli (0: none; {@link Long#MAX_VALUE}: until reset)
 * @param blockedBy          the rung that set {@code notBeforeMillis}, or null
 * @param lastFailure        the last failed acquisition since the last success, or null
 * @param consecutiveFailures failed acquisitions since the last success
 * @param lastRoundTrip      the round trip of the last successful token request, or null
 * @param afterUnauthorized  the token (or, while none is held, the next one) follows a 401 on the previous one
 * @param quickRejections    consecutive 401s on tokens obtained after a 401, each soon after it arrived
 */
record TokenLifecycle(
        Served token,
        String refreshToken,
        long notBeforeMillis,
        FailureLadder.Rung blockedBy,
        TokenEndpointException lastFailure,
        int consecutiveFailures,
        Duration lastRoundTrip,
        boolean afterUnauthorized,
        int quickRejections) {

    static final TokenLifecycle EMPTY = new TokenLifecycle(null, null, 0, null, null, 0, null, false, 0);

    /** The states; {@link #phaseAt} decides which one holds. */
    enum Phase {
        /** A token is served; no renewal is due, or none may be sent yet. */
        FRESH,
        /** A token is still served, and its renewal is due and allowed. */
        STALE,
        /** No token is served and a token request may be sent. */
        EXPIRED,
        /** No token is served; after a transient failure or a 429, nothing is sent before the backoff ends. */
        BACKING_OFF,
        /** No token is served; the credentials were rejected, nothing is sent before the quiet period ends. */
        CREDENTIALS_LOCKED,
        /** No token is served and nothing is sent until an operator resets the lockout. */
        LOCKED_UNTIL_RESET
    }

    /** A token with the epoch millis until which it is served and from which its renewal is due. */
    record Served(AccessToken token, long usableUntilMillis, long renewAtMillis) {}

    Phase phaseAt(long nowMillis) {
        boolean blocked = nowMillis < notBeforeMillis;
        if (token != null && nowMillis < token.usableUntilMillis()) {
            return nowMillis >= token.renewAtMillis() && !blocked ? Phase.STALE : Phase.FRESH;
        }
        if (!blocked) {
            return Phase.EXPIRED;
        }
        if (notBeforeMillis == Long.MAX_VALUE) {
            return Phase.LOCKED_UNTIL_RESET;
        }
        return blockedBy == FailureLadder.Rung.CREDENTIALS_REJECTED ? Phase.CREDENTIALS_LOCKED : Phase.BACKING_OFF;
    }

    /**
     * The state shown to operators (JMX, console, health): a lockout first, since it needs a person; then a renewal
     * in flight, a served token, a failure, nothing yet.
     */
    TokenProviderState shownAt(long nowMillis, boolean renewing) {
        if (blockedAt(nowMillis) && (blockedBy == FailureLadder.Rung.CREDENTIALS_REJECTED || lockedUntilReset())) {
            return TokenProviderState.CREDENTIALS_LOCKED;
        }
        if (renewing) {
            return TokenProviderState.RENEWING;
        }
        if (usableAt(nowMillis)) {
            return TokenProviderState.VALID;
        }
        return lastFailure != null && consecutiveFailures > 0
                ? TokenProviderState.FAILING
                : TokenProviderState.NO_TOKEN;
    }

    /**
     * When the renewal timer should next look at this value: the renewal's due instant, or the end of the wait if that
     * is later; -1 when there is nothing to renew or nothing may be sent until a reset.
     */
    long wakeUpDueMillis() {
        if (token == null || lockedUntilReset()) {
            return -1;
        }
        return Math.max(token.renewAtMillis(), notBeforeMillis);
    }

    /** Whether {@code rejected} is the token served now (a 401 on an older one says nothing about this one). */
    boolean serves(AccessToken rejected) {
        return token != null && rejected != null && token.token().value().equals(rejected.value());
    }

    boolean usableAt(long nowMillis) {
        return token != null && nowMillis < token.usableUntilMillis();
    }

    boolean blockedAt(long nowMillis) {
        return nowMillis < notBeforeMillis;
    }

    /** The instant no request is sent before, or null when none is blocked (for messages and status). */
    Instant notBefore() {
        return notBeforeMillis == 0 || notBeforeMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(notBeforeMillis);
    }

    boolean lockedUntilReset() {
        return notBeforeMillis == Long.MAX_VALUE;
    }

    TokenLifecycle installed(Served next, String rotated, Duration roundTrip, boolean obtainedAfterUnauthorized) {
        return new TokenLifecycle(
                next,
                rotated != null ? rotated : refreshToken,
                0,
                null,
                null,
                0,
                roundTrip,
                obtainedAfterUnauthorized,
                quickRejections);
    }

    /** A refresh token to keep whatever happens next (rotation), or null to drop the held one. */
    TokenLifecycle withRefreshToken(String next) {
        return new TokenLifecycle(
                token,
                next,
                notBeforeMillis,
                blockedBy,
                lastFailure,
                consecutiveFailures,
                lastRoundTrip,
                afterUnauthorized,
                quickRejections);
    }

    /**
     * A refresh that presented {@code presented} (null: none) learned that {@code next} replaces it (null: it is
     * spent). Unchanged when another refresh token took the place of {@code presented} meanwhile and none came back.
     */
    TokenLifecycle refreshTokenReplaced(String presented, String next) {
        return presented == null || presented.equals(refreshToken) || next != null ? withRefreshToken(next) : this;
    }

    /** An acquisition failed: no request before {@code notBefore} (null: until reset). */
    TokenLifecycle failed(TokenEndpointException failure, FailureLadder.Rung rung, Instant notBefore) {
        return new TokenLifecycle(
                token,
                refreshToken,
                notBefore == null ? Long.MAX_VALUE : notBefore.toEpochMilli(),
                rung,
                failure,
                consecutiveFailures + 1,
                lastRoundTrip,
                afterUnauthorized,
                quickRejections);
    }

    /** A lockout an earlier provider in this JVM recorded for this credential set: no request before {@code notBefore}. */
    TokenLifecycle remembering(CredentialLockouts.Lockout remembered, Instant notBefore) {
        return failed(
                remembered.failure(),
                remembered.untilReset() ? FailureLadder.Rung.UNTIL_RESET : FailureLadder.Rung.CREDENTIALS_REJECTED,
                notBefore);
    }

    /** The API rejected the current token: it is dropped, and the next one is known to follow a 401. */
    TokenLifecycle rejectedByApi(int rejectionsInARow) {
        return new TokenLifecycle(
                null,
                refreshToken,
                notBeforeMillis,
                blockedBy,
                lastFailure,
                consecutiveFailures,
                lastRoundTrip,
                true,
                rejectionsInARow);
    }

    /** An operator reset: every wait ends (lockout, backoff, rate limit). */
    TokenLifecycle reset() {
        return new TokenLifecycle(token, refreshToken, 0, null, lastFailure, 0, lastRoundTrip, afterUnauthorized, 0);
    }

    /** A stopped provider forgets its tokens; what it learned about the service stays. */
    TokenLifecycle stopped() {
        return new TokenLifecycle(
                null, null, notBeforeMillis, blockedBy, lastFailure, consecutiveFailures, lastRoundTrip, false, 0);
    }
}
