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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The time claims of a JWT access token, read by plain Base64url decoding of the payload. The signature is not
 * checked: the client only uses {@code exp} and {@code iat} to cross-check {@code expires_in} and to estimate the
 * clock skew to the token service; the API verifies the token. A token that is not a JWS yields no claims and is
 * treated as opaque.
 *
 * @param issuedAt  the {@code iat} claim, or null
 * @param expiresAt the {@code exp} claim, or null
 */
public record JwtClaims(Instant issuedAt, Instant expiresAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads the claims of {@code token}; empty when it is not a JWS with a JSON payload. Never throws. */
    public static Optional<JwtClaims> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
            JsonNode claims = MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
            if (claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new JwtClaims(numericDate(claims.get("iat")), numericDate(claims.get("exp"))));
        } catch (Exception e) {
            // Deliberately no cause or message: a parser message may quote part of the token.
            return Optional.empty();
        }
    }

    /** {@code exp - iat} when both are present and ordered, the lifetime the issuer intended. */
    public Optional<Duration> lifetime() {
        if (issuedAt == null || expiresAt == null || !expiresAt.isAfter(issuedAt)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(issuedAt, expiresAt));
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }

    private static Instant numericDate(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return Instant.ofEpochSecond(node.asLong());
    }
}
