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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** What the provider counts for operators; thread-safe, no secret. */
final class TokenCounters {

    private long tokenCalls;
    private long unauthorizedRenewals;
    private Instant lastSuccessAt;
    private Duration clockSkew;
    private final Map<String, Long> grants = new HashMap<>();
    private final Map<TokenFailureReason, Long> failures = new EnumMap<>(TokenFailureReason.class);

    synchronized void tokenCall() {
        tokenCalls++;
    }

    synchronized void unauthorizedRenewal() {
        unauthorizedRenewals++;
    }

    synchronized void failure(TokenFailureReason reason) {
        failures.merge(reason, 1L, Long::sum);
    }

    /** A token arrived; {@code skew} is null when the token says nothing about the service's clock. */
    synchronized void success(String grantType, Instant at, Duration skew) {
        grants.merge(grantType, 1L, Long::sum);
        lastSuccessAt = at;
        if (skew != null) {
            clockSkew = skew;
        }
    }

    /** The provider's status at {@code nowMillis}: what {@code state} shows, with these counters. */
    TokenProviderStatus status(TokenLifecycle state, long nowMillis, boolean renewing) {
        boolean usable = state.usableAt(nowMillis);
        return status(
                state.shownAt(nowMillis, renewing),
                usable ? state.token().token().expiresAt() : null,
                usable ? Duration.ofMillis(state.token().renewAtMillis() - nowMillis) : null,
                state.refreshToken() != null,
                state.consecutiveFailures(),
                state.lastFailure(),
                state.blockedAt(nowMillis) ? state.notBefore() : null);
    }

    /** Copies the counters into a status, together with the state the provider derived. */
    synchronized TokenProviderStatus status(
            TokenProviderState state,
            Instant tokenExpiresAt,
            Duration timeToRenewal,
            boolean refreshTokenHeld,
            int consecutiveFailures,
            TokenEndpointException lastFailure,
            Instant nextAttemptNotBefore) {
        return new TokenProviderStatus(
                state,
                tokenExpiresAt,
                timeToRenewal,
                refreshTokenHeld,
                tokenCalls,
                grants,
                grants.getOrDefault(TokenRequest.REFRESH_TOKEN, 0L),
                failures,
                unauthorizedRenewals,
                consecutiveFailures,
                lastFailure != null ? lastFailure.getReason() : null,
                lastFailure != null ? rootClass(lastFailure) : null,
                lastFailure != null ? lastFailure.getMessage() : null,
                lastSuccessAt,
                nextAttemptNotBefore,
                clockSkew);
    }

    private static String rootClass(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
