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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token answer turned into what the provider serves: its expiry (from {@code expires_in}, or the JWT's shorter
 * {@code exp - iat}), the instants until which it is served and from which its renewal is due, the round trip, and
 * the clock skew seen in the JWT's {@code iat}.
 *
 * @param token     the token with its expiry
 * @param served    the token with its deadlines in epoch millis
 * @param roundTrip from the request's start to the answer
 * @param skew      the token service's clock minus ours (whole seconds), or null without an {@code iat}
 */
record IssuedToken(AccessToken token, Served served, Duration roundTrip, Duration skew) {

    /** A skew beyond this is worth a warning: expiry is computed from our clock. */
    static final Duration SKEW_WARN_THRESHOLD = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(IssuedToken.class);

    /**
     * @param receivedAt when the answer arrived, by our clock
     * @param draw       a random draw in [0, 1) for the renewal jitter
     */
    static IssuedToken of(TokenAcquisition.Obtained obtained, Instant receivedAt, TokenTiming timing, double draw) {
        TokenResponse response = obtained.response();
        Instant requestStart = obtained.requestStart();
        Duration lifetime = Duration.ofSeconds(response.expiresIn());
        JwtClaims claims = JwtClaims.parse(response.accessToken()).orElse(null);
        Duration skew = null;
        if (claims != null && claims.issuedAt() != null) {
            // iat has whole seconds: compare it with the start truncated alike, or every token looks skewed.
            skew = Duration.between(requestStart.truncatedTo(ChronoUnit.SECONDS), claims.issuedAt());
        }
        Duration jwtLifetime = claims != null ? claims.lifetime().orElse(null) : null;
        if (jwtLifetime != null && jwtLifetime.compareTo(lifetime) < 0) {
            LOG.debug(
                    "The JWT lives {} s (exp - iat), shorter than expires_in {} s: using the shorter",
                    jwtLifetime.toSeconds(),
                    response.expiresIn());
            lifetime = jwtLifetime;
        }
        // iat and exp are whole seconds: the service started the token's life at the start of the second it was
        // issued in, up to a second before our request start; counting from our start would overrun its exp.
        Instant lifeStart = skew != null ? requestStart.truncatedTo(ChronoUnit.SECONDS) : requestStart;
        AccessToken token = new AccessToken(response.accessToken(), requestStart, lifeStart.plus(lifetime));
        Duration roundTrip = Duration.between(requestStart, receivedAt);
        Served served = new Served(
                token,
                TokenTiming.usableUntil(token).toEpochMilli(),
                timing.renewAt(token, receivedAt, roundTrip, draw).toEpochMilli());
        return new IssuedToken(token, served, roundTrip, skew);
    }

    boolean clockSkewed() {
        return skew != null && skew.abs().compareTo(SKEW_WARN_THRESHOLD) > 0;
    }

    Instant receivedAt() {
        return token.obtainedAt().plus(roundTrip);
    }

    /**
     * Says on {@code log} (the provider's, the logger operators know) that the token arrived (never its value), and
     * warns when the token service's clock is far from ours.
     */
    void log(Logger log, boolean renewed, String grantType) {
        if (clockSkewed()) {
            log.warn(
                    "The clock of the token service differs from ours by {} s (JWT iat vs. request time): token expiry"
                            + " is computed from expires_in and our clock, but check NTP on this host",
                    skew.toSeconds());
        }
        log.info(
                "{} a Chimpy access token via {}: expires at {}, renewal due at {}",
                renewed ? "Renewed" : "Obtained",
                grantType,
                token.expiresAt(),
                Instant.ofEpochMilli(served.renewAtMillis()));
    }
}
