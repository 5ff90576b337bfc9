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
package io.github.chimpypos.camel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.junit.jupiter.api.Test;

/** camel-http's HttpClientConfigurer and a user's own httpClient reach the token calls as well as the API calls. */
class HttpClientCustomisationRouteTest extends ChimpyPosTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HttpRequestInterceptor recorder() {
        return (request, entity, context) -> requests.add(request.getMethod() + " " + request.getPath());
    }

    @Test
    void theConfigurerShapesBothTheTokenClientAndTheApiClient() {
        AtomicInteger builders = new AtomicInteger();
        HttpClientConfigurer configurer = builder -> {
            builders.incrementAndGet();
            builder.addRequestInterceptorLast(recorder());
        };
        component().getConfiguration().setHttpClientConfigurer(configurer);

        assertThat(send(CHECK_USER).getException()).isNull();

        assertThat(builders).hasValue(2);
        assertThat(requests).containsExactly("POST /oauth/token", "GET /api/v2/users/APPUSER1");
    }

    @Test
    void aUserSuppliedHttpClientServesTheTokenCallsToo() throws Exception {
        try (CloseableHttpClient own = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(emulator().clientSslContext())
                                .buildClassic())
                        .build())
                .addRequestInterceptorLast(recorder())
                .build()) {
            component().getConfiguration().setHttpClient(own);

            assertThat(send(CHECK_USER).getException()).isNull();
        }

        assertThat(requests).containsExactly("POST /oauth/token", "GET /api/v2/users/APPUSER1");
        assertThat(counters().tokenCalls()).isEqualTo(1);
    }
}
