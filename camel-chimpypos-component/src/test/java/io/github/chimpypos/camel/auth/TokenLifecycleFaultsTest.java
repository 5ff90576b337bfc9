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

import java.time.Duration;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One fault per test on the injected clock; each states the invariant it holds the provider to. */
class TokenLifecycleFaultsTest {

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    /** This test's own memory of lockouts, standing for the JVM's. */
    private final CredentialLockouts lockouts = new CredentialLockouts();

    private DefaultTokenProvider provider;

    private DefaultTokenProvider startProvider() {
        provider = new DefaultTokenProvider(
                DefaultTokenProviderTest.settings(clock).build(), endpoint, sleeper, () -> 0.5, lockouts);
        provider.start();
        return provider;
    }

    /** A route reload or an endpoint removed and added: a new provider for the same credential set. */
    private DefaultTokenProvider restartProvider() {
        provider.stop();
        return startProvider();
    }

    @AfterEach
    void stop() {
        endpoint.open();
        if (provider != null) {
            provider.stop();
        }
    }

    @Test
    void wrongPasswordLeftRunningFor30SimulatedDaysCostsAtMostThreePasswordGrants() {
        // Invariant: at most 3 consecutive rejected credential attempts per credential set for the life of the JVM,
        // across provider restarts, whatever the traffic; then none until a reset.
        // Only three rejections are scripted: a fourth attempt would get a token and fail the assertions below.
        for (int i = 0; i < 3; i++) {
            endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));
        }
        startProvider();
        for (int minute = 0; minute < 30 * 24 * 60; minute++) {
            if (minute % (24 * 60) == 0) {
                restartProvider();
            }
            assertThatThrownBy(provider::getToken)
                    .isInstanceOfSatisfying(
                            ChimpyPosAuthenticationException.class,
                            e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED))
                    .hasMessageContaining("were rejected by the token service (invalid_grant)")
                    .hasMessageContaining("Wrong email or password.");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(endpoint.calls(TokenRequest.PASSWORD)).isEqualTo(FailureLadder.MAX_REJECTED_ATTEMPTS);
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);
        assertThatThrownBy(provider::getToken)
                .hasMessageContaining("no automatic attempt any more")
                .hasMessageContaining("resetCredentialsLockout")
                .hasMessageNotContaining(FakeTokenEndpoint.PASSWORD);

        provider.resetCredentialsLockout();
        assertThat(provider.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls(TokenRequest.PASSWORD)).isEqualTo(4);
    }

    @Test
    void quietPeriodDoublesBetweenRejectedAttempts() {
        // Invariant: the second attempt comes one quiet period after the first, the third two after the second.
        for (int i = 0; i < 3; i++) {
            endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));
        }
        startProvider();
        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until 2030-01-01T00:05:00Z");
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until 2030-01-01T00:15:00Z");
        clock.advance(Duration.ofMinutes(9));
        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until 2030-01-01T00:15:00Z");
        assertThat(endpoint.calls()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(provider::getToken).hasMessageContaining("no automatic attempt any more");
        assertThat(endpoint.calls()).isEqualTo(3);
    }

    @Test
    void userBlockedByBruteForceProtectionIsALockoutNotARateLimit() {
        // Invariant: after too_many_attempts no attempt at all until a reset (waiting does not unblock the user).
        endpoint.thenFail(new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED, 429, "too_many_attempts", "user blocked"));
        startProvider();
        assertThatThrownBy(provider::getToken).hasMessageContaining("no automatic attempt any more");
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void retryAfterZeroStormIsBoundedByTheBackoff() {
        // Invariant: a Retry-After of 0 waits at least the current backoff step: 20 exchanges on a frozen clock make
        // one call, a minute of exchanges every 100 ms at most one call per backoff step.
        for (int i = 0; i < 1000; i++) {
            endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ZERO));
        }
        startProvider();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        }
        assertThat(endpoint.calls()).isEqualTo(1);

        for (int step = 0; step < 600; step++) {
            clock.advance(Duration.ofMillis(100));
            assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        }
        // backoff 1 s doubling to the 8 s cap, half of it fixed: 0.75 + 1.5 + 3 + 6 + 6 ... s within 60 s
        assertThat(endpoint.calls()).isLessThanOrEqualTo(13);
    }

    @Test
    void operatorResetClearsARateLimitWait() {
        // Invariant: after the reset the next exchange tries at once, whatever Retry-After said.
        endpoint.thenFail(FakeTokenEndpoint.rateLimited(Duration.ofMinutes(10)));
        startProvider();
        assertThatThrownBy(provider::getToken).hasMessageContaining("no new attempt until 2030-01-01T00:10:00Z");
        provider.resetCredentialsLockout();
        assertThat(provider.getToken()).isNotNull();
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void notFoundTokenUrlMakesOneCallThenStopsUntilReset() {
        // Invariant: a 4xx other than 401/403/429 is a configuration error: one call, then none until a reset,
        // even across a provider restart; the message names the status.
        endpoint.thenFail(new TokenEndpointException(
                TokenFailureReason.REQUEST_REJECTED,
                404,
                null,
                "The token service refused the password grant with" + " HTTP 404; check tokenUrl"));
        startProvider();
        assertThatThrownBy(provider::getToken)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("no automatic attempt until the configuration changes");
        for (int hour = 0; hour < 24 * 30; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        }
        restartProvider();
        assertThatThrownBy(provider::getToken).hasMessageContaining("HTTP 404");
        assertThat(endpoint.calls()).isEqualTo(1);

        provider.resetCredentialsLockout();
        assertThat(provider.getToken()).isNotNull();
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void refreshWhoseOutcomeIsUnknownIsNeverSentAgain() {
        // Invariant: after a refresh timed out, the next call is a password grant; no refresh token is presented
        // twice (the fake counts reuse as the real service's reuse detection would).
        startProvider();
        AccessToken first = provider.getToken();
        endpoint.thenFail(FakeTokenEndpoint.unavailable(0).outcomeUnknown());

        AccessToken second = provider.renewAfterUnauthorized(first);

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(endpoint.requests())
                .extracting(TokenRequest::grantType)
                .containsExactly(TokenRequest.PASSWORD, TokenRequest.REFRESH_TOKEN, TokenRequest.PASSWORD);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void rotatedRefreshTokenInAnAnswerThatFailsOurChecksIsKept() {
        // Invariant: a refresh token in a parsed 2xx answer is stored before anything else can fail, so the next
        // renewal presents the new one and reuse detection never fires.
        startProvider();
        AccessToken first = provider.getToken();
        endpoint.then(request -> {
            TokenResponse rotated = endpoint.issue(request);
            throw new TokenEndpointException(TokenFailureReason.MALFORMED_RESPONSE, 200, null, "no expires_in")
                    .withRefreshTokenInAnswer(rotated.refreshToken());
        });

        AccessToken second = provider.renewAfterUnauthorized(first);
        provider.renewAfterUnauthorized(second);

        assertThat(endpoint.requests())
                .extracting(TokenRequest::grantType)
                .containsExactly(
                        TokenRequest.PASSWORD,
                        TokenRequest.REFRESH_TOKEN,
                        TokenRequest.REFRESH_TOKEN,
                        TokenRequest.REFRESH_TOKEN);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void shortTokensWithSlowTokenCallsRenewAtMostOncePerToken() {
        // Invariant: with 3 s tokens and 2.5 s token calls, steady traffic for a simulated minute makes at most one
        // token call per token delivered, and no renewal starts the moment a token arrives.
        endpoint.expiresIn(3);
        endpoint.then(request -> {
            clock.advance(Duration.ofMillis(2500));
            return endpoint.issue(request);
        });
        startProvider();
        provider.getToken();
        for (int i = 0; i < 60; i++) {
            endpoint.then(request -> {
                clock.advance(Duration.ofMillis(2500));
                return endpoint.issue(request);
            });
        }
        int served = 1;
        String last = null;
        for (int step = 0; step < 600; step++) {
            clock.advance(Duration.ofMillis(100));
            try {
                String value = provider.getToken().value();
                if (!value.equals(last)) {
                    served++;
                    last = value;
                }
            } catch (ChimpyPosAuthenticationException e) {
                // the token call outlived the token: callers wait and may give up
            }
            await().until(() -> provider.status().state() != TokenProviderState.RENEWING);
        }
        assertThat(endpoint.calls()).isLessThanOrEqualTo(served + 1);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }
}
