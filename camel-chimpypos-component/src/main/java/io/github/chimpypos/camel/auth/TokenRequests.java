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

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * How the provider's thread gets one token: a {@link TokenAcquisition} with the provider's own refresh token, run
 * through the {@link TokenSource}, which may hand over a refresh token from a shared token store instead. Every
 * acquisition stops retrying once the provider stops.
 */
final class TokenRequests {

    private final TokenProviderSettings settings;
    private final TokenSource source;
    private final Sleeper sleeper;
    private final TokenTiming timing;
    private final DoubleSupplier random;
    private final TokenCounters counters;

    TokenRequests(
            TokenProviderSettings settings,
            TokenSource source,
            Sleeper sleeper,
            TokenTiming timing,
            DoubleSupplier random,
            TokenCounters counters) {
        this.settings = settings;
        this.source = source;
        this.sleeper = sleeper;
        this.timing = timing;
        this.random = random;
        this.counters = counters;
    }

    /**
     * One acquisition through {@code client}, with its retries.
     *
     * @param ownRefreshToken the provider's refresh token when one may be presented, else null
     * @param keepOwn         told at once of a rotated (or spent) refresh token: (presented, next)
     * @param running         false once the provider stops: no further retry
     * @throws TokenEndpointException when no token was obtained
     */
    TokenAcquisition.Obtained obtain(
            TokenEndpointClient client,
            Supplier<String> ownRefreshToken,
            BiConsumer<String, String> keepOwn,
            BooleanSupplier running)
            throws InterruptedException {
        TokenAcquisition own = acquisition(client, ownRefreshToken, keepOwn, running);
        return source.obtain(
                own,
                (refreshToken, keep, mayRetry) -> acquisition(
                        client, refreshToken, keep, () -> running.getAsBoolean() && mayRetry.getAsBoolean()));
    }

    private TokenAcquisition acquisition(
            TokenEndpointClient client,
            Supplier<String> refreshToken,
            BiConsumer<String, String> keep,
            BooleanSupplier running) {
        return new TokenAcquisition(settings, client, sleeper, timing, random, counters, refreshToken, keep, running);
    }
}
