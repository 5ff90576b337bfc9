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
import java.util.Map;

/**
 * A snapshot of a token provider for operators. Holds no secret: no token, no refresh token, no credential.
 *
 * @param state                where the provider stands
 * @param tokenExpiresAt       expiry of the held access token, or null
 * @param timeToRenewal        time until the background renewal is due (negative when overdue), or null without token
 * @param refreshTokenHeld     whether a refresh token is held
 * @param tokenCalls           token requests sent, successful or not
 * @param grantsByType         successful token responses by {@code grant_type} ({@code password},
 *                             {@code client_credentials}, {@code refresh_token})
 * @param refreshes            successful renewals with a refresh token
 * @param failuresByReason     failed token requests by reason
 * @param unauthorizedRenewals calls of {@link TokenProvider#renewAfterUnauthorized} (401 answers of the API)
 * @param consecutiveFailures  failed acquisitions since the last success
 * @param lastFailureReason    reason of the last failure, or null
 * @param lastErrorClass       class of the last failure's root cause (e.g. {@code java.net.ConnectException}), or null
 * @param lastErrorMessage     message of the last failure (never holds a secret), or null
 * @param lastSuccessAt        when the last token was obtained, or null
 * @param nextAttemptNotBefore no token request before this instant (backoff, Retry-After, lockout), or null
 * @param estimatedClockSkew   token service clock minus ours, from the JWT {@code iat}; null when unknown
 * @param tokenStore           how the token store is used, or null without a store
 */
public record TokenProviderStatus(
        TokenProviderState state,
        Instant tokenExpiresAt,
        Duration timeToRenewal,
        boolean refreshTokenHeld,
        long tokenCalls,
        Map<String, Long> grantsByType,
        long refreshes,
        Map<TokenFailureReason, Long> failuresByReason,
        long unauthorizedRenewals,
        int consecutiveFailures,
        TokenFailureReason lastFailureReason,
        String lastErrorClass,
        String lastErrorMessage,
        Instant lastSuccessAt,
        Instant nextAttemptNotBefore,
        Duration estimatedClockSkew,
        TokenStoreState tokenStore) {

    public TokenProviderStatus {
        grantsByType = Map.copyOf(grantsByType);
        failuresByReason = Map.copyOf(failuresByReason);
    }

    /** A status without a token store, as providers built before stores existed report it. */
    public TokenProviderStatus(
            TokenProviderState state,
            Instant tokenExpiresAt,
            Duration timeToRenewal,
            boolean refreshTokenHeld,
            long tokenCalls,
            Map<String, Long> grantsByType,
            long refreshes,
            Map<TokenFailureReason, Long> failuresByReason,
            long unauthorizedRenewals,
            int consecutiveFailures,
            TokenFailureReason lastFailureReason,
            String lastErrorClass,
            String lastErrorMessage,
            Instant lastSuccessAt,
            Instant nextAttemptNotBefore,
            Duration estimatedClockSkew) {
        this(
                state,
                tokenExpiresAt,
                timeToRenewal,
                refreshTokenHeld,
                tokenCalls,
                grantsByType,
                refreshes,
                failuresByReason,
                unauthorizedRenewals,
                consecutiveFailures,
                lastFailureReason,
                lastErrorClass,
                lastErrorMessage,
                lastSuccessAt,
                nextAttemptNotBefore,
                estimatedClockSkew,
                null);
    }

    /** This status with the token store's state. */
    public TokenProviderStatus withTokenStore(TokenStoreState state) {
        return new TokenProviderStatus(
                this.state,
                tokenExpiresAt,
                timeToRenewal,
                refreshTokenHeld,
                tokenCalls,
                grantsByType,
                refreshes,
                failuresByReason,
                unauthorizedRenewals,
                consecutiveFailures,
                lastFailureReason,
                lastErrorClass,
                lastErrorMessage,
                lastSuccessAt,
                nextAttemptNotBefore,
                estimatedClockSkew,
                state);
    }

    /** Successful token responses of one grant type; 0 when none. */
    public long grants(String grantType) {
        return grantsByType.getOrDefault(grantType, 0L);
    }

    /** Failed token requests for one reason; 0 when none. */
    public long failures(TokenFailureReason reason) {
        return failuresByReason.getOrDefault(reason, 0L);
    }
}
