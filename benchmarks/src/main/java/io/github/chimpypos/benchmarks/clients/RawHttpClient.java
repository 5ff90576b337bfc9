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
import java.io.UncheckedIOException;
import java.net.URI;

import io.github.chimpypos.benchmarks.emulator.Target;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The floor and the naive client: Apache HttpClient 5 classic, parsing the JSON answer with Jackson. The floor sends a
 * token fetched once before the run; the naive client fetches one before every request.
 */
final class RawHttpClient implements PricingClient {

    private final ClientKind kind;
    private final Target target;
    private final CloseableHttpClient http;
    private final URI pricingUri;
    private final String staticAuthorization;

    RawHttpClient(ClientKind kind, Target target, ClientOptions options) {
        this.kind = kind;
        this.target = target;
        this.http = Http5.pooled(target.sslContext(), options.maxConnections());
        this.pricingUri = target.pricingUri();
        try {
            this.staticAuthorization =
                    kind == ClientKind.FLOOR ? "Bearer " + Http5.fetchPasswordToken(http, target) : null;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot pre-fetch the floor's token", e);
        }
    }

    @Override
    public ClientKind kind() {
        return kind;
    }

    @Override
    public Object getStationPricing() throws IOException {
        String authorization =
                staticAuthorization != null ? staticAuthorization : "Bearer " + Http5.fetchPasswordToken(http, target);
        HttpGet get = new HttpGet(pricingUri);
        get.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        return http.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IOException("PoS API answered " + response.getCode());
            }
            return Http5.parsePricing(response.getEntity().getContent());
        });
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
