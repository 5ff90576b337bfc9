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

import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.slf4j.Logger;

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

    static IssuedToken of(TokenAcquisition.Obtained obtained, Instant receivedAt, TokenTiming timing, double draw) {
        return of(obtained, receivedAt, null, timing, draw);
    }

    /**
     * @param receivedAt    when the answer arrived, by our clock
     * @param lastRoundTrip the last measured token round trip, or null; used for a token adopted from a store, which
     *                      made no round trip of its own but is renewed by a call like any other
     * @param draw          a random draw in [0, 1) for the renewal jitter
     */
    static IssuedToken of(
            TokenAcquisition.Obtained obtained,
            Instant receivedAt,
            Duration lastRoundTrip,
            TokenTiming timing,
            double draw) {
        AccessToken token = obtained.accessToken();
        Duration roundTrip =
                obtained.isAdopted() ? lastRoundTrip : Duration.between(obtained.requestStart(), receivedAt);
        Served served = new Served(
                token,
                TokenTiming.usableUntil(token).toEpochMilli(),
                timing.renewAt(token, receivedAt, roundTrip, draw).toEpochMilli());
        return new IssuedToken(token, served, roundTrip, obtained.skew());
    }

    boolean clockSkewed() {
        return skew != null && skew.abs().compareTo(SKEW_WARN_THRESHOLD) > 0;
    }

    Instant receivedAt() {
        return roundTrip == null ? token.obtainedAt() : token.obtainedAt().plus(roundTrip);
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
