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

/**
 * Supplies access tokens for the Chimpy PoS API and hides their whole lifecycle: fetch, cache by {@code expires_in},
 * renew ahead of expiry, refresh token, fallback to the password grant, recovery after a 401.
 *
 * <p>
 * <b>Your own provider</b> (a bean set as the {@code tokenProvider} option) is shared by every endpoint that names it:
 * <ul>
 * <li>Lifecycle: when it is a Camel {@link org.apache.camel.Service} the component starts it before the first
 * endpoint using it starts and stops it after the last one stopped (counted per component); otherwise it must be
 * ready when the endpoint starts. It is never started twice without a stop in between.</li>
 * <li>Operability: when it also implements {@link ObservableTokenProvider} it gets an MBean, a dev-console entry,
 * a readiness health check and Camel events, exactly like the built-in {@link DefaultTokenProvider}.</li>
 * <li>Thread-safety: both methods are called concurrently from every exchange; they must be thread-safe and should
 * let at most one token request be in flight at a time (a refresh token presented twice revokes its family on
 * services with rotation).</li>
 * <li>Exceptions: throw {@link io.github.chimpypos.camel.ChimpyPosAuthenticationException} with a
 * {@link TokenFailureReason} when no token can be had; the exchange fails with it. Never put a secret in a message.
 * Any other runtime exception fails the exchange as it is.</li>
 * </ul>
 */
public interface TokenProvider {

    /**
     * Returns a token that is valid now. Blocks only when no usable token is cached, and then every caller waits on
     * the same single request.
     *
     * @throws io.github.chimpypos.camel.ChimpyPosAuthenticationException when no token can be obtained
     */
    AccessToken getToken();

    /**
     * Called when the API answered 401 for {@code rejected}. Invalidates it only if it is still the current token
     * (another caller may have renewed it already) and returns a fresh token, again single-flight.
     *
     * @throws io.github.chimpypos.camel.ChimpyPosAuthenticationException when no token can be obtained
     */
    AccessToken renewAfterUnauthorized(AccessToken rejected);
}
