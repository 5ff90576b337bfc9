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

import java.time.Instant;

import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class SecretsInToStringTest {

    private static final String ACCESS = "at-secret-value";
    private static final String REFRESH = "rt-secret-value";

    private final TestClock clock = new TestClock();

    @Test
    void noToStringShowsASecret() {
        TokenProviderSettings settings =
                DefaultTokenProviderTest.settings(clock).build();
        TokenProviderRegistry registry =
                new TokenProviderRegistry(s -> new DefaultTokenProvider(s, new FakeTokenEndpoint()));
        try {
            ObservableTokenProvider provider = registry.acquire(settings);
            provider.getToken();
            try (HttpTokenEndpointClient client = new HttpTokenEndpointClient(settings)) {
                Object[] objects = {
                    settings,
                    settings.credentialsKey(),
                    new TokenResponse(ACCESS, REFRESH, 60, "Bearer", "offline_access"),
                    TokenRequest.refresh(REFRESH),
                    new AccessToken(ACCESS, Instant.EPOCH, Instant.EPOCH.plusSeconds(60)),
                    provider,
                    provider.status(),
                    registry,
                    client
                };
                for (Object object : objects) {
                    assertThat(object.toString())
                            .as(object.getClass().getSimpleName())
                            .doesNotContain(FakeTokenEndpoint.PASSWORD)
                            .doesNotContain(FakeTokenEndpoint.CLIENT_SECRET)
                            .doesNotContain(ACCESS)
                            .doesNotContain(REFRESH)
                            .doesNotContain("fake-at-")
                            .doesNotContain("fake-rt-");
                }
            }
        } finally {
            registry.close();
        }
    }
}
