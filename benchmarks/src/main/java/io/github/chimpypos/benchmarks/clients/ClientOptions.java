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
