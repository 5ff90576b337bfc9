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

/**
 * Notified by a {@link ObservableTokenProvider} about the token lifecycle, e.g. to raise Camel events. Called on the
 * provider's renewal thread, after its lock is released; implementations must be quick and must not throw (a thrown
 * exception is logged and ignored). No argument carries a secret.
 */
public interface TokenProviderListener {

    /**
     * A token was obtained while none was held (cold start, or after a 401 invalidated the previous one).
     *
     * @param grantType {@code password}, {@code client_credentials} or {@code refresh_token}
     */
    default void onTokenObtained(String grantType, Instant expiresAt) {}

    /**
     * A new token replaced a previous one (renewal ahead of or after expiry).
     *
     * @param grantType {@code password}, {@code client_credentials} or {@code refresh_token}
     */
    default void onTokenRenewed(String grantType, Instant expiresAt) {}

    /** An acquisition failed for good (after its retries); {@code failure} says why without secrets. */
    default void onTokenFailure(TokenFailureReason reason, ChimpyPosAuthenticationException failure) {}
}
