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
package io.github.chimpypos.benchmarks.clients;

import java.time.Duration;

/**
 * Settings every client under test gets alike, so that only the way of handling tokens differs.
 *
 * @param maxConnections          connection pool size, per route and in total, for every client
 * @param refreshMargin           our component's {@code refreshMargin}; null keeps its default
 * @param peerExpiryMarginSeconds camel-http's {@code oauth2CachedTokensExpirationMarginSeconds} (whole seconds)
 */
public record ClientOptions(int maxConnections, Duration refreshMargin, long peerExpiryMarginSeconds) {

    public static ClientOptions defaults() {
        return new ClientOptions(32, null, 5);
    }

    public ClientOptions withMaxConnections(int value) {
        return new ClientOptions(value, refreshMargin, peerExpiryMarginSeconds);
    }

    public ClientOptions withRefreshMargin(Duration value) {
        return new ClientOptions(maxConnections, value, peerExpiryMarginSeconds);
    }

    public ClientOptions withPeerExpiryMarginSeconds(long value) {
        return new ClientOptions(maxConnections, refreshMargin, value);
    }
}
