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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.camel.transport.HttpsUrls;

/**
 * Everything a {@link TokenProvider} needs: where the token service is, the credentials, and how to behave under
 * renewal and failure. Immutable; built with {@link #builder()}.
 *
 * <p>
 * {@link #credentialsKey()} identifies a credential set: endpoints whose settings share it share one provider.
 * {@link #toString()} never shows the password or the client secret.
 */
public final class TokenProviderSettings {

    private final URI tokenUrl;
    private final String clientId;
    private final String audience;
    private final String username;
    private final String password;
    private final String clientSecret;
    private final String scope;
    private final GrantType grantType;
    private final TokenRequestFormat requestFormat;
    private final boolean useRefreshToken;
    private final Duration refreshMargin;
    private final Duration credentialsRejectedQuietPeriod;
    private final int maxRetries;
    private final Duration retryInitialBackoff;
    private final Duration retryMaxBackoff;
    private final Duration maxWait;
    private final Duration maxRetryAfter;
    private final boolean allowInsecureHttp;
    private final HttpClientSettings httpClientSettings;
    private final Clock clock;
    private final TokenStore tokenStore;

    private TokenProviderSettings(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.clientId = b.clientId;
        this.audience = b.audience;
        this.username = b.username;
        this.password = b.password;
        this.clientSecret = b.clientSecret;
        this.scope = b.scope;
        this.grantType = Objects.requireNonNull(b.grantType, "grantType");
        this.requestFormat = Objects.requireNonNull(b.requestFormat, "requestFormat");
        this.useRefreshToken = b.useRefreshToken;
        this.refreshMargin = Objects.requireNonNull(b.refreshMargin, "refreshMargin");
        this.credentialsRejectedQuietPeriod =
                Objects.requireNonNull(b.credentialsRejectedQuietPeriod, "credentialsRejectedQuietPeriod");
        this.maxRetries = b.maxRetries;
        this.retryInitialBackoff = Objects.requireNonNull(b.retryInitialBackoff, "retryInitialBackoff");
        this.retryMaxBackoff = Objects.requireNonNull(b.retryMaxBackoff, "retryMaxBackoff");
        this.maxWait = Objects.requireNonNull(b.maxWait, "maxWait");
        this.maxRetryAfter = Objects.requireNonNull(b.maxRetryAfter, "maxRetryAfter");
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.httpClientSettings = Objects.requireNonNull(b.httpClientSettings, "httpClientSettings");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.tokenStore = b.tokenStore;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The token endpoint, e.g. {@code https://auth.example/oauth/token}. */
    public URI tokenUrl() {
        return tokenUrl;
    }

    public String clientId() {
        return clientId;
    }

    public String audience() {
        return audience;
    }

    public String username() {
        return username;
    }

    /** The password. Never log it. */
    public String password() {
        return password;
    }

    /** The client secret, or null. Never log it. */
    public String clientSecret() {
        return clientSecret;
    }

    /** Requested scope; {@code offline_access} asks for a refresh token. May be null or empty. */
    public String scope() {
        return scope;
    }

    public GrantType grantType() {
        return grantType;
    }

    public TokenRequestFormat requestFormat() {
        return requestFormat;
    }

    /** Whether to renew with the refresh token (sliding session) before falling back to the grant. */
    public boolean useRefreshToken() {
        return useRefreshToken;
    }

    /** Renew when less than this much life is left (clamped relative to the token lifetime by the provider). */
    public Duration refreshMargin() {
        return refreshMargin;
    }

    /** After the token service rejected the credentials, no new attempt is made for this long. */
    public Duration credentialsRejectedQuietPeriod() {
        return credentialsRejectedQuietPeriod;
    }

    /** Retries of one token acquisition after a transient failure (5xx, 429, timeout, reset). */
    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryInitialBackoff() {
        return retryInitialBackoff;
    }

    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    /** Longest time a caller blocks waiting for a token before it fails. */
    public Duration maxWait() {
        return maxWait;
    }

    /** Upper bound of a {@code Retry-After} the token service asks for; a longer wait is cut to this. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Whether a plain {@code http://} token URL is accepted (testing only: it sends credentials in clear text). */
    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    public HttpClientSettings httpClientSettings() {
        return httpClientSettings;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the token is shared beyond this provider (restarts, a cluster), or null: this provider's memory only. */
    public TokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * The identity of a credential set. Two settings with equal keys talk to the same token service as the same
     * principal and can share one provider and one cached token.
     */
    public Object credentialsKey() {
        return new CredentialsKey(
                tokenUrl, clientId, audience, username, password, clientSecret, scope, grantType, tokenStore);
    }

    /**
     * The credential set as a SHA-256 digest, for what must outlive this object (the JVM-wide lockout memory) without
     * holding a secret.
     */
    public String credentialsFingerprint() {
        StringBuilder joined = new StringBuilder();
        for (Object part :
                new Object[] {tokenUrl, clientId, audience, username, password, clientSecret, scope, grantType}) {
            String text = String.valueOf(part);
            joined.append(text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The one validation of the token options, used on every path (endpoint URI, component, Spring Boot, a provider
     * built in Java): fails before any network call with a message naming the option as the user sets it.
     */
    public void validate() {
        HttpsUrls.require("tokenUrl", tokenUrl == null ? null : tokenUrl.toString(), allowInsecureHttp);
        requireText(clientId, "clientId", "unless tokenProvider is set");
        if (grantType == GrantType.password) {
            requireText(username, "username", "for grantType=password");
            requireText(password, "password", "for grantType=password");
        } else {
            requireText(clientSecret, "clientSecret", "for grantType=client_credentials");
        }
        // Auth0-style services without a default audience answer "Missing required parameter: audience" to both
        // grants; Chimpy's documented request carries it.
        requireText(audience, "audience", "for grantType=" + grantType + "; the API identifier issued by Chimpy");
        if (maxRetries < 0) {
            throw new IllegalArgumentException(
                    "Invalid option tokenMaxRetries " + maxRetries + "; must not be negative");
        }
        requirePositive(maxWait, "tokenMaxWait");
        requireNotNegative(refreshMargin, "refreshMargin");
        requireNotNegative(credentialsRejectedQuietPeriod, "credentialsRejectedQuietPeriod");
        requirePositive(retryInitialBackoff, "tokenRetryInitialBackoff");
        requirePositive(retryMaxBackoff, "tokenRetryMaxBackoff");
        requireNotNegative(maxRetryAfter, "tokenMaxRetryAfter");
    }

    private static void requireText(String value, String option, String when) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing required option " + option + " (" + when + ")");
        }
    }

    private static void requirePositive(Duration value, String option) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid option " + option + " " + value.toMillis() + "; must be positive");
        }
    }

    private static void requireNotNegative(Duration value, String option) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid option " + option + " " + value.toMillis() + "; must not be negative");
        }
    }

    @Override
    public String toString() {
        return "TokenProviderSettings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", audience=" + audience
                + ", username=" + username + ", password=" + mask(password) + ", clientSecret=" + mask(clientSecret)
                + ", scope=" + scope + ", grantType=" + grantType + ", requestFormat=" + requestFormat
                + ", useRefreshToken=" + useRefreshToken + ", refreshMargin=" + refreshMargin + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }

    /** Equality over the credential set; its toString must never be used for anything but debugging. */
    private record CredentialsKey(
            URI tokenUrl,
            String clientId,
            String audience,
            String username,
            String password,
            String clientSecret,
            String scope,
            GrantType grantType,
            TokenStore tokenStore) {
        @Override
        public String toString() {
            return "CredentialsKey[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", username=" + username + "]";
        }
    }

    public static final class Builder {
        private URI tokenUrl;
        private String clientId;
        private String audience;
        private String username;
        private String password;
        private String clientSecret;
        private String scope = "offline_access";
        private GrantType grantType = GrantType.password;
        private TokenRequestFormat requestFormat = TokenRequestFormat.json;
        private boolean useRefreshToken = true;
        private Duration refreshMargin = Duration.ofSeconds(60);
        private Duration credentialsRejectedQuietPeriod = Duration.ofMinutes(5);
        private int maxRetries = 3;
        private Duration retryInitialBackoff = Duration.ofMillis(500);
        private Duration retryMaxBackoff = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(10);
        private boolean allowInsecureHttp;
        private HttpClientSettings httpClientSettings =
                new HttpClientSettings(null, Duration.ofSeconds(10), Duration.ofSeconds(30), 4);
        private Clock clock = Clock.systemUTC();
        private TokenStore tokenStore;

        private Builder() {}

        public Builder tokenUrl(URI tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder grantType(GrantType grantType) {
            this.grantType = grantType;
            return this;
        }

        public Builder requestFormat(TokenRequestFormat requestFormat) {
            this.requestFormat = requestFormat;
            return this;
        }

        public Builder useRefreshToken(boolean useRefreshToken) {
            this.useRefreshToken = useRefreshToken;
            return this;
        }

        public Builder refreshMargin(Duration refreshMargin) {
            this.refreshMargin = refreshMargin;
            return this;
        }

        public Builder credentialsRejectedQuietPeriod(Duration credentialsRejectedQuietPeriod) {
            this.credentialsRejectedQuietPeriod = credentialsRejectedQuietPeriod;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryInitialBackoff(Duration retryInitialBackoff) {
            this.retryInitialBackoff = retryInitialBackoff;
            return this;
        }

        public Builder retryMaxBackoff(Duration retryMaxBackoff) {
            this.retryMaxBackoff = retryMaxBackoff;
            return this;
        }

        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        public Builder httpClientSettings(HttpClientSettings httpClientSettings) {
            this.httpClientSettings = httpClientSettings;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        public TokenProviderSettings build() {
            return new TokenProviderSettings(this);
        }
    }
}
