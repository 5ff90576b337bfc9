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
package io.github.chimpypos.benchmarks.clients;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.chimpypos.benchmarks.emulator.Target;
import io.github.chimpypos.camel.model.StationPricing;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;

/** Plain Apache HttpClient 5 classic, as a team would hand-roll it: the floor and the naive client use it. */
final class Http5 {

    /** Configured as the component's own mapper: unknown fields ignored, amounts as BigDecimal. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Http5() {}

    /** A pooled client with the same TLS, pool and timeout settings as the component's own transport. */
    static CloseableHttpClient pooled(SSLContext sslContext, int maxConnections) {
        var tls = ClientTlsStrategyBuilder.create()
                .setSslContext(sslContext)
                .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                .setHostnameVerifier(new DefaultHostnameVerifier())
                .buildClassic();
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(30))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .setConnectionRequestTimeout(Timeout.ofSeconds(10))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /**
     * Reads {@code data.station} of a pricing answer into the component's own model type, in one pass, the way a team
     * would bind it by hand (an envelope record, no tree): every client ends with the same typed object, and the
     * baselines get it as cheaply as Jackson allows.
     */
    static StationPricing parsePricing(InputStream body) throws IOException {
        PricingAnswer answer = MAPPER.readValue(body, PricingAnswer.class);
        if (answer == null || answer.data() == null || answer.data().station() == null) {
            throw new IOException("the answer has no data.station");
        }
        return answer.data().station();
    }

    /** The envelope of a station-pricing answer; other members are ignored like the component ignores them. */
    record PricingAnswer(Data data) {
        record Data(StationPricing station) {}
    }

    /** The resource-owner password grant exactly as Chimpy documents it; returns the access token. */
    static String fetchPasswordToken(CloseableHttpClient http, Target target) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", target.clientId());
        body.put("audience", target.audience());
        body.put("grant_type", "password");
        body.put("username", target.username());
        body.put("password", target.password());
        HttpPost post = new HttpPost(target.tokenUrl());
        post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return http.execute(post, response -> {
            if (response.getCode() != 200) {
                throw new IOException("token service answered " + response.getCode());
            }
            JsonNode json = MAPPER.readTree(response.getEntity().getContent());
            return json.get("access_token").asText();
        });
    }
}
