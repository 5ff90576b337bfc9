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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health checks, JMX and the console read {@link DefaultTokenProvider#status()}: it must answer at once, whatever the
 * token service or another thread is doing, and never ask for a token.
 */
class ProviderStatusNeverWaitsTest {

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    private DefaultTokenProvider provider;

    @AfterEach
    void stop() {
        endpoint.open();
        if (provider != null) {
            provider.stop();
        }
    }

    /** Invariant: while a token request hangs and while another thread holds the provider's lock, status answers. */
    @Test
    void statusAnswersAtOnceWhileATokenRequestHangsAndWhileTheLockIsHeld() throws Exception {
        provider = new DefaultTokenProvider(
                DefaultTokenProviderTest.settings(clock).build(),
                endpoint,
                new RecordingSleeper(clock),
                () -> 0.5,
                new CredentialLockouts());
        provider.start();
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.NO_TOKEN);
        assertThat(endpoint.calls()).as("status asked for no token").isZero();

        endpoint.block();
        CompletableFuture<AccessToken> waiting = CompletableFuture.supplyAsync(provider::getToken);
        endpoint.awaitEntered();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 100; i++) {
                assertThat(provider.status().state()).isEqualTo(TokenProviderState.RENEWING);
            }
        });

        provider.stateLock().lock();
        try {
            TokenProviderStatus status =
                    CompletableFuture.supplyAsync(provider::status).get(1, TimeUnit.SECONDS);
            assertThat(status.tokenCalls()).isEqualTo(1);
        } finally {
            provider.stateLock().unlock();
        }
        endpoint.open();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(provider.status().state()).isEqualTo(TokenProviderState.VALID);
        assertThat(endpoint.calls()).isEqualTo(1);
    }
}
