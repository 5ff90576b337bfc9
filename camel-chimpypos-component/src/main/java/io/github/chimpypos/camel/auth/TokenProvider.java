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
 * One provider is shared by every endpoint that uses the same credentials, so implementations must be thread-safe
 * and must never let concurrent callers trigger more than one token request at a time.
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
