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

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.transport.ClientCertificateProbe;
import io.github.chimpypos.camel.transport.HttpClientFactory;
import io.github.chimpypos.camel.transport.ProxyFailureException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to an Auth0-style {@code /oauth/token} endpoint over HTTPS with Apache HttpClient 5 (from
 * {@link HttpClientFactory}). Builds the body as JSON, as Chimpy documents it, or form-encoded for RFC 6749 servers;
 * classifies every failure (see {@link TokenResponseReader}) including transport errors: timeouts, refused or reset
 * connections and TLS failures. Neither the body nor any credential or token is ever logged or put in a message.
 */
public final class HttpTokenEndpointClient implements TokenEndpointClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTokenEndpointClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_CAUSE_TEXT = 200;

    private final TokenProviderSettings settings;
    private final CloseableHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final TokenResponseReader reader;
    private final String endpoint;

    /**
     * Uses the user's client of {@link TokenProviderSettings#httpClient()} when set, else creates its own pooled HTTPS
     * client from {@link TokenProviderSettings#httpClientSettings()}.
     */
    public HttpTokenEndpointClient(TokenProviderSettings settings) {
        this(
                settings,
                settings.httpClient() != null
                        ? settings.httpClient()
                        : HttpClientFactory.create(settings.httpClientSettings()),
                settings.httpClient() == null);
    }

    /** Uses the given client; it is closed by {@link #close()} only when {@code ownsHttpClient}. */
    public HttpTokenEndpointClient(
            TokenProviderSettings settings, CloseableHttpClient httpClient, boolean ownsHttpClient) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.ownsHttpClient = ownsHttpClient;
        URI url = Objects.requireNonNull(settings.tokenUrl(), "tokenUrl");
        this.endpoint = safeEndpoint(url);
        this.reader = new TokenResponseReader(settings.clock(), settings.password(), settings.clientSecret());
    }

    @Override
    public TokenResponse requestToken(TokenRequest request) {
        String what = TokenResponseReader.describe(request);
        byte[] body = body(request);
        ContentType contentType = settings.requestFormat() == TokenRequestFormat.form
                ? ContentType.APPLICATION_FORM_URLENCODED
                : ContentType.APPLICATION_JSON;
        HttpPost post = new HttpPost(settings.tokenUrl());
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(body, contentType));
        LOG.debug("Sending {} to {} ({})", what, endpoint, settings.requestFormat());
        try {
            return httpClient.execute(post, response -> read(request, response));
        } catch (TokenEndpointException e) {
            LOG.debug("{} to {} failed: {}", what, endpoint, e.getMessage());
            throw e;
        } catch (IOException e) {
            TokenEndpointException failure = transportFailure(what, e);
            LOG.debug("{} to {} failed: {}", what, endpoint, failure.getMessage());
            throw failure;
        } finally {
            // The body holds the password or a refresh token: do not leave it on the heap longer than needed.
            Arrays.fill(body, (byte) 0);
        }
    }

    private TokenResponse read(TokenRequest request, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        byte[] content = new byte[0];
        String contentType = header(response, "Content-Type");
        if (entity != null) {
            if (contentType == null) {
                contentType = entity.getContentType();
            }
            try (InputStream in = entity.getContent()) {
                content = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        }
        if (content.length > MAX_BODY_BYTES) {
            throw new TokenEndpointException(
                    TokenFailureReason.MALFORMED_RESPONSE,
                    status,
                    null,
                    "The token service answered the " + TokenResponseReader.describe(request) + " with HTTP " + status
                            + " and a body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            TokenResponse token = reader.read(
                    request,
                    status,
                    contentType,
                    header(response, "Retry-After"),
                    header(response, "x-ratelimit-reset"),
                    header(response, "Date"),
                    content);
            LOG.debug(
                    "{} to {} succeeded: HTTP {}, expires_in={}, refresh token {}",
                    TokenResponseReader.describe(request),
                    endpoint,
                    status,
                    token.expiresIn(),
                    token.refreshToken() != null ? "returned" : "not returned");
            return token;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header != null ? header.getValue() : null;
    }

    byte[] body(TokenRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", request.grantType());
        fields.put("client_id", settings.clientId());
        switch (request.grantType()) {
            case TokenRequest.REFRESH_TOKEN -> {
                fields.put("refresh_token", request.refreshToken());
                putIfPresent(fields, "client_secret", settings.clientSecret());
            }
            case TokenRequest.CLIENT_CREDENTIALS -> {
                fields.put("client_secret", settings.clientSecret());
                putIfPresent(fields, "audience", settings.audience());
            }
            default -> {
                putIfPresent(fields, "audience", settings.audience());
                fields.put("username", settings.username());
                fields.put("password", settings.password());
                putIfPresent(fields, "scope", settings.scope());
                putIfPresent(fields, "client_secret", settings.clientSecret());
            }
        }
        if (settings.requestFormat() == TokenRequestFormat.form) {
            StringBuilder form = new StringBuilder();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (form.length() > 0) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            }
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return MAPPER.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the token request", null);
        }
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private TokenEndpointException transportFailure(String what, IOException e) {
        if (e instanceof ProxyFailureException) {
            // the proxy's status stays in the message: as the failure's status it would read as the token service's
            return new TokenEndpointException(
                    TokenFailureReason.PROXY_FAILURE,
                    0,
                    null,
                    "The " + what + " to " + endpoint + " did not reach the token service: " + e.getMessage(),
                    e,
                    null);
        }
        if (ClientCertificateProbe.clientCertificateAlert(e) != null) {
            return clientCertificateRefused(what, describe(e), e);
        }
        if (brokenAfterHandshake(e) && reachedDirectly()) {
            // With TLS 1.3 a refused client certificate can look like this: ask the server without sending anything.
            // The probe connects directly, so it is asked only when the token service is not behind a proxy.
            ClientCertificateProbe.Refusal refusal = ClientCertificateProbe.refusal(
                    settings.httpClientSettings().sslContext(),
                    settings.tokenUrl(),
                    settings.httpClientSettings().connectTimeout());
            if (refusal != null) {
                return clientCertificateRefused(
                        what,
                        describe(e) + "; asked again without a request: " + refusal.evidence() + ", "
                                + (refusal.certificatePresented()
                                        ? "after a client certificate it does not trust"
                                        : "and no client certificate was presented"),
                        e);
            }
        }
        if (e instanceof SSLHandshakeException
                || e instanceof SSLPeerUnverifiedException
                || (e instanceof SSLException && !(e.getCause() instanceof SocketException))) {
            return new TokenEndpointException(
                    TokenFailureReason.TLS_FAILURE,
                    0,
                    null,
                    "TLS handshake with the token service at " + endpoint + " failed for the " + what + " ("
                            + describe(e) + "): its certificate is not trusted or does not match the host name, or"
                            + " it wants a client certificate; configure sslContextParameters with a trust store"
                            + " holding the token service's CA (and key managers for a client certificate)",
                    e,
                    null);
        }
        String problem;
        boolean sent = true;
        if (e instanceof ConnectTimeoutException || e instanceof HttpHostConnectException) {
            problem = e instanceof ConnectTimeoutException ? "timed out connecting" : "refused the connection";
            sent = false;
        } else if (e instanceof InterruptedIOException) {
            problem = "timed out";
        } else if (e instanceof ConnectException) {
            problem = "refused the connection";
            sent = false;
        } else if (e instanceof UnknownHostException) {
            problem = "has an unknown host name";
            sent = false;
        } else if (e instanceof NoHttpResponseException) {
            problem = "closed the connection without answering";
        } else if (e instanceof SocketException || e instanceof SSLException) {
            problem = "reset the connection";
        } else {
            problem = "could not be reached";
        }
        TokenEndpointException failure = new TokenEndpointException(
                TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                0,
                null,
                "The token service at " + endpoint + " " + problem + " during the " + what + " (" + describe(e) + ")",
                e,
                null);
        return sent ? failure.outcomeUnknown() : failure;
    }

    /**
     * A TLS failure that no retry fixes: the token service wants a client certificate it trusts. With TLS 1.3 it says
     * so after the client considers the handshake done: as an alert on the first read, or as a broken connection.
     */
    private TokenEndpointException clientCertificateRefused(String what, String detail, IOException e) {
        return new TokenEndpointException(
                TokenFailureReason.TLS_FAILURE,
                0,
                null,
                "The token service at " + endpoint + " rejected the TLS connection for the " + what
                        + " because of the client certificate (" + detail + "): it wants a client"
                        + " certificate it trusts; configure sslContextParameters with key managers holding it",
                e,
                null);
    }

    /**
     * A connection that was set up and then broke or was closed before an answer: what a TLS 1.3 server refusing the
     * client's certificate (or its absence) looks like when its alert is lost or never sent.
     */
    private boolean reachedDirectly() {
        return settings.httpClientSettings()
                        .proxy()
                        .proxyFor(settings.tokenUrl().getHost())
                == null;
    }

    private static boolean brokenAfterHandshake(IOException e) {
        if (e instanceof ConnectException) {
            return false;
        }
        return e instanceof SocketException
                || e instanceof NoHttpResponseException
                || (e instanceof SSLException && e.getCause() instanceof SocketException);
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        return text.length() > MAX_CAUSE_TEXT ? text.substring(0, MAX_CAUSE_TEXT) + "..." : text;
    }

    /** Scheme, host, port and path only: user info and query are dropped in case they carry secrets. */
    private static String safeEndpoint(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() != null ? url.getRawPath() : "");
    }

    @Override
    public void close() {
        if (ownsHttpClient) {
            try {
                httpClient.close();
            } catch (IOException e) {
                LOG.debug(
                        "Closing the token service client failed: {}",
                        e.getClass().getName());
            }
        }
    }

    @Override
    public String toString() {
        return "HttpTokenEndpointClient[" + endpoint + ", " + settings.requestFormat() + "]";
    }
}
