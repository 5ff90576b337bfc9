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

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque refresh tokens grouped in families (one family per password login), with Auth0-style rotation: each use
 * returns a new token, and presenting a token that was already rotated away revokes the whole family.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Family> familyByToken = new ConcurrentHashMap<>();
    private final Runnable onReuseDetected;

    /** @param onReuseDetected told each time a rotated token is presented again and its family revoked */
    public RefreshTokens(Runnable onReuseDetected) {
        this.onReuseDetected = onReuseDetected;
    }

    /** What a refresh token stands for. */
    public record Grant(String subject, String clientId, String audience, String scope) {}

    /** Outcome of presenting a refresh token: the grant and the refresh token to hand out (null = none). */
    public record Exchange(Grant grant, String newRefreshToken) {
        @Override
        public String toString() {
            return "Exchange[" + grant + ", newRefreshToken=" + (newRefreshToken == null ? "none" : "***") + "]";
        }
    }

    public String issue(Grant grant, Instant now) {
        Family family = new Family(grant, now);
        String token = newToken();
        family.current = token;
        familyByToken.put(token, family);
        return token;
    }

    /**
     * @return the exchange, or {@code null} when the token is unknown, expired, revoked, for another client, or a
     *     rotated token presented again (then the family is revoked)
     */
    public Exchange exchange(String token, String clientId, Instant now, boolean rotation, Duration reuseInterval) {
        Family family = familyByToken.get(token);
        if (family == null) {
            return null;
        }
        synchronized (family) {
            if (family.revoked
                    || !now.isBefore(family.createdAt.plus(AuthSettings.REFRESH_TOKEN_ABSOLUTE_LIFETIME))
                    || !family.grant.clientId().equals(clientId)) {
                return null;
            }
            if (!rotation) {
                return token.equals(family.current) ? new Exchange(family.grant, null) : null;
            }
            if (token.equals(family.current)) {
                String next = newToken();
                familyByToken.put(next, family);
                family.previous = token;
                family.previousRotatedAt = now;
                family.current = next;
                return new Exchange(family.grant, next);
            }
            if (token.equals(family.previous) && now.isBefore(family.previousRotatedAt.plus(reuseInterval))) {
                // Auth0 "overlap": a client that lost the answer may retry with the previous token for a while;
                // it receives the family's current token, so parallel retries converge on one token
                return new Exchange(family.grant, family.current);
            }
            family.revoked = true;
            onReuseDetected.run();
            return null;
        }
    }

    public void revokeAll() {
        familyByToken.values().forEach(family -> {
            synchronized (family) {
                family.revoked = true;
            }
        });
    }

    public void clear() {
        familyByToken.clear();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final class Family {
        final Grant grant;
        final Instant createdAt;
        String current;
        String previous;
        Instant previousRotatedAt;
        boolean revoked;

        Family(Grant grant, Instant createdAt) {
            this.grant = grant;
            this.createdAt = createdAt;
        }
    }
}
