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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultTokenProviderTest {

    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Margin 60 s plus jitter 5 % x 0.5 of it (was 20 %, i.e. 66 s): renewal due 61.5 s before expiry. */
    private static final Duration RENEWAL_DUE = LIFETIME.minusMillis(61_500);

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private DefaultTokenProvider provider;

    static TokenProviderSettings.Builder settings(TestClock clock) {
        return TokenProviderSettings.builder()
                .tokenUrl(URI.create("https://auth.example.test/oauth/token"))
                .clientId("client-1")
                .audience("https://pos-api.example.test")
                .username("shop@example.test")
                .password(FakeTokenEndpoint.PASSWORD)
                .clientSecret(FakeTokenEndpoint.CLIENT_SECRET)
                .refreshMargin(Duration.ofSeconds(60))
                .maxRetries(3)
                .retryInitialBackoff(Duration.ofSeconds(1))
                .retryMaxBackoff(Duration.ofSeconds(8))
                .credentialsRejectedQuietPeriod(Duration.ofMinutes(5))
                .maxWait(Duration.ofSeconds(20))
                .clock(clock);
    }

    private DefaultTokenProvider start(TokenProviderSettings.Builder settings) {
        provider = new DefaultTokenProvider(settings.build(), endpoint, sleeper, () -> 0.5, new CredentialLockouts());
        provider.start();
        return provider;
    }

    private Duration margin(Duration lifetime, Duration roundTrip) {
        return TokenTiming.of(provider.getSettings()).margin(lifetime, roundTrip);
    }

    private DefaultTokenProvider start() {
        return start(settings(clock));
    }

    @AfterEach
    void stop() {
        endpoint.open();
        if (provider != null) {
            provider.stop();
        }
    }

    /** Waits until {@code calls} token calls were made and none is in flight, then checks no more were made. */
    private void awaitCalls(int calls) {
        awaitQuiet(() -> endpoint.calls() >= calls);
        assertThat(endpoint.calls()).isEqualTo(calls);
    }

    private void awaitQuiet(java.util.concurrent.Callable<Boolean> condition) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> condition.call() && provider.status().state() != TokenProviderState.RENEWING);
    }

    // ---- single flight and caching ----------------------------------------------------------------------------

    @Test
    void coldStartWith200ConcurrentCallersMakesExactlyOneTokenCall() throws Exception {
        start();
        endpoint.block();

        Concurrently<AccessToken> callers = Concurrently.run(200, provider::getToken);
        endpoint.awaitEntered();
        callers.awaitAllParked();
        endpoint.open();

        List<AccessToken> tokens = callers.results();
        assertThat(tokens).hasSize(200).extracting(AccessToken::value).containsOnly("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(endpoint.maxConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void cachedTokenIsServedWithoutTokenCallsUntilRenewalIsDue() {
        start();
        AccessToken first = provider.getToken();
        clock.advance(RENEWAL_DUE.minusSeconds(1));

        for (int i = 0; i < 1000; i++) {
            assertThat(provider.getToken()).isSameAs(first);
        }
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(first.authorizationHeader()).isEqualTo("Bearer fake-at-1").isSameAs(first.authorizationHeader());
        assertThat(first.obtainedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(first.expiresAt()).isEqualTo(first.obtainedAt().plus(LIFETIME));
    }

    @Test
    void aCachedTokenIsServedWithoutWaitingForTheLock() throws Exception {
        start();
        AccessToken first = provider.getToken();
        clock.advance(RENEWAL_DUE.minusSeconds(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            provider.stateLock().lock();
            try {
                locked.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                provider.stateLock().unlock();
            }
        });
        holder.start();
        try {
            locked.await();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 1000; i++) {
                    assertThat(provider.getToken()).isSameAs(first);
                }
            });
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void onlyTheCallerThatStartsTheRenewalTakesTheLock() throws Exception {
        start();
        AccessToken first = provider.getToken();
        clock.advance(RENEWAL_DUE);
        provider.stateLock().lock();
        Concurrently<AccessToken> starter;
        try {
            // The first caller past the renewal point wins the compare-and-set and waits for the lock...
            starter = Concurrently.run(1, provider::getToken);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> provider.stateLock().hasQueuedThreads());
            // ...every other caller keeps the valid token at once.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 1000; i++) {
                    assertThat(provider.getToken()).isSameAs(first);
                }
            });
            assertThat(endpoint.calls()).isEqualTo(1);
        } finally {
            provider.stateLock().unlock();
        }
        assertThat(starter.results()).containsExactly(first);
        awaitCalls(2);
        assertThat(provider.getToken().value()).isEqualTo("fake-at-2");
        assertThat(endpoint.maxConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void concurrentCallersAcrossManyRenewalsNeverOverlapTokenCallsNorReuseARefreshToken() throws Exception {
        endpoint.expiresIn(30);
        start();
        provider.getToken();
        for (int round = 0; round < 50; round++) {
            clock.advance(provider.status().timeToRenewal());
            int before = endpoint.calls();
            List<AccessToken> tokens = Concurrently.run(16, provider::getToken).results();
            assertThat(tokens).hasSize(16).doesNotContainNull();
            awaitQuiet(() -> endpoint.calls() > before);
            assertThat(endpoint.calls()).isEqualTo(before + 1);
        }
        assertThat(endpoint.calls()).isEqualTo(51);
        assertThat(endpoint.maxConcurrentCalls()).isEqualTo(1);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void expiryCountsFromRequestStartNotFromResponse() {
        start();
        // The answer arrives 10 s after the request was sent: expiry is still request start + expires_in.
        endpoint.then(request -> {
            clock.advance(Duration.ofSeconds(10));
            return endpoint.issue(request);
        });
        Instant sent = clock.instant();

        AccessToken token = provider.getToken();

        assertThat(token.expiresAt()).isEqualTo(sent.plus(LIFETIME));
    }

    @Test
    void renewalAheadOfExpiryRunsInTheBackgroundAndServesTheStillValidToken() throws Exception {
        start();
        AccessToken first = provider.getToken();
        clock.advance(RENEWAL_DUE);
        endpoint.block();

        AccessToken during = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> provider.getToken());
        endpoint.awaitEntered();
        List<AccessToken> more = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            more.add(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> provider.getToken()));
        }

        assertThat(during).isSameAs(first);
        assertThat(more).containsOnly(first);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.RENEWING);
        assertThat(endpoint.calls()).isEqualTo(2);

        endpoint.open();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !provider.getToken().value().equals(first.value()));
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(endpoint.requests().get(1).grantType()).isEqualTo(TokenRequest.REFRESH_TOKEN);
    }

    @Test
    void expiredTokenMakesAllCallersWaitOnOneRenewal() throws Exception {
        start();
        AccessToken first = provider.getToken();
        clock.advance(LIFETIME.plusSeconds(1));
        endpoint.block();

        Concurrently<AccessToken> callers = Concurrently.run(50, provider::getToken);
        endpoint.awaitEntered();
        callers.awaitAllParked();
        endpoint.open();

        assertThat(callers.results()).extracting(AccessToken::value).containsOnly("fake-at-2");
        assertThat(first.value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void tokenIsNeverServedPastExpiryEvenWhenRenewalFails() {
        start();
        provider.getToken();
        clock.advance(LIFETIME);
        for (int i = 0; i < 4; i++) {
            endpoint.thenFail(FakeTokenEndpoint.unavailable(503));
        }

        assertThatThrownBy(provider::getToken)
                .isInstanceOf(ChimpyPosAuthenticationException.class)
                .extracting(e -> ((ChimpyPosAuthenticationException) e).getReason())
                .isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
    }

    @Test
    void waitIsBoundedByMaxWait() throws Exception {
        start(settings(clock).maxWait(Duration.ofMillis(200)));
        endpoint.block();

        assertThatThrownBy(provider::getToken)
                .isInstanceOf(ChimpyPosAuthenticationException.class)
                .hasMessageContaining("tokenMaxWait");
        endpoint.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.status().state() == TokenProviderState.VALID);
        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    // ---- margin -----------------------------------------------------------------------------------------------

    @Test
    void marginIsClampedForShortLivedTokens() {
        start();
        assertThat(margin(Duration.ofDays(1), null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(margin(Duration.ofSeconds(30), null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(margin(Duration.ofSeconds(6), null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(margin(Duration.ofSeconds(300), null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fourSecondTokenWithA250msMarginRenewsAfterAtLeast85PercentOfItsLife() {
        endpoint.expiresIn(4);
        // The largest jitter (random 1.0), so this is the earliest renewal the rule allows.
        provider = new DefaultTokenProvider(
                settings(clock).refreshMargin(Duration.ofMillis(250)).build(),
                endpoint,
                sleeper,
                () -> 1.0,
                new CredentialLockouts());
        provider.start();
        AccessToken first = provider.getToken();

        // Guard 0.4 s (a tenth of 4 s) + lead 0.1 s (the fake answers in no time) = 0.5 s, above the configured
        // 250 ms and below a third of the life; jitter at most 5 % of it, 25 ms. Renewal due 3.475 s after the
        // request (86.9 % of the life; the old rule, 2 x guard + 20 %, gave 3.04 s, 76 %), and 125 ms before the
        // token stops being served at 3.6 s.
        assertThat(margin(Duration.ofSeconds(4), Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(provider.status().timeToRenewal()).isEqualTo(Duration.ofMillis(3475));
        assertThat(provider.status().timeToRenewal()).isGreaterThanOrEqualTo(Duration.ofMillis(3400));

        clock.advance(Duration.ofMillis(3474));
        assertThat(provider.getToken()).isSameAs(first);
        assertThat(endpoint.calls()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(provider.getToken()).isSameAs(first);
        awaitCalls(2);
        assertThat(provider.getToken().value()).isNotEqualTo(first.value());
    }

    @Test
    void renewalLeadFollowsTheMeasuredRoundTripButStaysWithinAThirdOfTheLife() {
        endpoint.expiresIn(4);
        start(settings(clock).refreshMargin(Duration.ofMillis(250)));
        // A token request that takes 300 ms on our clock: lead 2 x 300 ms, margin 0.4 s guard + 0.6 s = 1 s.
        endpoint.then(request -> {
            clock.advance(Duration.ofMillis(300));
            return endpoint.issue(request);
        });
        provider.getToken();
        assertThat(margin(Duration.ofSeconds(4), Duration.ofMillis(300))).isEqualTo(Duration.ofSeconds(1));

        // A 2 s round trip would ask for 4.4 s, more than the whole life: the third-of-life clamp keeps the token
        // from renewing in a loop.
        endpoint.then(request -> {
            clock.advance(Duration.ofSeconds(2));
            return endpoint.issue(request);
        });
        provider.renewAfterUnauthorized(provider.getToken());
        awaitCalls(2);
        assertThat(margin(Duration.ofSeconds(4), Duration.ofSeconds(2)))
                .isEqualTo(Duration.ofSeconds(4).dividedBy(3));
    }

    @Test
    void shortLivedTokenRenewsOncePerLifetimeNotInALoop() {
        endpoint.expiresIn(30);
        start();
        provider.getToken();

        // margin 10 s (a third of 30 s) + 0.25 s jitter (5 % x 0.5; was 1 s at 20 %): renewal due 19.75 s after the
        // request, seen by the first call at whole seconds, t=20 s.
        clock.advance(Duration.ofSeconds(19));
        provider.getToken();
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.VALID);
        assertThat(endpoint.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        provider.getToken();
        awaitCalls(2);

        // 30 simulated minutes of traffic, one call per simulated second: one renewal per 20 s.
        for (int second = 0; second < 1800; second++) {
            clock.advance(Duration.ofSeconds(1));
            int before = endpoint.calls();
            provider.getToken();
            awaitQuiet(() -> true);
            assertThat(endpoint.calls()).isBetween(before, before + 1);
        }
        // t=0, t=20 s, then every 20 s up to t=1820 s (was every 19 s, 96 calls, with 20 % jitter).
        assertThat(endpoint.calls()).isEqualTo(92);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void renewalTimerKeepsAnIdleProviderWarm() {
        endpoint.expiresIn(3);
        // Real time here: the timer is the one part that runs on the wall clock.
        provider = new DefaultTokenProvider(
                settings(clock).clock(java.time.Clock.systemUTC()).build(),
                endpoint,
                sleeper,
                () -> 0.5,
                new CredentialLockouts());
        provider.start();
        AccessToken first = provider.getToken();

        // Margin clamped to 1 s of the 3 s life: the timer renews about 1.9 s later without any caller.
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.calls() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.status().state() == TokenProviderState.VALID);

        assertThat(provider.getToken().value()).isNotEqualTo(first.value());
        assertThat(endpoint.requests().get(1).grantType()).isEqualTo(TokenRequest.REFRESH_TOKEN);
    }

    // ---- refresh tokens ---------------------------------------------------------------------------------------

    @Test
    void refreshTokenIsUsedBeforeThePasswordGrant() {
        start();
        provider.getToken();
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(2);

        List<TokenRequest> requests = endpoint.requests();
        assertThat(requests.get(0).grantType()).isEqualTo(TokenRequest.PASSWORD);
        assertThat(requests.get(1).grantType()).isEqualTo(TokenRequest.REFRESH_TOKEN);
        assertThat(requests.get(1).refreshToken()).isEqualTo("fake-rt-1");
        assertThat(provider.status().refreshes()).isEqualTo(1);
    }

    @Test
    void rotatedRefreshTokenIsStoredAndTheOldOneKeptWhenNoneComesBack() {
        start();
        endpoint.thenAnswer(new TokenResponse("at-1", "rt-1", 3600, "Bearer", null))
                .thenAnswer(new TokenResponse("at-2", "rt-2", 3600, "Bearer", null))
                .thenAnswer(new TokenResponse("at-3", null, 3600, "Bearer", null))
                .thenAnswer(new TokenResponse("at-4", null, 3600, "Bearer", null));

        provider.getToken();
        for (int renewal = 2; renewal <= 4; renewal++) {
            clock.advance(RENEWAL_DUE);
            provider.getToken();
            awaitCalls(renewal);
            assertThat(provider.getToken().value()).isEqualTo("at-" + renewal);
        }

        assertThat(endpoint.requests())
                .extracting(TokenRequest::refreshToken)
                .containsExactly(null, "rt-1", "rt-2", "rt-2");
        assertThat(provider.status().refreshTokenHeld()).isTrue();
    }

    @Test
    void refreshTokenIsNotUsedWhenDisabled() {
        start(settings(clock).useRefreshToken(false));
        provider.getToken();
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(2);

        assertThat(endpoint.requests()).extracting(TokenRequest::grantType).containsOnly(TokenRequest.PASSWORD);
    }

    @Test
    void rejectedRefreshTokenIsDroppedAndOnePasswordGrantFollows() {
        start();
        AccessToken first = provider.getToken();
        endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Unknown or invalid refresh token."));
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(3);

        assertThat(endpoint.requests())
                .extracting(TokenRequest::grantType)
                .containsExactly(TokenRequest.PASSWORD, TokenRequest.REFRESH_TOKEN, TokenRequest.PASSWORD);
        AccessToken renewed = provider.getToken();
        assertThat(renewed.value()).isNotEqualTo(first.value());
        TokenProviderStatus status = provider.status();
        assertThat(status.state()).isEqualTo(TokenProviderState.VALID);
        assertThat(status.grants(TokenRequest.PASSWORD)).isEqualTo(2);
        assertThat(status.failures(TokenFailureReason.CREDENTIALS_REJECTED)).isEqualTo(1);
        // The password grant gave a new refresh token, which the next renewal uses.
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(4);
        assertThat(endpoint.requests().get(3).refreshToken()).isEqualTo("fake-rt-2");
    }

    @Test
    void rejectedRefreshFollowedByRejectedPasswordLocksAfterExactlyTwoCalls() {
        start();
        provider.getToken();
        endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Unknown or invalid refresh token."))
                .thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(3);

        // The current token is still valid and keeps being served; no more attempts.
        for (int i = 0; i < 100; i++) {
            provider.getToken();
        }
        assertThat(endpoint.calls()).isEqualTo(3);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        clock.advance(Duration.ofSeconds(66));
        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED));
        assertThat(endpoint.calls()).isEqualTo(3);
    }

    @Test
    void refreshTokenIsNeverPresentedTwiceOrConcurrentlyUnderLoad() throws Exception {
        endpoint.expiresIn(30);
        start();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int id = i;
            Thread worker = new Thread(() -> {
                for (int n = 1; n <= 2000; n++) {
                    try {
                        AccessToken token = provider.getToken();
                        if (n % (7 + id) == 0) {
                            provider.renewAfterUnauthorized(token);
                        }
                        // 16 x 2000 x 10 ms: about 320 s of token service time, ten lifetimes.
                        clock.advance(Duration.ofMillis(10));
                    } catch (ChimpyPosAuthenticationException e) {
                        // Random 401s on fresh tokens trip the quick-rejection guard; that is not the point here.
                        if (e.getReason() != TokenFailureReason.TOKEN_REJECTED_BY_API) {
                            errors.add(e);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(60_000);
        }

        assertThat(errors).isEmpty();
        assertThat(endpoint.reusedRefreshTokens()).isZero();
        assertThat(endpoint.maxConcurrentCalls()).isEqualTo(1);
        List<String> presented = endpoint.requests().stream()
                .map(TokenRequest::refreshToken)
                .filter(rt -> rt != null)
                .toList();
        assertThat(presented).hasSizeGreaterThan(10).doesNotHaveDuplicates();
        assertThat(endpoint.calls(TokenRequest.PASSWORD)).isEqualTo(1);
    }

    // ---- failure ladder ---------------------------------------------------------------------------------------

    @Test
    void rejectedCredentialsFailFastDuringTheQuietPeriodWithoutFurtherCalls() {
        start();
        endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));

        assertThatThrownBy(provider::getToken).isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
            assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED);
            assertThat(e.getOauthError()).isEqualTo("invalid_grant");
            assertThat(e.getMessage())
                    .contains("rejected by the token service (invalid_grant)")
                    .contains("no new attempt until 2030-01-01T00:05:00Z")
                    .doesNotContain(FakeTokenEndpoint.PASSWORD);
        });
        for (int i = 0; i < 500; i++) {
            assertThatThrownBy(provider::getToken)
                    .isInstanceOfSatisfying(
                            ChimpyPosAuthenticationException.class,
                            e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED))
                    .hasMessageContaining("no new attempt until 2030-01-01T00:05:00Z");
        }
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        assertThat(provider.status().nextAttemptNotBefore()).isEqualTo(Instant.parse("2030-01-01T00:05:00Z"));

        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.VALID);
    }

    @Test
    void operatorResetEndsTheLockoutImmediately() {
        start();
        endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls()).isEqualTo(1);

        provider.resetCredentialsLockout();

        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void accessDeniedStopsAttemptsUntilReset() {
        start();
        endpoint.thenFail(new TokenEndpointException(
                TokenFailureReason.ACCESS_DENIED, 403, "access_denied", "Service not found: https://nope"));

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.ACCESS_DENIED))
                .hasMessageContaining("refused the token request of client client-1 as configured (access_denied)")
                .hasMessageContaining("Service not found")
                .hasMessageContaining("no automatic attempt until the configuration changes")
                .hasMessageContaining("resetCredentialsLockout");
        clock.advance(Duration.ofDays(30));
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
    }

    @Test
    void retryAfterOf429IsHonouredAsANotBeforeInstant() {
        start();
        endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ofSeconds(120)));

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.RATE_LIMITED))
                .hasMessageContaining("no new attempt until 2030-01-01T00:02:00Z");
        clock.advance(Duration.ofSeconds(119));
        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.RATE_LIMITED));
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void rateLimitedRenewalKeepsServingTheValidToken() {
        start();
        AccessToken first = provider.getToken();
        endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ofSeconds(30)));
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(2);

        clock.advance(Duration.ofSeconds(29));
        assertThat(provider.getToken()).isSameAs(first);
        assertThat(endpoint.calls()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.getToken()).isSameAs(first);
        awaitCalls(3);
        assertThat(provider.getToken().value()).isNotEqualTo(first.value());
    }

    @Test
    void retryAfterIsCappedByMaxRetryAfter() {
        start(settings(clock).maxRetryAfter(Duration.ofMinutes(2)));
        endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ofDays(1)));

        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until 2030-01-01T00:02:00Z");
    }

    @Test
    void outageIsRetriedWithBoundedBackoffWhileTheValidTokenKeepsBeingServed() {
        start();
        AccessToken first = provider.getToken();
        for (int i = 0; i < 4; i++) {
            endpoint.thenFail(FakeTokenEndpoint.unavailable(503));
        }
        clock.advance(RENEWAL_DUE);

        assertThat(provider.getToken()).isSameAs(first);
        awaitCalls(5);

        // 1 + maxRetries attempts; waits of 1, 2, 4 s steps with equal jitter (0.5): 0.75, 1.5, 3 s.
        assertThat(sleeper.waits())
                .containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
        TokenProviderStatus status = provider.status();
        assertThat(status.state()).isEqualTo(TokenProviderState.VALID);
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.failures(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE)).isEqualTo(4);
        assertThat(status.lastFailureReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
        assertThat(status.nextAttemptNotBefore()).isNotNull();

        // Until the backoff is over, the still-valid token is served and nothing is sent.
        for (int i = 0; i < 100; i++) {
            assertThat(provider.getToken()).isSameAs(first);
        }
        assertThat(endpoint.calls()).isEqualTo(5);

        clock.set(status.nextAttemptNotBefore());
        assertThat(provider.getToken()).isSameAs(first);
        awaitCalls(6);
        assertThat(provider.getToken().value()).isNotEqualTo(first.value());
        assertThat(provider.status().consecutiveFailures()).isZero();
    }

    @Test
    void backoffIsCappedByRetryMaxBackoff() {
        start(settings(clock).maxRetries(6));
        for (int i = 0; i < 7; i++) {
            endpoint.thenFail(FakeTokenEndpoint.unavailable(502));
        }

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE));

        assertThat(endpoint.calls()).isEqualTo(7);
        assertThat(sleeper.waits())
                .hasSize(6)
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(8)));
        assertThat(sleeper.waits().get(5)).isEqualTo(Duration.ofSeconds(6));
        // Fail fast afterwards: no hammering of a service that is down.
        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until");
        assertThat(endpoint.calls()).isEqualTo(7);
    }

    @Test
    void coldStartDuringOutageRecoversOnceTheServiceIsBack() {
        start(settings(clock).maxRetries(1));
        endpoint.thenFail(FakeTokenEndpoint.unavailable(503)).thenFail(FakeTokenEndpoint.unavailable(503));

        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.FAILING);
        clock.advance(Duration.ofSeconds(10));

        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(3);
    }

    @Test
    void tlsFailureIsNotRetriedInALoop() {
        start();
        endpoint.thenFail(new TokenEndpointException(TokenFailureReason.TLS_FAILURE, 0, null, "TLS handshake failed"));

        assertThatThrownBy(provider::getToken)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.TLS_FAILURE));
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    // ---- 401 --------------------------------------------------------------------------------------------------

    @Test
    void twoHundredConcurrent401sCauseOneTokenCall() throws Exception {
        start();
        AccessToken rejected = provider.getToken();
        endpoint.block();

        Concurrently<AccessToken> callers = Concurrently.run(200, () -> provider.renewAfterUnauthorized(rejected));
        endpoint.awaitEntered();
        callers.awaitAllParked();
        endpoint.open();

        assertThat(callers.results()).extracting(AccessToken::value).containsOnly("fake-at-2");
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(provider.status().unauthorizedRenewals()).isEqualTo(200);

        // A late 401 for the old token gets the newer one without a token call.
        assertThat(provider.renewAfterUnauthorized(rejected).value()).isEqualTo("fake-at-2");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void renewalAfter401UsesTheRefreshToken() {
        start();
        AccessToken rejected = provider.getToken();

        AccessToken fresh = provider.renewAfterUnauthorized(rejected);

        assertThat(fresh.value()).isNotEqualTo(rejected.value());
        assertThat(endpoint.requests().get(1).refreshToken()).isEqualTo("fake-rt-1");
        assertThat(provider.getToken()).isSameAs(fresh);
    }

    @Test
    void apiRejectingEveryFreshTokenCostsBoundedTokenCalls() {
        start();
        AccessToken first = provider.getToken();
        AccessToken second = provider.renewAfterUnauthorized(first);
        AccessToken third = provider.renewAfterUnauthorized(second);
        assertThat(endpoint.calls()).isEqualTo(3);

        for (int exchange = 0; exchange < 100; exchange++) {
            assertThatThrownBy(() -> provider.renewAfterUnauthorized(provider.getToken()))
                    .isInstanceOfSatisfying(ChimpyPosAuthenticationException.class, e -> {
                        assertThat(e.getReason()).isEqualTo(TokenFailureReason.TOKEN_REJECTED_BY_API);
                        assertThat(e.getStatusCode()).isEqualTo(401);
                    })
                    .hasMessageContaining("no new token before 2030-01-01T00:00:30Z");
        }
        assertThat(endpoint.calls()).isEqualTo(3);
        assertThat(provider.getToken()).isSameAs(third);

        // Once the window (a tenth of the life, at most 30 s) has passed, a 401 renews again.
        clock.advance(Duration.ofSeconds(30));
        assertThat(provider.renewAfterUnauthorized(third).value()).isNotEqualTo(third.value());
        assertThat(endpoint.calls()).isEqualTo(4);
    }

    @Test
    void a401OnAnOlderTokenIsAlwaysRenewed() {
        start();
        AccessToken token = provider.getToken();
        for (int storm = 0; storm < 5; storm++) {
            clock.advance(Duration.ofMinutes(1));
            token = provider.renewAfterUnauthorized(token);
        }
        assertThat(endpoint.calls()).isEqualTo(6);
    }

    // ---- JWT cross-check, listener, status --------------------------------------------------------------------

    @Test
    void jwtExpiryShorterThanExpiresInWinsAndClockSkewIsEstimated() {
        start();
        Instant now = clock.instant();
        // The token service clock runs 90 s ahead; the JWT lives 600 s although expires_in says 3600.
        String jwt = jwt("{\"iat\":" + now.plusSeconds(90).getEpochSecond() + ",\"exp\":"
                + now.plusSeconds(690).getEpochSecond() + "}");
        endpoint.thenAnswer(new TokenResponse(jwt, null, 3600, "Bearer", null));

        AccessToken token = provider.getToken();

        assertThat(token.expiresAt()).isEqualTo(now.plusSeconds(600));
        assertThat(provider.status().estimatedClockSkew()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void opaqueTokensAreAccepted() {
        start();
        endpoint.thenAnswer(new TokenResponse("opaque-not-a-jwt", null, 3600, "Bearer", null));

        AccessToken token = provider.getToken();

        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(provider.status().estimatedClockSkew()).isNull();
    }

    @Test
    void listenersHearObtainedRenewedAndFailed() {
        start();
        List<String> events = new CopyOnWriteArrayList<>();
        provider.addListener(new TokenProviderListener() {
            @Override
            public void onTokenObtained(String grantType, Instant expiresAt) {
                events.add("obtained " + grantType + " " + expiresAt);
            }

            @Override
            public void onTokenRenewed(String grantType, Instant expiresAt) {
                events.add("renewed " + grantType);
            }

            @Override
            public void onTokenFailure(TokenFailureReason reason, ChimpyPosAuthenticationException failure) {
                events.add("failed " + reason);
            }
        });
        provider.addListener(new TokenProviderListener() {
            @Override
            public void onTokenObtained(String grantType, Instant expiresAt) {
                throw new IllegalStateException("a broken listener must not break the provider");
            }
        });

        provider.getToken();
        clock.advance(RENEWAL_DUE);
        provider.getToken();
        awaitCalls(2);
        endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ofSeconds(5)));
        AccessToken rejected = provider.getToken();
        assertThatThrownBy(() -> provider.renewAfterUnauthorized(rejected))
                .isInstanceOf(ChimpyPosAuthenticationException.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
        assertThat(events)
                .containsExactly(
                        "obtained password 2030-01-01T01:00:00Z", "renewed refresh_token", "failed RATE_LIMITED");
    }

    @Test
    void statusReportsStateAndCountersWithoutSecrets() {
        start();
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.NO_TOKEN);
        AccessToken token = provider.getToken();
        provider.renewAfterUnauthorized(token);

        TokenProviderStatus status = provider.status();
        assertThat(status.state()).isEqualTo(TokenProviderState.VALID);
        assertThat(status.tokenExpiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(status.timeToRenewal()).isEqualTo(RENEWAL_DUE);
        assertThat(status.grantsByType()).containsEntry("password", 1L).containsEntry("refresh_token", 1L);
        assertThat(status.tokenCalls()).isEqualTo(2);
        assertThat(status.unauthorizedRenewals()).isEqualTo(1);
        assertThat(status.lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(status.toString())
                .doesNotContain("fake-at-")
                .doesNotContain("fake-rt-")
                .doesNotContain(FakeTokenEndpoint.PASSWORD);
    }

    @Test
    void callsBeforeStartFailClearly() {
        DefaultTokenProvider notStarted =
                new DefaultTokenProvider(settings(clock).build(), endpoint);
        assertThatThrownBy(notStarted::getToken)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }

    @Test
    void stopFailsWaitersAndForgetsTokens() throws Exception {
        start();
        endpoint.block();
        Concurrently<AccessToken> callers = Concurrently.run(5, provider::getToken);
        endpoint.awaitEntered();
        callers.awaitAllParked();

        provider.stop();

        assertThat(callers.futures()).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        endpoint.open();
        provider.start();
        assertThat(provider.status().refreshTokenHeld()).isFalse();
        assertThat(provider.getToken()).isNotNull();
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void invalidSettingsAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> settings(clock).password(null).build().validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> settings(clock)
                        .tokenUrl(URI.create("http://auth.example.test/oauth/token"))
                        .build()
                        .validate())
                .hasMessageContaining("tokenUrl")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> settings(clock)
                        .grantType(GrantType.client_credentials)
                        .clientSecret(null)
                        .build()
                        .validate())
                .hasMessageContaining("clientSecret");
        settings(clock)
                .tokenUrl(URI.create("http://localhost:8080/oauth/token"))
                .allowInsecureHttp(true)
                .build()
                .validate();
    }

    static String jwt(String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
