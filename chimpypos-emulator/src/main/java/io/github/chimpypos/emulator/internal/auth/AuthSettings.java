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
package io.github.chimpypos.emulator.internal.auth;

import java.time.Duration;
import java.util.Objects;

import io.github.chimpypos.emulator.DemoCredentials;

/** Token-service settings; only the access-token lifetime may change while running. */
public final class AuthSettings {

    /** Auth0's default absolute lifetime of a rotating refresh-token family. */
    public static final Duration REFRESH_TOKEN_ABSOLUTE_LIFETIME = Duration.ofDays(30);

    private final DemoCredentials credentials;
    private final String issuer;
    private final Duration defaultAccessTokenLifetime;
    private final boolean rotation;
    private final Duration reuseInterval;
    private final int bruteForceThreshold;
    private final Duration bruteForceLockDuration;
    private volatile Duration accessTokenLifetime;

    public AuthSettings(
            DemoCredentials credentials,
            String issuer,
            Duration accessTokenLifetime,
            boolean rotation,
            Duration reuseInterval,
            int bruteForceThreshold,
            Duration bruteForceLockDuration) {
        this.credentials = Objects.requireNonNull(credentials);
        this.issuer = Objects.requireNonNull(issuer);
        this.defaultAccessTokenLifetime = requirePositive(accessTokenLifetime, "access token lifetime");
        this.accessTokenLifetime = defaultAccessTokenLifetime;
        this.rotation = rotation;
        this.reuseInterval = Objects.requireNonNull(reuseInterval);
        this.bruteForceThreshold = bruteForceThreshold;
        this.bruteForceLockDuration = Objects.requireNonNull(bruteForceLockDuration);
    }

    public static Duration requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 second: " + duration);
        }
        return duration;
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    public String issuer() {
        return issuer;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = requirePositive(lifetime, "access token lifetime");
    }

    public void resetAccessTokenLifetime() {
        this.accessTokenLifetime = defaultAccessTokenLifetime;
    }

    public boolean rotation() {
        return rotation;
    }

    public Duration reuseInterval() {
        return reuseInterval;
    }

    public int bruteForceThreshold() {
        return bruteForceThreshold;
    }

    public Duration bruteForceLockDuration() {
        return bruteForceLockDuration;
    }

    /** The Auth0-style subject of the demo user. */
    public String userSubject() {
        return "auth0|sandbox-shop-0001";
    }
}
