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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.camel.transport.HttpClientRegistry;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

/** Endpoints with equal settings share one SSL context and one HTTP client, closed with the last of them. */
class ChimpyPosSharedClientsTest extends ChimpyPosTestSupport {

    @Test
    void aThousandEndpointsShareOneHttpClientAndOneSslContextClosedWithTheLast() throws Exception {
        HttpClientRegistry registry = component().getHttpClientRegistry();
        ChimpyPosConfiguration defaults = component().getConfiguration();
        List<ChimpyPosEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ChimpyPosEndpoint endpoint =
                    (ChimpyPosEndpoint) component().createEndpoint("chimpypos:getStationPricing?stationId=s" + i);
            endpoint.start();
            endpoints.add(endpoint);
        }
        ChimpyPosEndpoint other =
                (ChimpyPosEndpoint) component().createEndpoint("chimpypos:getStationPricing?maxConnections=3");
        other.start();

        assertThat(registry.httpClients()).isEqualTo(2);
        assertThat(registry.sslContexts()).isEqualTo(1);
        assertThat(component().getTokenProviderRegistry().providers()).hasSize(1);
        assertThat(endpoints.get(0).getApiClient().mapper())
                .isSameAs(endpoints.get(999).getApiClient().mapper());
        SSLContext sslContext = registry.acquireSslContext(defaults.getSslContextParameters(), context);
        CloseableHttpClient shared = registry.acquire(new HttpClientSettings(
                sslContext,
                Duration.ofMillis(defaults.getConnectTimeout()),
                Duration.ofMillis(defaults.getResponseTimeout()),
                defaults.getMaxConnections()));
        registry.release(shared);
        registry.releaseSslContext(defaults.getSslContextParameters());
        assertThat(registry.httpClients()).isEqualTo(2);

        Exchange exchange = send("chimpypos:getStationPricing?stationId=abc1");
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(StationPricing.class).getExternalId())
                .isEqualTo("abc1");

        for (ChimpyPosEndpoint endpoint : endpoints.subList(0, 999)) {
            endpoint.stop();
        }
        other.stop();
        // the last of the thousand and the endpoint of the send above still hold the shared client
        assertThat(registry.httpClients()).isEqualTo(1);
        assertThat(registry.sslContexts()).isEqualTo(1);
        context.removeEndpoints("chimpypos:*");
        endpoints.get(999).stop();

        assertThat(registry.httpClients()).isZero();
        assertThat(registry.sslContexts()).isZero();
        assertThatThrownBy(() -> shared.execute(new HttpGet(emulator().apiUrl()), response -> null))
                .isInstanceOf(IllegalStateException.class);
    }
}
