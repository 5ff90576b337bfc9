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

import java.io.IOException;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;

/**
 * HttpClient 5 hands a refused CONNECT back as if the target had answered: a proxy's 403 would read as the token
 * service denying access, a proxy's 401 as rejected credentials (counting toward the lockout). Sitting just before the
 * connect step, this handler sees every answer of a tunnelled route: when no TLS session with the target exists after
 * it, the answer came from the proxy and becomes a {@link ProxyFailureException} instead. A
 * connection the proxy itself refuses becomes one too, so that it names the proxy rather than the target.
 */
public final class ProxyFailureDetector implements ExecChainHandler {

    static final String NAME = "chimpypos-proxy-failure";
    private static final ProxyFailureDetector INSTANCE = new ProxyFailureDetector();

    private ProxyFailureDetector() {}

    /** Installs the detector on a builder (ours, or a camel-http endpoint's through the bearer configurer). */
    public static HttpClientBuilder installOn(HttpClientBuilder builder) {
        return builder.addExecInterceptorBefore(ChainElement.CONNECT.name(), NAME, INSTANCE);
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpRoute route = scope.route;
        HttpHost proxy = route.getProxyHost();
        if (proxy == null) {
            return chain.proceed(request, scope);
        }
        String proxyAddress = proxy.getHostName() + ":" + proxy.getPort();
        HttpHost target = route.getTargetHost();
        String targetAddress = target.getHostName() + ":" + target.getPort();
        // a context reused across requests may still hold the session of an earlier request
        scope.clientContext.setSSLSession(null);
        boolean connected = scope.execRuntime.isEndpointConnected();
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (HttpHostConnectException | ConnectTimeoutException | UnknownHostException e) {
            // through a proxy the only connection this client opens itself is the one to the proxy
            if (connected) {
                throw e;
            }
            throw ProxyFailureException.unreachable(proxyAddress, targetAddress, e);
        }
        if (!route.isTunnelled() || scope.clientContext.getSSLSession() != null) {
            return response;
        }
        int status = response.getCode();
        String reason = response.getReasonPhrase();
        response.close();
        throw ProxyFailureException.refused(proxyAddress, targetAddress, status, reason);
    }
}
