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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.transport.HttpClientFactory;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The token lifecycle against the emulator's Auth0-style token service, over real HTTPS, on a shared test clock. */
class EmulatorTokenProviderTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Margin 60 s plus jitter 5 % x 0.5 of it (was 20 %, i.e. 66 s): renewal due 61.5 s before expiry. */
    private static final Duration RENEWAL_DUE = LIFETIME.minusMillis(61_500);

    private static final MutableClock CLOCK = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder()
            .clock(CLOCK)
            .accessTokenLifetime(LIFETIME)
            .refreshTokenRotation(true));

    private DefaultTokenProvider provider;

    static TokenProviderSettings.Builder settings(ChimpyPosEmulator emulator, Clock clock) {
        DemoCredentials credentials = emulator.credentials();
        return TokenProviderSettings.builder()
                .tokenUrl(emulator.tokenUrl())
                .clientId(credentials.clientId())
                .audience(credentials.audience())
                .username(credentials.username())
                .password(credentials.password())
                .maxRetries(2)
                .retryInitialBackoff(Duration.ofSeconds(1))
                .retryMaxBackoff(Duration.ofSeconds(4))
                .httpClientSettings(new HttpClientSettings(
                        emulator.clientSslContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), 4))
                .clock(clock);
    }

    private DefaultTokenProvider start(UnaryOperator<TokenProviderSettings.Builder> customizer) {
        TokenProviderSettings settings =
                customizer.apply(settings(EMULATOR.emulator(), CLOCK)).build();
        provider = new DefaultTokenProvider(
                settings, new HttpTokenEndpointClient(settings), CLOCK::advance, () -> 0.5, new CredentialLockouts());
        provider.start();
        return provider;
    }

    private EmulatorCounters counters() {
        return EMULATOR.emulator().control().counters();
    }

    private void awaitIdle() {
        if (provider.status().state() != TokenProviderState.RENEWING) {
            return;
        }
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> provider.status().state() != TokenProviderState.RENEWING);
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop();
        }
        EMULATOR.emulator().control().setTokenLatency(Duration.ZERO);
    }

    @ParameterizedTest
    @EnumSource(TokenRequestFormat.class)
    void passwordGrantInBothFormats(TokenRequestFormat format) {
        start(s -> s.requestFormat(format));

        AccessToken token = provider.getToken();

        assertThat(token.expiresAt()).isEqualTo(CLOCK.instant().plus(LIFETIME));
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls()).isEqualTo(1);
        TokenProviderStatus status = provider.status();
        assertThat(status.refreshTokenHeld()).isTrue();
        assertThat(status.estimatedClockSkew()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @EnumSource(TokenRequestFormat.class)
    void rotatingRefreshTokensAcrossFiftyLifetimesAreNeverReused(TokenRequestFormat format) {
        start(s -> s.requestFormat(format));
        provider.getToken();

        // One call per simulated 30 s over 50 lifetimes of 10 min, with a 401 now and then.
        for (int step = 1; step <= 1000; step++) {
            CLOCK.advance(Duration.ofSeconds(30));
            AccessToken token = provider.getToken();
            if (step % 97 == 0) {
                provider.renewAfterUnauthorized(token);
            }
            awaitIdle();
        }

        EmulatorCounters counters = counters();
        assertThat(counters.tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters.tokenCalls("password")).isEqualTo(1);
        // Bounded calls: renewal is due 61.5 s (60 s margin + 5 % x 0.5 jitter) before the 600 s expiry and seen at
        // the next 30 s step (540 s, as with the old 66 s), so one refresh
        // per 540 s, plus one per 401 (each restarting the cycle): about 61 for 50 lifetimes and ten 401s.
        assertThat(counters.tokenCalls("refresh_token", "success")).isBetween(58L, 64L);
        assertThat(counters.maxConcurrentTokenCalls()).isEqualTo(1);
        assertThat(provider.status().failuresByReason()).isEmpty();
    }

    @Test
    void concurrentCallersAndA401StormNeverReuseARefreshToken() throws Exception {
        start(s -> s);
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().setTokenLatency(Duration.ofMillis(50));
        EMULATOR.emulator().control().revokeAccessTokens();

        Concurrently<AccessToken> callers = Concurrently.run(200, () -> provider.renewAfterUnauthorized(first));
        callers.awaitAllParked();

        assertThat(callers.results())
                .extracting(AccessToken::value)
                .doesNotContain(first.value())
                .hasSize(200);
        assertThat(callers.results().stream().map(AccessToken::value).distinct())
                .hasSize(1);
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(counters().maxConcurrentTokenCalls()).isEqualTo(1);
    }

    @Test
    void coldStartWith200CallersMakesOneTokenCall() throws Exception {
        start(s -> s);
        EMULATOR.emulator().control().setTokenLatency(Duration.ofMillis(200));

        Concurrently<AccessToken> callers = Concurrently.run(200, provider::getToken);

        assertThat(callers.results().stream().map(AccessToken::value).distinct())
                .hasSize(1);
        assertThat(counters().tokenCalls()).isEqualTo(1);
    }

    @Test
    void withoutRotationTheSameRefreshTokenKeepsWorking() {
        MutableClock clock = MutableClock.startingAt(Instant.parse("2030-06-01T00:00:00Z"));
        try (ChimpyPosEmulator noRotation = ChimpyPosEmulator.builder()
                .clock(clock)
                .accessTokenLifetime(LIFETIME)
                .refreshTokenRotation(false)
                .workerThreads(8)
                .start()) {
            TokenProviderSettings settings = settings(noRotation, clock).build();
            provider = new DefaultTokenProvider(settings, null, clock::advance, () -> 0.5, new CredentialLockouts());
            provider.start();
            provider.getToken();
            for (int lifetime = 0; lifetime < 5; lifetime++) {
                clock.advance(RENEWAL_DUE);
                provider.getToken();
                awaitIdle();
            }

            EmulatorCounters counters = noRotation.control().counters();
            assertThat(counters.tokenCalls("refresh_token", "success")).isEqualTo(5);
            assertThat(counters.tokenCalls("password")).isEqualTo(1);
            assertThat(provider.status().refreshTokenHeld()).isTrue();
            provider.stop();
            provider = null;
        }
    }

    @Test
    void clientCredentialsGrant() {
        DemoCredentials credentials = EMULATOR.emulator().credentials();
        start(s -> s.grantType(GrantType.client_credentials)
                .username(null)
                .password(null)
                .clientSecret(credentials.clientSecret()));

        provider.getToken();
        CLOCK.advance(RENEWAL_DUE);
        provider.getToken();
        awaitIdle();

        assertThat(counters().tokenCalls("client_credentials", "success")).isEqualTo(2);
        assertThat(counters().tokenCalls("refresh_token")).isZero();
        assertThat(provider.status().refreshTokenHeld()).isFalse();
    }

    @Test
    void wrongPasswordCostsOneCallThenFailsFast() {
        start(s -> s.password("wrong-Passw0rd!"));

        for (int i = 0; i < 200; i++) {
            assertThatThrownBy(provider::getToken).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
                assertThat(e.getMessage())
                        .contains("invalid_grant")
                        .contains("no new attempt until")
                        .doesNotContain("wrong-Passw0rd!");
            });
        }

        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "invalid_grant")).isEqualTo(1);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
    }

    @Test
    void revokedFamilyFallsBackToOnePasswordGrant() {
        start(s -> s);
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().revokeAllTokens();

        AccessToken fresh = provider.renewAfterUnauthorized(first);

        assertThat(fresh.value()).isNotEqualTo(first.value());
        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(counters().tokenCalls()).isEqualTo(3);
    }

    @Test
    void untrustedCertificateIsRefusedWithAClearMessage() throws Exception {
        TrustManagerFactory jvmDefaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvmDefaults.init((KeyStore) null);
        SSLContext notTrustingTheEmulator = SSLContext.getInstance("TLS");
        notTrustingTheEmulator.init(null, jvmDefaults.getTrustManagers(), null);
        start(s -> s.httpClientSettings(
                new HttpClientSettings(notTrustingTheEmulator, Duration.ofSeconds(5), Duration.ofSeconds(5), 2)));

        assertThatThrownBy(provider::getToken).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
            assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE);
            assertThat(e.getMessage())
                    .contains("TLS handshake with the token service")
                    .contains("not trusted")
                    .contains("sslContextParameters");
        });
        assertThat(counters().tokenCalls()).isZero();
        assertThat(provider.status().lastErrorClass())
                .startsWith("sun.security")
                .endsWith("Exception");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html|<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
                "application/json|{\"access_token\":\"eyJabc\",\"expires_in\":36",
                "application/json|{\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                "application/json|{\"access_token\":\"eyJabc\",\"expires_in\":-1,\"token_type\":\"Bearer\"}",
                "application/json|{\"access_token\":\"eyJabc\",\"token_type\":\"Bearer\"}",
                "application/json|{\"access_token\":\"eyJabc\",\"expires_in\":\"tomorrow\"}"
            })
    void malformedAnswersAreClassifiedAndRetriedBounded(String fault) {
        String[] parts = fault.split("\\|", 2);
        EMULATOR.emulator().control().failNextTokenCalls(3, Fault.respond(200, parts[0], parts[1]));
        start(s -> s);

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.MALFORMED_RESPONSE));

        assertThat(counters().tokenCalls()).isEqualTo(3);
        // After the backoff the service answers properly again.
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(provider.getToken()).isNotNull();
    }

    @Test
    void outageShorterThanTheTokenLifeCostsNothing() {
        start(s -> s);
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().failNextTokenCalls(3, Fault.status(503));
        CLOCK.advance(RENEWAL_DUE);

        assertThat(provider.getToken()).isSameAs(first);
        awaitIdle();
        assertThat(provider.getToken()).isSameAs(first);
        assertThat(counters().tokenCalls("refresh_token", "fault")).isEqualTo(3);

        CLOCK.advance(Duration.ofSeconds(10));
        provider.getToken();
        awaitIdle();
        assertThat(provider.getToken().value()).isNotEqualTo(first.value());
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-300, 300})
    void clientClockFiveMinutesOffStillRenewsOnTimeAndTheApiAcceptsTheToken(int offsetSeconds) throws Exception {
        Clock skewed = Clock.offset(CLOCK, Duration.ofSeconds(offsetSeconds));
        TokenProviderSettings settings = settings(EMULATOR.emulator(), skewed).build();
        provider = new DefaultTokenProvider(settings, null, CLOCK::advance, () -> 0.5, new CredentialLockouts());
        provider.start();

        AccessToken first = provider.getToken();

        assertThat(provider.status().estimatedClockSkew()).isEqualTo(Duration.ofSeconds(-offsetSeconds));
        // The life of a JWT counts from the start of the second it was issued in (iat is whole seconds).
        assertThat(first.expiresAt())
                .isEqualTo(skewed.instant().truncatedTo(ChronoUnit.SECONDS).plus(LIFETIME));
        try (CloseableHttpClient api = HttpClientFactory.create(new HttpClientSettings(
                EMULATOR.emulator().clientSslContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), 1))) {
            assertThat(apiStatus(api, first)).isEqualTo(200);
            for (int step = 1; step <= 60; step++) {
                CLOCK.advance(Duration.ofSeconds(30));
                AccessToken token = provider.getToken();
                assertThat(apiStatus(api, token))
                        .as("API status at step " + step)
                        .isEqualTo(200);
                awaitIdle();
            }
        }
        // 30 minutes: a renewal every 540 s, never a rejected refresh.
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(3);
        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters().apiCalls("checkBattery", 401)).isZero();
    }

    private static int apiStatus(CloseableHttpClient client, AccessToken token) throws Exception {
        HttpGet get = new HttpGet(EMULATOR.emulator().apiUrl().resolve("/api/v2/batteries/B-1?rental_type=pickup"));
        get.setHeader("Authorization", token.authorizationHeader());
        return client.execute(get, response -> response.getCode());
    }

    @Test
    void outageLongerThanATokenLifeFailsFastWithBoundedCallsAndRecovers() {
        start(s -> s.maxRetries(2).retryMaxBackoff(Duration.ofSeconds(30)));
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().failNextTokenCalls(10_000, Fault.status(503));

        int failedExchanges = 0;
        // 20 minutes of one exchange every 10 s: the token (10 min) expires in the middle of the outage.
        for (int step = 1; step <= 120; step++) {
            CLOCK.advance(Duration.ofSeconds(10));
            try {
                AccessToken token = provider.getToken();
                assertThat(token).isSameAs(first);
            } catch (ChimpyPosAuthenticationException e) {
                assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
                assertThat(CLOCK.instant()).isAfterOrEqualTo(first.expiresAt().minusSeconds(5));
                failedExchanges++;
            }
            awaitIdle();
        }
        long callsDuringOutage = counters().tokenCalls();

        // Served from the still-valid token until it expired, then fast failures.
        assertThat(failedExchanges).isBetween(60, 62);
        // Bounded: at most 3 calls (1 + 2 retries) per attempt, attempts at most every 10 s step after backoff.
        assertThat(callsDuringOutage).isLessThanOrEqualTo(1 + 3 * 120L);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.FAILING);

        // The token service comes back, having lost its refresh tokens: one rejected refresh, one password grant.
        EMULATOR.emulator().control().resetState();
        CLOCK.advance(Duration.ofSeconds(31));
        AccessToken recovered = provider.getToken();

        assertThat(recovered.value()).isNotEqualTo(first.value());
        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isEqualTo(1);
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.VALID);
    }

    @Test
    void slowTokenServiceMakesCallersGiveUpAfterMaxWaitWhileTheRequestCompletes() {
        start(s -> s.maxWait(Duration.ofMillis(300)));
        EMULATOR.emulator().control().setTokenLatency(Duration.ofMillis(1500));

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE))
                .hasMessageContaining("tokenMaxWait");
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.status().state() == TokenProviderState.VALID);

        assertThat(provider.getToken()).isNotNull();
        assertThat(counters().tokenCalls()).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsAnOutageAndRetried() {
        EMULATOR.emulator().control().failNextTokenCalls(1, Fault.dropConnection());
        start(s -> s);

        assertThat(provider.getToken()).isNotNull();

        assertThat(counters().tokenCalls()).isEqualTo(2);
        assertThat(provider.status().failures(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE))
                .isEqualTo(1);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        EMULATOR.emulator().control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofSeconds(42)));
        start(s -> s);

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.RATE_LIMITED));
        assertThat(provider.status().nextAttemptNotBefore())
                .isEqualTo(CLOCK.instant().plusSeconds(42));
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(counters().tokenCalls()).isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(42));
        assertThat(provider.getToken()).isNotNull();
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }
}
