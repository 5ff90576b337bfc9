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

/** Where a token provider stands, for health checks, JMX and the dev console. */
public enum TokenProviderState {
    /** No token held and nothing failed yet (not used yet, or the token was invalidated). */
    NO_TOKEN,
    /** A token valid now is held and no request is in flight. */
    VALID,
    /** A token request is in flight (cold start, renewal in the background, or after a 401). */
    RENEWING,
    /** No valid token is held and the last attempt failed; a new attempt is made once the backoff allows it. */
    FAILING,
    /** The token service rejected the credentials; no attempt is made until the quiet period ends or a reset. */
    CREDENTIALS_LOCKED
}
