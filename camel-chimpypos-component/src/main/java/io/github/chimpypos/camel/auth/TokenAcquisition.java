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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One acquisition on the provider's thread: the refresh token when one is held, else (or when it is rejected) the
 * configured grant; transient failures retried with backoff. A refresh token is handed to the provider the moment an
 * answer carries one, and a refresh whose outcome is unknown is never sent again.
 */
final class TokenAcquisition {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAcquisition.class);

    /**
     * A token to install: the answer of a token call, or a token adopted from a shared store (another instance or an
     * earlier run obtained it; no call was made).
     *
     * @param grantType    the grant of the call, or {@link #ADOPTED}
     * @param response     the answer of the call; for an adopted token, one that carries its access token only
     * @param requestStart when the call was sent, or when the adopted token was obtained
     * @param adopted      the adopted token with its known expiry, or null after a call
     */
    record Obtained(String grantType, TokenResponse response, Instant requestStart, AccessToken adopted) {

        /** The "grant" of a token taken from a token store: in logs and events, never counted as a token call. */
        static final String ADOPTED = "token_store";

        Obtained(String grantType, TokenResponse response, Instant requestStart) {
            this(grantType, response, requestStart, null);
        }

        static Obtained adopted(AccessToken token) {
            long seconds = Math.max(1, token.lifetime().toSeconds());
            return new Obtained(
                    ADOPTED,
                    new TokenResponse(token.value(), null, seconds, "Bearer", null),
                    token.obtainedAt(),
                    token);
        }

        boolean isAdopted() {
            return adopted != null;
        }

        /** The same answer without its refresh token: when the refresh token belongs to a store, not to this JVM. */
        Obtained withoutRefreshToken() {
            if (response.refreshToken() == null) {
                return this;
            }
            TokenResponse stripped = new TokenResponse(
                    response.accessToken(), null, response.expiresIn(), response.tokenType(), response.scope());
            return new Obtained(grantType, stripped, requestStart, adopted);
        }

        /** The token service's clock minus ours, from the JWT iat; null when unknown or adopted. */
        Duration skew() {
            if (adopted != null) {
                return null;
            }
            JwtClaims claims = JwtClaims.parse(response.accessToken()).orElse(null);
            if (claims == null || claims.issuedAt() == null) {
                return null;
            }
            // iat has whole seconds: compare it with the start truncated alike, or every token looks skewed.
            return Duration.between(requestStart.truncatedTo(ChronoUnit.SECONDS), claims.issuedAt());
        }

        /** The token with its expiry: expires_in, or the JWT's own lifetime when that is shorter. */
        AccessToken accessToken() {
            if (adopted != null) {
                return adopted;
            }
            Duration lifetime = Duration.ofSeconds(response.expiresIn());
            JwtClaims claims = JwtClaims.parse(response.accessToken()).orElse(null);
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
            Instant lifeStart = claims != null && claims.issuedAt() != null
                    ? requestStart.truncatedTo(ChronoUnit.SECONDS)
                    : requestStart;
            return new AccessToken(response.accessToken(), requestStart, lifeStart.plus(lifetime));
        }
    }

    private final TokenProviderSettings settings;
    private final Clock clock;
    private final TokenEndpointClient client;
    private final Sleeper sleeper;
    private final TokenTiming timing;
    private final DoubleSupplier random;
    private final TokenCounters counters;
    private final Supplier<String> heldRefreshToken;
    private final BiConsumer<String, String> replaceRefreshToken;
    private final BooleanSupplier running;

    /**
     * @param replaceRefreshToken called with (the refresh token presented or null, its successor or null to drop it)
     */
    TokenAcquisition(
            TokenProviderSettings settings,
            TokenEndpointClient client,
            Sleeper sleeper,
            TokenTiming timing,
            DoubleSupplier random,
            TokenCounters counters,
            Supplier<String> heldRefreshToken,
            BiConsumer<String, String> replaceRefreshToken,
            BooleanSupplier running) {
        this.settings = settings;
        this.clock = settings.clock();
        this.client = client;
        this.sleeper = sleeper;
        this.timing = timing;
        this.random = random;
        this.counters = counters;
        this.heldRefreshToken = heldRefreshToken;
        this.replaceRefreshToken = replaceRefreshToken;
        this.running = running;
    }

    Obtained run() throws InterruptedException {
        int retries = 0;
        while (true) {
            try {
                return once();
            } catch (TokenEndpointException e) {
                if (FailureLadder.rungOf(e) != FailureLadder.Rung.TRANSIENT
                        || retries >= settings.maxRetries()
                        || !running.getAsBoolean()) {
                    throw e;
                }
                Duration wait = timing.backoff(retries, random.getAsDouble());
                if (e.getRetryAfter() != null && e.getRetryAfter().compareTo(wait) > 0) {
                    wait = TokenTiming.min(e.getRetryAfter(), settings.retryMaxBackoff());
                }
                retries++;
                LOG.info(
                        "{}; retry {} of {} in {} ms", e.getMessage(), retries, settings.maxRetries(), wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }

    private Obtained once() {
        String presented = heldRefreshToken.get();
        if (presented != null) {
            try {
                return call(TokenRequest.refresh(presented), presented);
            } catch (TokenEndpointException e) {
                if (e.isRejection()) {
                    replaceRefreshToken.accept(presented, null);
                    LOG.info(
                            "The token service rejected the refresh token ({}): dropping it and falling back to the {}"
                                    + " grant",
                            code(e),
                            settings.grantType());
                } else if (e.isOutcomeUnknown()) {
                    // The service may have rotated it already: presenting it again would look like theft and revoke
                    // the whole token family.
                    replaceRefreshToken.accept(presented, null);
                    LOG.info(
                            "The outcome of the refresh token request is unknown ({}): the refresh token is never"
                                    + " sent again, the next attempt uses the {} grant",
                            code(e),
                            settings.grantType());
                    throw e;
                } else {
                    throw e;
                }
            }
        }
        return call(TokenRequest.grant(settings.grantType()), null);
    }

    private Obtained call(TokenRequest request, String presented) {
        Instant start = clock.instant();
        counters.tokenCall();
        try {
            TokenResponse response = client.requestToken(request);
            if (response.refreshToken() != null) {
                replaceRefreshToken.accept(presented, response.refreshToken());
            }
            return new Obtained(request.grantType(), response, start);
        } catch (TokenEndpointException e) {
            counters.failure(e.getReason());
            if (e.refreshTokenInAnswer() != null) {
                replaceRefreshToken.accept(presented, e.refreshTokenInAnswer());
            }
            throw e;
        }
    }

    private static String code(TokenEndpointException e) {
        if (e.getOauthError() != null) {
            return e.getOauthError();
        }
        return e.getStatusCode() > 0
                ? "HTTP " + e.getStatusCode()
                : e.getReason().name();
    }
}
