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

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecurityException;

/**
 * Issues RS256 access tokens and verifies them for the PoS API. Revocation without a token list: every token carries
 * its issue sequence number in {@code jti}, and revoking moves a watermark, so "all tokens issued so far" is exact even
 * when the test clock stands still.
 */
public final class AccessTokens {

    private final SigningKey key;
    private final AuthSettings settings;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong revokedUpTo = new AtomicLong();

    public AccessTokens(SigningKey key, AuthSettings settings, Clock clock) {
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    /** A signed token and its lifetime in seconds. */
    public record Issued(String token, long expiresIn) {
        @Override
        public String toString() {
            return "Issued[token=***, expiresIn=" + expiresIn + "]";
        }
    }

    public Issued issue(
            String subject, String audience, String clientId, String scope, Map<String, Object> extraClaims) {
        Instant now = clock.instant();
        long lifetime = settings.accessTokenLifetime().toSeconds();
        long serial = sequence.incrementAndGet();
        var builder = Jwts.builder()
                .header()
                .keyId(key.keyId())
                .type("JWT")
                .and()
                .issuer(settings.issuer())
                .subject(subject)
                .audience()
                .single(audience)
                .claim("azp", clientId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(lifetime)))
                .id(serial + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        if (scope != null && !scope.isEmpty()) {
            builder.claim("scope", scope);
        }
        extraClaims.forEach(builder::claim);
        return new Issued(builder.signWith(key.privateKey(), Jwts.SIG.RS256).compact(), lifetime);
    }

    /** Every access token issued so far becomes invalid. */
    public void revokeAll() {
        revokedUpTo.set(sequence.get());
    }

    /** Why a token was refused, or {@code null} when it is valid for {@code audience}. */
    public String rejectionReason(String token, String audience) {
        try {
            var claims = Jwts.parser()
                    .verifyWith(key.publicKey())
                    .clock(() -> Date.from(clock.instant()))
                    .requireIssuer(settings.issuer())
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            // RFC 7519: the token must be used *before* exp; jjwt still accepts it at the exact second
            if (claims.getExpiration() == null
                    || !clock.instant().isBefore(claims.getExpiration().toInstant())) {
                return "The access token expired";
            }
            Set<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(audience)) {
                return "The access token audience is not this API";
            }
            if (serialOf(claims.getId()) <= revokedUpTo.get()) {
                return "The access token was revoked";
            }
            return null;
        } catch (ExpiredJwtException e) {
            return "The access token expired";
        } catch (SecurityException e) {
            return "The access token signature is invalid";
        } catch (JwtException | IllegalArgumentException e) {
            return "The access token is malformed or not signed with RS256";
        }
    }

    private static long serialOf(String jti) {
        if (jti == null) {
            return 0;
        }
        int dot = jti.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? jti : jti.substring(0, dot));
        } catch (NumberFormatException e) {
            // only this emulator signs tokens, so this cannot happen for a token whose signature was verified
            return 0;
        }
    }
}
