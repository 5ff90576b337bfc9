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

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;

/**
 * One token request failed, classified for the failure ladder of {@link DefaultTokenProvider}. Besides the reason,
 * HTTP status and OAuth error it carries the wait the service asked for ({@code Retry-After}). The message never
 * contains a request or response body, a credential or a token.
 */
public class TokenEndpointException extends ChimpyPosAuthenticationException {

    private final Duration retryAfter;
    /** A refresh token found in a 2xx answer that failed later checks: kept so that rotation never loses it. */
    private transient String refreshTokenInAnswer;

    private boolean outcomeUnknown;

    public TokenEndpointException(
            TokenFailureReason reason,
            int statusCode,
            String oauthError,
            String message,
            Throwable cause,
            Duration retryAfter) {
        super(reason, statusCode, oauthError, message, cause);
        this.retryAfter = retryAfter;
    }

    public TokenEndpointException(TokenFailureReason reason, int statusCode, String oauthError, String message) {
        this(reason, statusCode, oauthError, message, null, null);
    }

    /** How long the token service asked us to wait ({@code Retry-After}), or null when it did not say. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * Marks a failure after which the service may have processed the request (timeout or reset after sending): a
     * refresh token presented in it is never presented again.
     */
    public TokenEndpointException outcomeUnknown() {
        this.outcomeUnknown = true;
        return this;
    }

    /** Whether the service may have processed the request although no answer arrived. */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    TokenEndpointException withRefreshTokenInAnswer(String refreshToken) {
        this.refreshTokenInAnswer = refreshToken;
        return this;
    }

    /** Never in the message: the caller stores it like the refresh token of a good answer. */
    String refreshTokenInAnswer() {
        return refreshTokenInAnswer;
    }

    /**
     * Whether the service rejected the request itself (credentials, client, grant, audience): repeating it unchanged
     * cannot succeed and, for passwords, risks a brute-force lock.
     */
    public boolean isRejection() {
        return getReason() == TokenFailureReason.CREDENTIALS_REJECTED
                || getReason() == TokenFailureReason.ACCESS_DENIED
                || getReason() == TokenFailureReason.REQUEST_REJECTED;
    }

    /** Whether the same request may succeed when repeated after a backoff (outage, timeout, garbled answer). */
    public boolean isTransient() {
        return FailureLadder.rungOf(this) == FailureLadder.Rung.TRANSIENT;
    }
}
