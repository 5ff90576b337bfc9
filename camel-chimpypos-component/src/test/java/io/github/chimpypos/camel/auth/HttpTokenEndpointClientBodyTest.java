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
import static org.assertj.core.api.Assertions.entry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class HttpTokenEndpointClientBodyTest {

    private final TestClock clock = new TestClock();

    private Map<String, String> json(TokenProviderSettings settings, TokenRequest request) throws Exception {
        try (HttpTokenEndpointClient client = new HttpTokenEndpointClient(settings)) {
            return new ObjectMapper().readValue(client.body(request), new TypeReference<Map<String, String>>() {});
        }
    }

    private Map<String, String> form(TokenProviderSettings settings, TokenRequest request) {
        try (HttpTokenEndpointClient client = new HttpTokenEndpointClient(settings)) {
            String body = new String(client.body(request), StandardCharsets.UTF_8);
            return Arrays.stream(body.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        }
    }

    @Test
    void passwordGrantAsChimpyDocumentsIt() throws Exception {
        TokenProviderSettings settings =
                DefaultTokenProviderTest.settings(clock).clientSecret(null).build();

        assertThat(json(settings, TokenRequest.grant(GrantType.password)))
                .containsOnly(
                        entry("grant_type", "password"),
                        entry("client_id", "client-1"),
                        entry("audience", "https://pos-api.example.test"),
                        entry("username", "shop@example.test"),
                        entry("password", FakeTokenEndpoint.PASSWORD),
                        entry("scope", "offline_access"));
    }

    @Test
    void passwordGrantAddsTheClientSecretWhenSet() throws Exception {
        TokenProviderSettings settings =
                DefaultTokenProviderTest.settings(clock).build();

        assertThat(json(settings, TokenRequest.grant(GrantType.password)))
                .containsEntry("client_secret", FakeTokenEndpoint.CLIENT_SECRET);
    }

    @Test
    void refreshGrantSendsOnlyClientAndRefreshToken() throws Exception {
        TokenProviderSettings settings =
                DefaultTokenProviderTest.settings(clock).clientSecret(null).build();

        assertThat(json(settings, TokenRequest.refresh("rt-1")))
                .containsOnly(
                        entry("grant_type", "refresh_token"),
                        entry("client_id", "client-1"),
                        entry("refresh_token", "rt-1"));
    }

    @Test
    void clientCredentialsGrant() throws Exception {
        TokenProviderSettings settings = DefaultTokenProviderTest.settings(clock)
                .grantType(GrantType.client_credentials)
                .build();

        assertThat(json(settings, TokenRequest.grant(GrantType.client_credentials)))
                .containsOnly(
                        entry("grant_type", "client_credentials"),
                        entry("client_id", "client-1"),
                        entry("client_secret", FakeTokenEndpoint.CLIENT_SECRET),
                        entry("audience", "https://pos-api.example.test"));
    }

    @Test
    void formEncodingForRfc6749Servers() {
        TokenProviderSettings settings = DefaultTokenProviderTest.settings(clock)
                .requestFormat(TokenRequestFormat.form)
                .password("p&ss=w rd+!")
                .clientSecret(null)
                .build();

        assertThat(form(settings, TokenRequest.grant(GrantType.password)))
                .containsEntry("grant_type", "password")
                .containsEntry("password", "p&ss=w rd+!")
                .containsEntry("username", "shop@example.test")
                .containsEntry("scope", "offline_access");
    }
}
