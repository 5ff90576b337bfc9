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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.chimpypos.camel.auth.TokenEndpointException;
import io.github.chimpypos.camel.auth.TokenFailureMessages;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import io.github.chimpypos.camel.auth.TokenStoreState;

/**
 * The readiness verdict on a token provider: up or down, a message that says why in an operator's words, and
 * details, all without secrets. The Camel health check, the dev console and a Spring health indicator render it.
 *
 * <p>
 * Judged from a status snapshot alone: the verdict never requests a token, so a probe never waits for the token
 * service. Up while a valid token is held (even when its renewal fails: exchanges still succeed until it expires),
 * while the first token is being obtained, before any was requested, and once the wait after a failure that fixes
 * itself (outage, rate limit, TLS failure, malformed answer) is over: the traffic readiness lets through makes the
 * next attempt. Down when no valid token is held while a wait is in force (backoff, Retry-After, lockout) or the
 * credentials were rejected, access denied or the request refused as configured, which only an operator fixes.
 *
 * @param up      whether exchanges can get an access token now
 * @param message what an operator needs to know first
 * @param details state and counters, keyed like Camel health details ({@code token.state}, ...)
 */
public record TokenProviderHealth(boolean up, String message, Map<String, Object> details) {

    /** Reasons that only an operator fixes: down until then, even when no wait is in force. */
    private static final Set<TokenFailureReason> NEEDS_AN_OPERATOR = Set.of(
            TokenFailureReason.CREDENTIALS_REJECTED,
            TokenFailureReason.ACCESS_DENIED,
            TokenFailureReason.REQUEST_REJECTED);

    /** The first words of the message while the token store does not answer. */
    public static final String STORE_DEGRADED =
            "DEGRADED: the token store does not answer, this instance works with its own token; ";

    public TokenProviderHealth {
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Judges a status snapshot as it is. A token store that does not answer makes the verdict DEGRADED, not down: the
     * instance works with its own token, so readiness follows the token alone and the message says it.
     */
    public static TokenProviderHealth of(TokenProviderStatus status) {
        TokenProviderHealth verdict = judge(status);
        if (status.tokenStore() != TokenStoreState.DEGRADED) {
            return verdict;
        }
        return new TokenProviderHealth(verdict.up(), STORE_DEGRADED + verdict.message(), verdict.details());
    }

    private static TokenProviderHealth judge(TokenProviderStatus status) {
        Map<String, Object> details = TokenStatusView.of(status).details();
        TokenProviderState state = status.state();
        if (status.tokenExpiresAt() != null) {
            return new TokenProviderHealth(true, validTokenMessage(status), details);
        }
        boolean failed = status.consecutiveFailures() > 0 && status.lastFailureReason() != null;
        if (state == TokenProviderState.CREDENTIALS_LOCKED
                || failed && (status.nextAttemptNotBefore() != null || needsAnOperator(status.lastFailureReason()))) {
            return new TokenProviderHealth(false, noTokenMessage(status), details);
        }
        if (failed) {
            // the wait is over: ready again, so that the traffic a readiness probe lets through makes the next try
            return new TokenProviderHealth(true, noTokenMessage(status), details);
        }
        String message = state == TokenProviderState.RENEWING
                ? "Obtaining an access token"
                : "No access token requested yet; the first exchange obtains one";
        return new TokenProviderHealth(true, message, details);
    }

    private static String validTokenMessage(TokenProviderStatus status) {
        StringBuilder message = new StringBuilder("Access token valid until ").append(status.tokenExpiresAt());
        if (status.timeToRenewal() != null) {
            message.append(", renewal due in ").append(TokenStatusView.text(status.timeToRenewal()));
        }
        if (status.state() == TokenProviderState.CREDENTIALS_LOCKED) {
            message.append("; but renewing it failed: ")
                    .append(reasonText(status.lastFailureReason()))
                    .append(
                            status.nextAttemptNotBefore() != null
                                    ? "; no new attempt until " + status.nextAttemptNotBefore()
                                    : "; no automatic attempt until an operator resets the credentials lockout")
                    .append(", exchanges fail once this token expires - fix them, then "
                            + TokenFailureMessages.HOW_TO_RESET);
        } else if (status.consecutiveFailures() > 0 && status.lastFailureReason() != null) {
            message.append("; renewing it failed ")
                    .append(status.consecutiveFailures())
                    .append(" time(s): ")
                    .append(reasonText(status.lastFailureReason()));
            if (status.nextAttemptNotBefore() != null) {
                message.append("; next attempt not before ").append(status.nextAttemptNotBefore());
            }
        } else if (status.state() == TokenProviderState.RENEWING) {
            message.append("; renewing it now");
        }
        return message.toString();
    }

    private static String noTokenMessage(TokenProviderStatus status) {
        TokenFailureReason reason = status.lastFailureReason();
        StringBuilder message = new StringBuilder("No access token: ").append(reasonText(reason));
        // the root cause's class says more than the message for I/O and TLS failures; an HTTP error has none
        if (status.lastErrorClass() != null
                && !status.lastErrorClass().equals(TokenEndpointException.class.getName())
                && (reason == TokenFailureReason.AUTH_SERVICE_UNAVAILABLE
                        || reason == TokenFailureReason.TLS_FAILURE)) {
            message.append(" (").append(status.lastErrorClass()).append(')');
        }
        if (status.nextAttemptNotBefore() != null) {
            message.append("; no new attempt until ").append(status.nextAttemptNotBefore());
        } else if (status.state() == TokenProviderState.CREDENTIALS_LOCKED) {
            message.append("; no automatic attempt until an operator resets the credentials lockout");
        } else if (status.state() == TokenProviderState.RENEWING) {
            message.append("; trying again now");
        } else {
            message.append("; the next exchange tries again");
        }
        if (needsAnOperator(reason) && status.state() == TokenProviderState.CREDENTIALS_LOCKED) {
            message.append(" - fix them, then ").append(TokenFailureMessages.HOW_TO_RESET);
        }
        return message.toString();
    }

    private static boolean needsAnOperator(TokenFailureReason reason) {
        return reason != null && NEEDS_AN_OPERATOR.contains(reason);
    }

    /** What went wrong, in an operator's words. */
    public static String reasonText(TokenFailureReason reason) {
        if (reason == null) {
            return "no token obtained yet";
        }
        return switch (reason) {
            case CREDENTIALS_REJECTED -> "credentials rejected by the token service";
            case ACCESS_DENIED -> "access denied by the token service (check audience, scope and grantType)";
            case RATE_LIMITED -> "rate limited by the token service";
            case AUTH_SERVICE_UNAVAILABLE -> "token service unreachable or failing";
            case MALFORMED_RESPONSE -> "the token service answered something that is not a token response";
            case TOKEN_REJECTED_BY_API -> "the PoS API rejects freshly obtained tokens (check audience and clientId)";
            case REQUEST_REJECTED -> "the token service refused the request as configured (check tokenUrl)";
            case TLS_FAILURE ->
                "TLS handshake with the token service failed (check the trust store, the certificate and the host name)";
        };
    }
}
