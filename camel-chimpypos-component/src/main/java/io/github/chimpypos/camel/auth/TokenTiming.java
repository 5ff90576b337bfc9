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

/**
 * When a token is served, when its renewal is due, how long to back off: pure functions of the settings, the token
 * and a random draw in [0, 1), so that every rule can be checked on a table of cases.
 */
final class TokenTiming {

    /** A token is treated as expired this much before its expiry (at most a tenth of its life) for latency. */
    static final Duration MAX_EXPIRY_GUARD = Duration.ofSeconds(5);
    /**
     * The renewal margin is lengthened by up to this fraction so that many clients do not renew in lockstep. A few
     * percent de-synchronise many JVMs as well as 20 % did; every further percent is a percent of each token's life
     * thrown away, which for short lifetimes means measurably more token calls.
     */
    static final double MARGIN_JITTER = 0.05;
    /**
     * The least lead the renewal gets over the expiry guard, and twice the round trip it is compared with: a renewal
     * must finish before the token stops being served, and a round trip measured on a quiet moment can be short.
     */
    static final Duration MIN_RENEWAL_LEAD = Duration.ofMillis(100);

    private final Duration refreshMargin;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    TokenTiming(Duration refreshMargin, Duration initialBackoff, Duration maxBackoff) {
        this.refreshMargin = refreshMargin;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    static TokenTiming of(TokenProviderSettings settings) {
        return new TokenTiming(settings.refreshMargin(), settings.retryInitialBackoff(), settings.retryMaxBackoff());
    }

    static Duration expiryGuard(Duration lifetime) {
        return min(MAX_EXPIRY_GUARD, lifetime.dividedBy(10));
    }

    /** The instant after which the token is no longer served. */
    static Instant usableUntil(AccessToken token) {
        return token.expiresAt().minus(expiryGuard(token.lifetime()));
    }

    /** Twice the last measured round trip (null: none yet), at least {@link #MIN_RENEWAL_LEAD}. */
    static Duration renewalLead(Duration lastRoundTrip) {
        if (lastRoundTrip == null) {
            return MIN_RENEWAL_LEAD;
        }
        Duration lead = lastRoundTrip.multipliedBy(2);
        return lead.compareTo(MIN_RENEWAL_LEAD) < 0 ? MIN_RENEWAL_LEAD : lead;
    }

    /**
     * The margin before expiry at which a renewal starts: the configured margin, at least the expiry guard plus the
     * renewal lead (so the renewal normally completes while the token is still served), and at most a third of the
     * lifetime (so short-lived tokens never renew in a loop, however slow the token service is).
     */
    Duration margin(Duration lifetime, Duration lastRoundTrip) {
        Duration floor = expiryGuard(lifetime).plus(renewalLead(lastRoundTrip));
        Duration margin = refreshMargin.compareTo(floor) < 0 ? floor : refreshMargin;
        return min(margin, lifetime.dividedBy(3));
    }

    /**
     * When the renewal of {@code token}, received at {@code receivedAt}, is due. Never before half of what was left
     * of the token's served life when it arrived: a token call that takes most of the lifetime would otherwise start
     * the next renewal the moment a token arrives, and renewals would run back to back.
     */
    Instant renewAt(AccessToken token, Instant receivedAt, Duration lastRoundTrip, double draw) {
        Duration margin = margin(token.lifetime(), lastRoundTrip);
        long jitterMillis = (long) (margin.toMillis() * MARGIN_JITTER * draw);
        Instant due = token.expiresAt().minus(margin).minusMillis(jitterMillis);
        Instant usableUntil = usableUntil(token);
        if (receivedAt.isBefore(usableUntil)) {
            Instant earliest =
                    receivedAt.plus(Duration.between(receivedAt, usableUntil).dividedBy(2));
            return due.isBefore(earliest) ? earliest : due;
        }
        return due;
    }

    /** Exponential backoff with equal jitter: half the step fixed, half random; capped at retryMaxBackoff. */
    Duration backoff(int attempt, double draw) {
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long step = initial << Math.min(Math.max(attempt, 0), 30);
        if (step <= 0 || step > cap) {
            step = cap;
        }
        long half = step / 2;
        return Duration.ofMillis(half + (long) ((step - half) * draw));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
