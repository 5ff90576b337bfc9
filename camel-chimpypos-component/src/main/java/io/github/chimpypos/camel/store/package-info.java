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
/**
 * Shared token state: a {@link io.github.chimpypos.camel.store.TokenStore} keeps one versioned record per credential
 * set, so a restarted instance reuses its token and the instances of a cluster share one token family.
 *
 * <p>
 * Engines implement only load and compare-and-set; {@link io.github.chimpypos.camel.store.TokenStoreSession} writes
 * the protocol once on top of them (lease claim, commit, release, cluster-wide lockout). Stores outside the JVM extend
 * {@link io.github.chimpypos.camel.store.EncryptingTokenStore}: AES-256-GCM on the token values, bound to the record
 * key and version. See {@code docs/scale-out.md}.
 */
package io.github.chimpypos.camel.store;
