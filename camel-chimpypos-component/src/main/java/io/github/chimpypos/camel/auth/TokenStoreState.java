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

/** How a token provider uses its token store, for operators; a provider without a store reports none. */
public enum TokenStoreState {
    /** Tokens are shared through the store. */
    IN_USE,
    /**
     * The store did not answer: this instance works with its own token (its own token family) and exchanges go on; it
     * returns to the store at the next renewal that reaches it.
     */
    DEGRADED
}
