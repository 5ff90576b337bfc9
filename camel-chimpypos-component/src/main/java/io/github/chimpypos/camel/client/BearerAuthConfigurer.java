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
package io.github.chimpypos.camel.client;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.transport.ProxyFailureDetector;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Gives a plain camel-http endpoint the chimpypos component's shared token: every request of the client it configures
 * carries {@code Authorization: Bearer} from the component's token provider (same credentials, same cached token, same
 * single flight), and a 401 renews the token once through the provider's 401 path and replays the request when that is
 * safe ({@link BearerAuthHandler}). A refused proxy tunnel is reported as such ({@link ProxyFailureDetector}). Bind it
 * as a bean and name it in the URI: {@code https://pos-api.example/api/v3/reports?httpClientConfigurer=#chimpyAuth}.
 */
public final class BearerAuthConfigurer implements HttpClientConfigurer {

    static final String HANDLER_NAME = "chimpypos-bearer";

    private final Supplier<TokenProvider> tokenProvider;

    /** @param tokenProvider the provider, looked up on the first request (the component acquires it lazily) */
    public BearerAuthConfigurer(Supplier<TokenProvider> tokenProvider) {
        this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        ProxyFailureDetector.installOn(builder);
        // inside the retry and redirect steps: each attempt, and each hop, carries the current token
        builder.addExecInterceptorBefore(
                ChainElement.PROTOCOL.name(), HANDLER_NAME, new BearerAuthHandler(tokenProvider));
    }

    @Override
    public String toString() {
        return "BearerAuthConfigurer[chimpypos shared token]";
    }
}
