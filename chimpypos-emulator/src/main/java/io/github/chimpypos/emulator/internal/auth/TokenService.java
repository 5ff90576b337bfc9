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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.chimpypos.emulator.DemoCredentials;

/** The grant logic of {@code POST /oauth/token}, independent of HTTP. */
public final class TokenService {

    /** Scopes the emulated tenant grants when asked; others are silently dropped, as Auth0 does. */
    private static final Set<String> KNOWN_SCOPES = Set.of("openid", "profile", "email", "offline_access");

    private final AuthSettings settings;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final BruteForceGuard bruteForce;
    private final Clock clock;

    public TokenService(
            AuthSettings settings,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            BruteForceGuard bruteForce,
            Clock clock) {
        this.settings = settings;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.bruteForce = bruteForce;
        this.clock = clock;
    }

    /** @return the success body; throws {@link OAuthException} for every error */
    Map<String, Object> token(Map<String, String> params) {
        String grantType = params.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthException.invalidRequest("Missing required parameter: grant_type");
        }
        return switch (grantType) {
            case "password" -> passwordGrant(params);
            case "refresh_token" -> refreshGrant(params);
            case "client_credentials" -> clientCredentialsGrant(params);
            default -> throw new OAuthException(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        };
    }

    private Map<String, Object> passwordGrant(Map<String, String> params) {
        DemoCredentials credentials = settings.credentials();
        String clientId = required(params, "client_id");
        checkClient(clientId, params.get("client_secret"), false);
        String audience = required(params, "audience");
        checkAudience(audience);
        String username = required(params, "username");
        String password = required(params, "password");

        Instant now = clock.instant();
        Duration locked = bruteForce.lockRemaining(username, now);
        if (locked != null) {
            throw new OAuthException(
                    429,
                    "too_many_attempts",
                    "Your account has been blocked after multiple consecutive login attempts.",
                    locked);
        }
        if (!credentials.username().equalsIgnoreCase(username)
                || !constantTimeEquals(credentials.password(), password)) {
            bruteForce.failed(username, now);
            throw new OAuthException(403, "invalid_grant", "Wrong email or password.");
        }
        bruteForce.succeeded(username);

        String scope = grantedScope(params.get("scope"));
        AccessTokens.Issued issued = accessTokens.issue(settings.userSubject(), audience, clientId, scope, Map.of());
        Map<String, Object> body = success(issued, scope);
        if (scope.contains("offline_access")) {
            String refreshToken = refreshTokens.issue(
                    new RefreshTokens.Grant(settings.userSubject(), clientId, audience, scope), now);
            body.put("refresh_token", refreshToken);
        }
        return body;
    }

    private Map<String, Object> refreshGrant(Map<String, String> params) {
        String clientId = required(params, "client_id");
        checkClient(clientId, params.get("client_secret"), false);
        String presented = required(params, "refresh_token");
        RefreshTokens.Exchange exchange = refreshTokens.exchange(
                presented, clientId, clock.instant(), settings.rotation(), settings.reuseInterval());
        if (exchange == null) {
            throw new OAuthException(403, "invalid_grant", "Unknown or invalid refresh token.");
        }
        RefreshTokens.Grant grant = exchange.grant();
        AccessTokens.Issued issued =
                accessTokens.issue(grant.subject(), grant.audience(), grant.clientId(), grant.scope(), Map.of());
        Map<String, Object> body = success(issued, grant.scope());
        if (exchange.newRefreshToken() != null) {
            body.put("refresh_token", exchange.newRefreshToken());
        }
        return body;
    }

    private Map<String, Object> clientCredentialsGrant(Map<String, String> params) {
        String clientId = required(params, "client_id");
        checkClient(clientId, params.get("client_secret"), true);
        String audience = required(params, "audience");
        checkAudience(audience);
        AccessTokens.Issued issued =
                accessTokens.issue(clientId + "@clients", audience, clientId, "", Map.of("gty", "client-credentials"));
        return success(issued, "");
    }

    private void checkClient(String clientId, String clientSecret, boolean secretRequired) {
        DemoCredentials credentials = settings.credentials();
        if (!credentials.clientId().equals(clientId)) {
            throw new OAuthException(401, "invalid_client", "Unknown client.");
        }
        if (secretRequired && (clientSecret == null || clientSecret.isEmpty())) {
            throw new OAuthException(401, "invalid_client", "Client authentication failed: client_secret missing.");
        }
        if (clientSecret != null
                && !clientSecret.isEmpty()
                && !constantTimeEquals(credentials.clientSecret(), clientSecret)) {
            throw new OAuthException(401, "invalid_client", "Client authentication failed.");
        }
    }

    private void checkAudience(String audience) {
        if (!settings.credentials().audience().equals(audience)) {
            throw new OAuthException(401, "access_denied", "Service not found: " + audience);
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthException.invalidRequest("Missing required parameter: " + name);
        }
        return value;
    }

    private static String grantedScope(String requested) {
        if (requested == null) {
            return "";
        }
        Set<String> granted = Arrays.stream(requested.trim().split("\\s+"))
                .filter(KNOWN_SCOPES::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return String.join(" ", granted);
    }

    private static Map<String, Object> success(AccessTokens.Issued issued, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        if (!scope.isEmpty()) {
            body.put("scope", scope);
        }
        body.put("expires_in", issued.expiresIn());
        body.put("token_type", "Bearer");
        return body;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
