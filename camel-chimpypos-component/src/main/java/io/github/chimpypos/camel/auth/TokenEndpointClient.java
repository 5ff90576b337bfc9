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
 * Sends one request to the token service and returns the validated answer, or throws a {@link TokenEndpointException}
 * that classifies the failure. No retries, no caching: the lifecycle lives in {@link DefaultTokenProvider}.
 */
public interface TokenEndpointClient extends AutoCloseable {

    /**
     * @throws TokenEndpointException when the request failed or the answer is not a usable token response
     */
    TokenResponse requestToken(TokenRequest request);

    /** Releases connections. The default does nothing. */
    @Override
    default void close() {}
}
