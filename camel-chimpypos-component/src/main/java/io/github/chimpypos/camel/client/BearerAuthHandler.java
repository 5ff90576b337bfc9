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

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.TokenProvider;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token in a camel-http client's execution chain, with the component's replay rules
 * ({@link ChimpyPosApiClient}): a 401 renews the token once and replays the request when its body can be sent again
 * (the API rejected it before processing it); an I/O error replays it once only when it was not sent (connection
 * refused or timed out while connecting) or its method is idempotent, so a POST that timed out is never sent twice.
 * The token is sent over https only.
 */
final class BearerAuthHandler implements ExecChainHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthHandler.class);
    private static final int UNAUTHORIZED = 401;

    private final Supplier<TokenProvider> tokenProvider;

    BearerAuthHandler(Supplier<TokenProvider> tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpHost target = scope.route.getTargetHost();
        if (!"https".equals(target.getSchemeName().toLowerCase(Locale.ROOT))) {
            throw new HttpException("The Chimpy PoS access token is only sent over https, not to " + target.toURI()
                    + " (the client is configured with the chimpypos bearer configurer)");
        }
        TokenProvider provider = tokenProvider.get();
        AccessToken token = provider.getToken();
        ClassicHttpResponse response = sendReplayingIoErrors(request, scope, chain, token);
        if (response.getCode() != UNAUTHORIZED) {
            return response;
        }
        HttpEntity body = request.getEntity();
        if (body != null && !body.isRepeatable()) {
            LOG.info(
                    "{} {} answered 401: renewing the access token; the body cannot be sent again, so the request is"
                            + " not replayed",
                    request.getMethod(),
                    target.toHostString());
            // the next request gets the fresh token; this one's 401 reaches the route
            provider.renewAfterUnauthorized(token);
            return response;
        }
        LOG.info(
                "{} {} answered 401: renewing the access token and replaying the request once",
                request.getMethod(),
                target.toHostString());
        EntityUtils.consume(response.getEntity());
        response.close();
        AccessToken renewed = provider.renewAfterUnauthorized(token);
        return sendReplayingIoErrors(copy(request), scope, chain, renewed);
    }

    private static ClassicHttpResponse sendReplayingIoErrors(
            ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain, AccessToken token)
            throws IOException, HttpException {
        request.setHeader(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
        try {
            return chain.proceed(request, scope);
        } catch (IOException e) {
            boolean notSent = e instanceof ConnectException || e instanceof ConnectTimeoutException;
            HttpEntity body = request.getEntity();
            boolean replayable =
                    (notSent || Method.isIdempotent(request.getMethod())) && (body == null || body.isRepeatable());
            if (!replayable) {
                throw e;
            }
            LOG.debug(
                    "{} {}: I/O error ({}), replaying once",
                    request.getMethod(),
                    scope.route.getTargetHost().toHostString(),
                    e.getClass().getSimpleName());
            ClassicHttpRequest replay = copy(request);
            replay.setHeader(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
            return chain.proceed(replay, scope);
        }
    }

    private static ClassicHttpRequest copy(ClassicHttpRequest request) {
        return ClassicRequestBuilder.copy(request).build();
    }
}
