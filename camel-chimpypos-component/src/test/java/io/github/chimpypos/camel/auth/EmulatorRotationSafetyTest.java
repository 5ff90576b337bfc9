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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.testsupport.LogCapture;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.MutableClock;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rotation safety against the emulator's Auth0-style token service with rotating refresh tokens and reuse
 * detection, on the emulator's clock: whatever goes wrong with an answer, no refresh token is ever presented twice.
 */
class EmulatorRotationSafetyTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Margin 60 s plus jitter 5 % x 0.5 of it: renewal due 61.5 s before expiry. */
    private static final Duration RENEWAL_DUE = LIFETIME.minusMillis(61_500);

    private static final MutableClock CLOCK = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.using(ChimpyPosEmulator.builder()
            .clock(CLOCK)
            .accessTokenLifetime(LIFETIME)
            .refreshTokenRotation(true)
            .workerThreads(8));

    private DefaultTokenProvider provider;

    private DefaultTokenProvider start(Duration responseTimeout) {
        TokenProviderSettings settings = EmulatorTokenProviderTest.settings(EMULATOR.emulator(), CLOCK)
                .httpClientSettings(new HttpClientSettings(
                        EMULATOR.emulator().clientSslContext(), Duration.ofSeconds(5), responseTimeout, 2))
                .build();
        provider = new DefaultTokenProvider(settings, null, CLOCK::advance, () -> 0.5, new CredentialLockouts());
        provider.start();
        return provider;
    }

    private static EmulatorCounters counters() {
        return EMULATOR.emulator().control().counters();
    }

    /** A renewal on the clock: the token's renewal falls due and the background refresh completes. */
    private void renewOnTheClock() {
        CLOCK.advance(RENEWAL_DUE);
        provider.getToken();
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.status().state() != TokenProviderState.RENEWING);
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop();
        }
    }

    /**
     * Invariant: a refresh answered with {@code expires_in} 2e16 still hands over its rotated refresh token; the next
     * renewal presents that new token, and the token service's reuse detection never fires.
     */
    @Test
    void absurdExpiresInThenARenewalPresentsTheRotatedRefreshTokenAndNeverTripsReuseDetection() {
        start(Duration.ofSeconds(5));
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().failNextTokenCalls(1, Fault.expiresIn(20_000_000_000_000_000L));

        AccessToken absurd;
        try (LogCapture logs = LogCapture.everything()) {
            absurd = provider.renewAfterUnauthorized(first);
            assertThat(logs.lines()).anyMatch(line -> line.contains("expires_in 20000000000000000 s"));
        }
        // served for the JWT's real life, not for 634 million years
        assertThat(absurd.expiresAt()).isBeforeOrEqualTo(CLOCK.instant().plus(LIFETIME));
        renewOnTheClock();
        renewOnTheClock();

        EmulatorCounters counters = counters();
        assertThat(counters.tokenCalls("password")).isEqualTo(1);
        assertThat(counters.tokenCalls("refresh_token", "success")).isEqualTo(3);
        assertThat(counters.tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters.refreshTokenReuseDetections()).isZero();
    }

    /**
     * Invariant: a refresh whose answer arrives after the client's response timeout (the service rotated the token,
     * the client never saw the successor) is never sent again: the next call is a password grant, reuse detections
     * stay 0, and later renewals use the new family.
     */
    @Test
    void refreshAnsweredAfterTheClientGaveUpIsFollowedByAPasswordGrantNeverAReuse() {
        start(Duration.ofMillis(400));
        AccessToken first = provider.getToken();
        EMULATOR.emulator().control().failNextTokenCalls(1, Fault.answerLate(Duration.ofMillis(1500)));

        AccessToken next = provider.renewAfterUnauthorized(first);

        assertThat(next.value()).isNotEqualTo(first.value());
        assertThat(counters().tokenCalls("password", "success")).isEqualTo(2);
        assertThat(provider.status().failures(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE))
                .as("the timed-out refresh")
                .isEqualTo(1);
        renewOnTheClock();

        EmulatorCounters counters = counters();
        assertThat(counters.tokenCalls("refresh_token", "success"))
                .as("the late one (granted by the service) and the renewal")
                .isEqualTo(2);
        assertThat(counters.tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters.refreshTokenReuseDetections()).isZero();
    }
}
