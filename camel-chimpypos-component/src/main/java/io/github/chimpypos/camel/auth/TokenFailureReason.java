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

/** Why the token lifecycle failed, as an operator needs to know it (health checks, JMX, exceptions). */
public enum TokenFailureReason {
    /** The token service rejected the credentials (wrong password, unknown client, unauthorized grant,
     * user blocked after failed logins). */
    CREDENTIALS_REJECTED,
    /** The token service refused the audience or otherwise denied access for this client. */
    ACCESS_DENIED,
    /** The token service asked us to slow down (HTTP 429); a user blocked by brute-force protection is {@link #CREDENTIALS_REJECTED}. */
    RATE_LIMITED,
    /** The token service could not be reached or answered with a server error (5xx, timeout, reset). */
    AUTH_SERVICE_UNAVAILABLE,
    /** The token service answered something that is not a usable token response. */
    MALFORMED_RESPONSE,
    /** The PoS API rejected a freshly obtained token (second 401 in a row). */
    TOKEN_REJECTED_BY_API,
    /** The TLS handshake failed (untrusted certificate, hostname mismatch, protocol). */
    TLS_FAILURE,
    /**
     * The token service refused the request as configured with a 4xx other than 401, 403 and 429, or redirected it
     * (wrong tokenUrl, parameters the service does not accept): not retried until reset or a configuration change.
     */
    REQUEST_REJECTED,
    /**
     * The forward proxy could not be reached or refused the tunnel (407, a 403 by policy, 502, a 401 from a proxy that
     * answers wrongly): a network failure with bounded backoff, never a rejection of the credentials.
     */
    PROXY_FAILURE
}
