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
     * Whether the service rejected the request itself (credentials, client, grant, audience): repeating it unchanged
     * cannot succeed and, for passwords, risks a brute-force lock.
     */
    public boolean isRejection() {
        return getReason() == TokenFailureReason.CREDENTIALS_REJECTED
                || getReason() == TokenFailureReason.ACCESS_DENIED;
    }

    /** Whether the same request may succeed when repeated after a backoff (outage, timeout, garbled answer). */
    public boolean isTransient() {
        return getReason() == TokenFailureReason.AUTH_SERVICE_UNAVAILABLE
                || getReason() == TokenFailureReason.MALFORMED_RESPONSE;
    }
}
