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

import io.github.chimpypos.camel.transport.ProxyFailureException;

/**
 * Which failed answer leads where, and for how long no new token request is made. Pure functions: the provider
 * applies the verdict, {@link CredentialLockouts} remembers rejections per credential set.
 *
 * <p>The lockout rule: at most {@value #MAX_REJECTED_ATTEMPTS} consecutive rejected credential attempts per credential
 * set, the quiet period doubling between them; after the last one, no automatic attempt until an operator resets the
 * lockout or the credentials change. Auth0 blocks a user after 10 consecutive failures and Keycloak's brute-force
 * detection after 30 by default, so even several replicas sharing one credential set stay far below both.
 */
final class FailureLadder {

    static final int MAX_REJECTED_ATTEMPTS = 3;

    /** Where a failed token request leads. */
    enum Rung {
        /** Outage, timeout, garbled answer: retried within the acquisition, then backoff. */
        TRANSIENT,
        /** A failure a retry right away cannot fix (TLS): backoff only. */
        BACK_OFF,
        /** 429: wait for Retry-After, at least the current backoff step. */
        RATE_LIMITED,
        /** The credentials were rejected: counts towards the lockout. */
        CREDENTIALS_REJECTED,
        /** The user is blocked by the service, or the request can never succeed as configured: until reset. */
        UNTIL_RESET
    }

    private final Duration quietPeriod;
    private final Duration maxRetryAfter;

    FailureLadder(Duration quietPeriod, Duration maxRetryAfter) {
        this.quietPeriod = quietPeriod;
        this.maxRetryAfter = maxRetryAfter;
    }

    static FailureLadder of(TokenProviderSettings settings) {
        return new FailureLadder(settings.credentialsRejectedQuietPeriod(), settings.maxRetryAfter());
    }

    static Rung rungOf(TokenEndpointException failure) {
        if (TokenResponseReader.USER_BLOCKED.equals(failure.getOauthError())) {
            return Rung.UNTIL_RESET;
        }
        return switch (failure.getReason()) {
            case AUTH_SERVICE_UNAVAILABLE, MALFORMED_RESPONSE -> Rung.TRANSIENT;
            case RATE_LIMITED -> Rung.RATE_LIMITED;
            case CREDENTIALS_REJECTED -> Rung.CREDENTIALS_REJECTED;
            case ACCESS_DENIED, REQUEST_REJECTED -> Rung.UNTIL_RESET;
            case TLS_FAILURE, TOKEN_REJECTED_BY_API -> Rung.BACK_OFF;
            // an unreachable or failing proxy may be back in a moment; a refusal (407, 403) needs a change first
            case PROXY_FAILURE -> proxyRefused(failure) ? Rung.BACK_OFF : Rung.TRANSIENT;
        };
    }

    /** The proxy answered (407, 403, ...) rather than being unreachable. */
    private static boolean proxyRefused(TokenEndpointException failure) {
        return failure.getCause() instanceof ProxyFailureException proxy && proxy.getStatusCode() != 0;
    }

    /**
     * Until when no token request is sent after {@code failure} on {@code rung}; null: until an operator resets it. A
     * rejection of the credentials (or a block) is recorded for the credential set in {@code lockouts} first.
     *
     * @param backoffStep the current step of the backoff, for transient failures and as the least wait after a 429
     */
    Instant notBeforeAfter(
            Rung rung,
            TokenEndpointException failure,
            Instant now,
            Duration backoffStep,
            CredentialLockouts lockouts,
            String credentials) {
        return switch (rung) {
            case CREDENTIALS_REJECTED -> notBefore(lockouts.rejected(credentials, now, failure));
            case UNTIL_RESET -> notBefore(lockouts.untilReset(credentials, now, failure));
            case RATE_LIMITED -> now.plus(rateLimitWait(failure.getRetryAfter(), backoffStep));
            case TRANSIENT, BACK_OFF -> now.plus(backoffStep);
        };
    }

    /**
     * The quiet period after the given number of consecutive rejections, doubling each time; null once
     * {@value #MAX_REJECTED_ATTEMPTS} were rejected (no automatic attempt until reset).
     */
    Duration quietPeriodAfter(int rejections) {
        if (rejections >= MAX_REJECTED_ATTEMPTS) {
            return null;
        }
        return quietPeriod.multipliedBy(1L << Math.max(rejections - 1, 0));
    }

    /** The instant the next attempt is allowed after a remembered lockout; null: not before a reset. */
    Instant notBefore(CredentialLockouts.Lockout lockout) {
        if (lockout.untilReset()) {
            return null;
        }
        Duration quiet = quietPeriodAfter(lockout.rejections());
        return quiet == null ? null : lockout.lastRejectedAt().plus(quiet);
    }

    /**
     * The wait after a 429: what the service asked for (0, missing or in the past counts as nothing), at least the
     * current backoff step, at most {@code maxRetryAfter}.
     */
    Duration rateLimitWait(Duration retryAfter, Duration backoffStep) {
        Duration asked = retryAfter != null ? retryAfter : Duration.ZERO;
        return TokenTiming.min(TokenTiming.max(asked, backoffStep), maxRetryAfter);
    }
}
