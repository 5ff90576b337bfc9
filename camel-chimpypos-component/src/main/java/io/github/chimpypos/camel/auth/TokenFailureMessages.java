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

import java.time.Instant;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;

/** What a caller is told while no token request may be sent: why, until when, and what to do. No secret. */
public final class TokenFailureMessages {

    public static final String HOW_TO_RESET = "reset the credentials lockout (JMX operation resetCredentialsLockout on"
            + " org.apache.camel:type=chimpypos, ObservableTokenProvider.resetCredentialsLockout(), or the Spring Boot"
            + " actuator endpoint chimpypos)";

    private TokenFailureMessages() {}

    static ChimpyPosAuthenticationException blocked(
            TokenProviderSettings settings,
            TokenEndpointException failure,
            FailureLadder.Rung rung,
            Instant notBefore) {
        if (failure == null) {
            return new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "No access token; no new attempt until " + notBefore);
        }
        String code = failure.getOauthError() != null
                ? failure.getOauthError()
                : failure.getStatusCode() > 0
                        ? "HTTP " + failure.getStatusCode()
                        : failure.getReason().name();
        boolean credentials = failure.getReason() == TokenFailureReason.CREDENTIALS_REJECTED;
        String message;
        if (credentials && notBefore == null) {
            message = "The credentials of client " + settings.clientId() + " were rejected by the token service ("
                    + code + "): " + failure.getMessage() + "; no automatic attempt any more (at most "
                    + FailureLadder.MAX_REJECTED_ATTEMPTS + " rejected attempts in a row, so that the token service"
                    + " never locks the account) - fix the credentials, then " + HOW_TO_RESET;
        } else if (credentials) {
            message = "The credentials of client " + settings.clientId() + " were rejected by the token service ("
                    + code + "): " + failure.getMessage() + "; no new attempt until " + notBefore
                    + " (at most " + FailureLadder.MAX_REJECTED_ATTEMPTS + " rejected attempts in a row) - fix the"
                    + " credentials, then " + HOW_TO_RESET;
        } else if (rung == FailureLadder.Rung.UNTIL_RESET || notBefore == null) {
            message = "The token service refused the token request of client " + settings.clientId() + " as"
                    + " configured (" + code + "): " + failure.getMessage() + "; no automatic attempt until the"
                    + " configuration changes - fix it, then " + HOW_TO_RESET;
        } else {
            message = failure.getMessage() + "; no new attempt until " + notBefore;
        }
        return new ChimpyPosAuthenticationException(
                failure.getReason(), failure.getStatusCode(), failure.getOauthError(), message, failure);
    }
}
