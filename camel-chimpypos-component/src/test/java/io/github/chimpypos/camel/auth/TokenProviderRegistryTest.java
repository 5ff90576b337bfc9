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

import java.util.ArrayList;
import java.util.List;

import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenProviderRegistryTest {

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    private final TokenProviderRegistry registry =
            new TokenProviderRegistry(settings -> new DefaultTokenProvider(settings, endpoint));

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void fiftyEndpointsWithEqualCredentialsShareOneProviderAndOneToken() {
        List<TokenProvider> providers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // A new but equal settings object per endpoint, as each endpoint builds its own.
            providers.add(
                    registry.acquire(DefaultTokenProviderTest.settings(clock).build()));
        }

        assertThat(providers).containsOnly(providers.get(0));
        assertThat(providers).extracting(p -> p.getToken().value()).containsOnly("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(registry.providers()).hasSize(1);
        assertThat(registry.users(providers.get(0))).isEqualTo(50);
    }

    @Test
    void differentCredentialsGetDifferentProviders() {
        ObservableTokenProvider shopA =
                registry.acquire(DefaultTokenProviderTest.settings(clock).build());
        ObservableTokenProvider shopB = registry.acquire(DefaultTokenProviderTest.settings(clock)
                .username("other@example.test")
                .build());
        ObservableTokenProvider otherPassword = registry.acquire(DefaultTokenProviderTest.settings(clock)
                .password("another-password")
                .build());

        assertThat(shopA).isNotSameAs(shopB).isNotSameAs(otherPassword);
        assertThat(shopB).isNotSameAs(otherPassword);
        assertThat(registry.providers()).hasSize(3);
    }

    @Test
    void providerStartsOnFirstAcquireAndStopsWhenTheLastUserReleasesIt() {
        ObservableTokenProvider first =
                registry.acquire(DefaultTokenProviderTest.settings(clock).build());
        ObservableTokenProvider second =
                registry.acquire(DefaultTokenProviderTest.settings(clock).build());
        DefaultTokenProvider provider = (DefaultTokenProvider) first;
        assertThat(provider.isStarted()).isTrue();

        registry.release(first);
        assertThat(provider.isStarted()).isTrue();
        assertThat(second.getToken()).isNotNull();

        registry.release(second);
        assertThat(provider.isStopped()).isTrue();
        assertThat(registry.providers()).isEmpty();
        registry.release(second); // unknown now: ignored

        ObservableTokenProvider again =
                registry.acquire(DefaultTokenProviderTest.settings(clock).build());
        assertThat(again).isNotSameAs(first);
        assertThat(((DefaultTokenProvider) again).isStarted()).isTrue();
    }

    @Test
    void closeStopsEveryProvider() {
        DefaultTokenProvider provider = (DefaultTokenProvider)
                registry.acquire(DefaultTokenProviderTest.settings(clock).build());

        registry.close();

        assertThat(provider.isStopped()).isTrue();
        assertThat(registry.providers()).isEmpty();
    }

    @Test
    void invalidSettingsFailOnAcquireAndRegisterNothing() {
        assertThatThrownBy(() -> registry.acquire(
                        DefaultTokenProviderTest.settings(clock).username(null).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
        assertThat(registry.providers()).isEmpty();
    }
}
