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
package io.github.chimpypos.camel.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.chimpypos.camel.auth.TokenEndpointClient;
import io.github.chimpypos.camel.auth.TokenRequest;
import io.github.chimpypos.camel.auth.TokenResponse;

/**
 * Passes token requests through and records every token the service hands out and every refresh token presented, so
 * a secrets test can search its captured logs for each of them.
 */
public final class RecordingTokenEndpointClient implements TokenEndpointClient {

    private final TokenEndpointClient delegate;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    public RecordingTokenEndpointClient(TokenEndpointClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public TokenResponse requestToken(TokenRequest request) {
        if (request.refreshToken() != null) {
            tokens.add(request.refreshToken());
        }
        TokenResponse response = delegate.requestToken(request);
        tokens.add(response.accessToken());
        if (response.refreshToken() != null) {
            tokens.add(response.refreshToken());
        }
        return response;
    }

    /** Every access and refresh token seen so far. */
    public Set<String> tokens() {
        return Set.copyOf(tokens);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
