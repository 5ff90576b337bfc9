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
package io.github.chimpypos.camel.operability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.ToLongFunction;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import io.github.chimpypos.camel.auth.TokenProviderRegistry;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import io.github.chimpypos.camel.auth.TokenStoreState;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/**
 * One shared token provider over JMX: state, expiry, counters and the last error, never a token or a credential.
 * Instants are ISO-8601 strings (UTC), durations milliseconds; an attribute without value is null. The counters count
 * from the last {@link #resetStatistics()} (the provider's own totals, as the dev console shows them, go on).
 */
@ManagedResource(description = "Chimpy PoS token provider: access token state and counters (no secrets)")
public class ManagedTokenProvider {

    private final ObservableTokenProvider provider;
    private final TokenProviderIdentity identity;
    private final TokenProviderRegistry registry;
    private final Clock clock;
    private volatile TokenProviderStatus baseline;
    private volatile Instant statisticsSince;

    public ManagedTokenProvider(
            ObservableTokenProvider provider,
            TokenProviderIdentity identity,
            TokenProviderRegistry registry,
            Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.registry = registry;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @ManagedAttribute(description = "The client id")
    public String getClientId() {
        return identity.clientId();
    }

    @ManagedAttribute(description = "The token service URL")
    public String getTokenUrl() {
        return identity.tokenUrl();
    }

    @ManagedAttribute(description = "The grant used without a refresh token: password or client_credentials")
    public String getGrantType() {
        return identity.grantType();
    }

    @ManagedAttribute(description = "The API identifier (audience) requested")
    public String getAudience() {
        return identity.audience();
    }

    @ManagedAttribute(description = "How many endpoints share this provider")
    public int getEndpoints() {
        return registry != null ? registry.users(provider) : 0;
    }

    @ManagedAttribute(description = "NO_TOKEN, VALID, RENEWING, FAILING or CREDENTIALS_LOCKED")
    public String getState() {
        return provider.status().state().name();
    }

    @ManagedAttribute(description = "Expiry of the valid access token held, or null")
    public String getTokenExpiresAt() {
        return text(provider.status().tokenExpiresAt());
    }

    @ManagedAttribute(
            description = "Milliseconds until the renewal ahead of expiry is due (negative when overdue),"
                    + " or null without a valid token")
    public Long getTimeToRenewalMillis() {
        Duration timeToRenewal = provider.status().timeToRenewal();
        return timeToRenewal != null ? timeToRenewal.toMillis() : null;
    }

    @ManagedAttribute(description = "Whether a refresh token is held (its value is never shown)")
    public boolean isRefreshTokenHeld() {
        return provider.status().refreshTokenHeld();
    }

    @ManagedAttribute(description = "Token requests sent, successful or not")
    public long getTokenCalls() {
        return counters().tokenCalls() - base(TokenProviderStatus::tokenCalls);
    }

    @ManagedAttribute(description = "Tokens obtained with the password grant")
    public long getPasswordGrants() {
        return grants("password");
    }

    @ManagedAttribute(description = "Tokens obtained with the client_credentials grant")
    public long getClientCredentialsGrants() {
        return grants("client_credentials");
    }

    @ManagedAttribute(description = "Tokens obtained with the refresh token (sliding session)")
    public long getRefreshes() {
        return counters().refreshes() - base(TokenProviderStatus::refreshes);
    }

    @ManagedAttribute(description = "Renewals after the API answered 401 for a token")
    public long getUnauthorizedRenewals() {
        return counters().unauthorizedRenewals() - base(TokenProviderStatus::unauthorizedRenewals);
    }

    @ManagedAttribute(description = "Failed token requests, all reasons")
    public long getFailures() {
        TokenProviderStatus now = counters();
        long total = 0;
        for (TokenFailureReason reason : TokenFailureReason.values()) {
            total += failures(now, reason);
        }
        return total;
    }

    @ManagedAttribute(description = "Token requests whose credentials the token service rejected")
    public long getFailuresCredentialsRejected() {
        return failures(counters(), TokenFailureReason.CREDENTIALS_REJECTED);
    }

    @ManagedAttribute(description = "Token requests the token service denied (audience, scope, grant)")
    public long getFailuresAccessDenied() {
        return failures(counters(), TokenFailureReason.ACCESS_DENIED);
    }

    @ManagedAttribute(description = "Token requests the token service rate limited (HTTP 429)")
    public long getFailuresRateLimited() {
        return failures(counters(), TokenFailureReason.RATE_LIMITED);
    }

    @ManagedAttribute(description = "Token requests that found the token service unreachable or failing (5xx, timeout)")
    public long getFailuresAuthServiceUnavailable() {
        return failures(counters(), TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
    }

    @ManagedAttribute(description = "Token responses that were not usable (no access_token, bad expires_in, HTML)")
    public long getFailuresMalformedResponse() {
        return failures(counters(), TokenFailureReason.MALFORMED_RESPONSE);
    }

    @ManagedAttribute(description = "Fresh tokens the PoS API kept rejecting (HTTP 401 twice in a row)")
    public long getFailuresTokenRejectedByApi() {
        return failures(counters(), TokenFailureReason.TOKEN_REJECTED_BY_API);
    }

    @ManagedAttribute(description = "Token requests whose TLS handshake failed")
    public long getFailuresTlsFailure() {
        return failures(counters(), TokenFailureReason.TLS_FAILURE);
    }

    @ManagedAttribute(description = "Failed acquisitions since the last success")
    public int getConsecutiveFailures() {
        return provider.status().consecutiveFailures();
    }

    @ManagedAttribute(description = "Reason of the last failure, or null")
    public String getLastFailureReason() {
        TokenFailureReason reason = provider.status().lastFailureReason();
        return reason != null ? reason.name() : null;
    }

    @ManagedAttribute(description = "Class of the last failure's root cause, or null")
    public String getLastErrorClass() {
        return provider.status().lastErrorClass();
    }

    @ManagedAttribute(description = "Message of the last failure (never holds a secret), or null")
    public String getLastErrorMessage() {
        return provider.status().lastErrorMessage();
    }

    @ManagedAttribute(description = "When the last token was obtained, or null")
    public String getLastSuccessAt() {
        return text(provider.status().lastSuccessAt());
    }

    @ManagedAttribute(
            description =
                    "No token request before this instant (backoff, Retry-After, credentials lockout)," + " or null")
    public String getNextAttemptNotBefore() {
        return text(provider.status().nextAttemptNotBefore());
    }

    @ManagedAttribute(description = "Token service clock minus ours in milliseconds (from the JWT iat), or null")
    public Long getClockSkewMillis() {
        Duration skew = provider.status().estimatedClockSkew();
        return skew != null ? skew.toMillis() : null;
    }

    @ManagedAttribute(
            description = "How the token store is used: IN_USE, DEGRADED (it does not answer, this instance works with"
                    + " its own token), or null without a store")
    public String getTokenStore() {
        TokenStoreState state = provider.status().tokenStore();
        return state != null ? state.name() : null;
    }

    @ManagedAttribute(description = "Since when the counters count (start or last resetStatistics), or null for start")
    public String getStatisticsSince() {
        return text(statisticsSince);
    }

    @ManagedOperation(
            description = "Ends a credentials lockout before its quiet period is over, after the credentials"
                    + " were fixed; the next exchange (or health check) tries again")
    public void resetCredentialsLockout() {
        provider.resetCredentialsLockout();
    }

    @ManagedOperation(description = "Sets the counters shown here back to zero")
    public void resetStatistics() {
        baseline = provider.status();
        statisticsSince = clock.instant();
    }

    private TokenProviderStatus counters() {
        return provider.status();
    }

    private long grants(String grantType) {
        TokenProviderStatus from = baseline;
        return counters().grants(grantType) - (from != null ? from.grants(grantType) : 0);
    }

    private long failures(TokenProviderStatus now, TokenFailureReason reason) {
        TokenProviderStatus from = baseline;
        return now.failures(reason) - (from != null ? from.failures(reason) : 0);
    }

    private long base(ToLongFunction<TokenProviderStatus> counter) {
        TokenProviderStatus from = baseline;
        return from != null ? counter.applyAsLong(from) : 0;
    }

    private static String text(Instant instant) {
        return instant != null ? instant.toString() : null;
    }

    @Override
    public String toString() {
        return "ManagedTokenProvider[" + identity.displayName() + "]";
    }
}
