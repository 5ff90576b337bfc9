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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What one start of a provider owns, and what a stop releases. */
class ProviderRuntimeTest {

    private final TestClock clock = new TestClock();

    /** An endpoint client that only records whether it was closed. */
    private static final class ClosingClient implements TokenEndpointClient {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public TokenResponse requestToken(TokenRequest request) {
            throw new UnsupportedOperationException("not sent in these tests");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @ParameterizedTest(name = "owns its client {0}: closed on release {0}")
    @CsvSource({"true", "false"})
    void onlyAnOwnedClientIsClosed(boolean owned) {
        ClosingClient client = new ClosingClient();
        ProviderRuntime runtime = new ProviderRuntime(client, owned, new ProviderThread("c"));

        runtime.release(null);

        assertThat(client.closed.get()).isEqualTo(owned);
    }

    @Test
    void anInjectedClientIsUsedAndNotOwned() {
        ClosingClient injected = new ClosingClient();
        ProviderRuntime runtime =
                ProviderRuntime.start(DefaultTokenProviderTest.settings(clock).build(), injected);

        assertThat(runtime.client()).isSameAs(injected);
        runtime.release(null);
        assertThat(injected.closed.get()).isFalse();
    }

    @Test
    void releaseFailsTheOrphanedFlightAndEndsTheThread() {
        ProviderRuntime runtime = new ProviderRuntime(new ClosingClient(), true, new ProviderThread("c"));
        CompletableFuture<AccessToken> orphan = new CompletableFuture<>();

        runtime.release(orphan);

        assertThat(orphan).isCompletedExceptionally();
        assertThatThrownBy(orphan::join)
                .hasCauseInstanceOf(ChimpyPosAuthenticationException.class)
                .hasMessageContaining("The token provider was stopped");
        assertThatThrownBy(() -> runtime.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aDueRenewalWakesTheProviderUp() throws InterruptedException {
        ProviderRuntime runtime = new ProviderRuntime(new ClosingClient(), false, new ProviderThread("c"));
        CountDownLatch woken = new CountDownLatch(1);
        Instant now = clock.instant();
        AccessToken token = new AccessToken("t", now, now.plusSeconds(60));
        TokenLifecycle due = TokenLifecycle.EMPTY.installed(
                new Served(token, clock.millis() + 60_000, clock.millis()), null, null, false);
        try {
            runtime.scheduleWakeUp(due, clock.millis(), woken::countDown);

            await().atMost(Duration.ofSeconds(10)).until(() -> woken.getCount() == 0);
        } finally {
            runtime.release(null);
        }
    }

    @Test
    void afterReleaseNoWakeUpIsScheduled() {
        ProviderRuntime runtime = new ProviderRuntime(new ClosingClient(), false, new ProviderThread("c"));
        runtime.release(null);
        AtomicBoolean woken = new AtomicBoolean();
        Instant now = clock.instant();
        AccessToken token = new AccessToken("t", now, now.plusSeconds(60));
        TokenLifecycle due = TokenLifecycle.EMPTY.installed(
                new Served(token, clock.millis() + 60_000, clock.millis()), null, null, false);

        // refused quietly (logged): the thread is gone, and a stopping provider must not fail on it
        assertThatCode(() -> runtime.scheduleWakeUp(due, clock.millis(), () -> woken.set(true)))
                .doesNotThrowAnyException();
        assertThat(woken).isFalse();
    }
}
