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
package io.github.chimpypos.camel;

import io.github.chimpypos.camel.auth.TokenFailureReason;

/**
 * No access token could be obtained, or the API rejected a fresh one. {@link #getReason()} says why in terms an
 * operator can act on; the message never contains credentials or tokens.
 */
public class ChimpyPosAuthenticationException extends ChimpyPosException {

    private final TokenFailureReason reason;
    private final int statusCode;
    private final String oauthError;

    public ChimpyPosAuthenticationException(
            TokenFailureReason reason, int statusCode, String oauthError, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.statusCode = statusCode;
        this.oauthError = oauthError;
    }

    public ChimpyPosAuthenticationException(TokenFailureReason reason, String message) {
        this(reason, 0, null, message, null);
    }

    /** Why authentication failed. */
    public TokenFailureReason getReason() {
        return reason;
    }

    /** HTTP status of the failing response, or 0 when there was none (timeout, connection refused). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The OAuth {@code error} code of the token service (e.g. {@code invalid_grant}), or null. */
    public String getOauthError() {
        return oauthError;
    }
}
