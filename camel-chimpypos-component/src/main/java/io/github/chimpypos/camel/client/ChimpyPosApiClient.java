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

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProvider;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the PoS API: builds the URL from the request's path template, sends the Bearer token of the
 * {@link TokenProvider}, replays once after a 401 with a renewed token, replays idempotent requests after I/O errors,
 * and maps the answer to an {@link ApiResult} or a typed exception. Thread-safe.
 */
public final class ChimpyPosApiClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ChimpyPosApiClient.class);
    private static final int UNAUTHORIZED = 401;

    private final CloseableHttpClient http;
    private final boolean closeHttpClient;
    private final String baseUrl;
    private final TokenProvider tokenProvider;
    private final ObjectMapper mapper;
    private final int ioErrorReplays;

    /**
     * @param http            the HTTP client
     * @param closeHttpClient whether {@link #close()} closes it (false for an injected client)
     * @param apiUrl          the API base URL, e.g. {@code https://pos.example}; path templates are appended to it
     * @param tokenProvider   supplies and renews the Bearer token
     * @param mapper          the JSON mapper (see {@link ChimpyPosJson#newMapper()})
     * @param ioErrorReplays  how often an idempotent request is replayed after an I/O error
     */
    public ChimpyPosApiClient(
            CloseableHttpClient http,
            boolean closeHttpClient,
            String apiUrl,
            TokenProvider tokenProvider,
            ObjectMapper mapper,
            int ioErrorReplays) {
        this.http = http;
        this.closeHttpClient = closeHttpClient;
        this.baseUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.tokenProvider = tokenProvider;
        this.mapper = mapper;
        this.ioErrorReplays = ioErrorReplays;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Executes the request and reads {@code data.<resourceKey>} of the answer as {@code type}.
     *
     * @throws ChimpyPosApiException            on an HTTP error or an unreadable answer
     * @throws ChimpyPosAuthenticationException when no token can be obtained or the API rejects a fresh one
     * @throws ChimpyPosException               on an I/O error that was not (or no longer) replayed
     */
    public <T> ApiResult<T> execute(ApiRequest request, Class<T> type) {
        URI uri = uri(request);
        byte[] body = request.body() == null ? null : toJson(request);
        AccessToken token = tokenProvider.getToken();
        RawResponse response = sendReplayingIoErrors(request, uri, body, token);
        if (response.status() == UNAUTHORIZED) {
            LOG.info("{} answered 401: renewing the access token and replaying the request once", request.describe());
            token = tokenProvider.renewAfterUnauthorized(token);
            response = sendReplayingIoErrors(request, uri, body, token);
            if (response.status() == UNAUTHORIZED) {
                throw new ChimpyPosAuthenticationException(
                        TokenFailureReason.TOKEN_REJECTED_BY_API,
                        UNAUTHORIZED,
                        null,
                        request.describe() + ": the PoS API rejected a freshly obtained access token (HTTP 401"
                                + " twice); check that the token service and the API belong together"
                                + " (audience, environment)",
                        null);
            }
        }
        if (response.status() / 100 != 2) {
            throw httpError(request, response);
        }
        return readResult(request, response, type);
    }

    URI uri(ApiRequest request) {
        StringBuilder url = new StringBuilder(baseUrl).append(request.path().expand(request.pathVariables()));
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.query().entrySet()) {
            url.append(separator)
                    .append(PathTemplate.encode(parameter.getKey()))
                    .append('=')
                    .append(PathTemplate.encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private byte[] toJson(ApiRequest request) {
        try {
            return mapper.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    request.describe() + ": the request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private RawResponse sendReplayingIoErrors(ApiRequest request, URI uri, byte[] body, AccessToken token) {
        int attempt = 0;
        while (true) {
            try {
                return send(request, uri, body, token);
            } catch (SSLException e) {
                throw new ChimpyPosException(
                        request.describe() + ": TLS with the PoS API failed (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof ConnectTimeoutException;
                if (!request.idempotent() && !notSent) {
                    throw new ChimpyPosException(
                            request.describe() + ": I/O error (" + describe(e) + "). The server may have processed"
                                    + " the request, so it was not replayed; give it a partnerTransactionId (or set"
                                    + " generatePartnerTransactionId=true) to make replays safe",
                            e);
                }
                if (attempt >= ioErrorReplays) {
                    throw new ChimpyPosException(
                            request.describe() + ": I/O error (" + describe(e) + ") after " + (attempt + 1)
                                    + " attempt(s)",
                            e);
                }
                attempt++;
                LOG.debug("{}: I/O error ({}), replaying (attempt {})", request.describe(), describe(e), attempt + 1);
            }
        }
    }

    private RawResponse send(ApiRequest request, URI uri, byte[] body, AccessToken token) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(uri)
                .addHeader(HttpHeaders.AUTHORIZATION, token.authorizationHeader())
                .addHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
        if (body != null) {
            builder.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        ClassicHttpRequest httpRequest = builder.build();
        return http.execute(
                httpRequest,
                response -> new RawResponse(
                        response.getCode(),
                        response.getReasonPhrase(),
                        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    private <T> ApiResult<T> readResult(ApiRequest request, RawResponse response, Class<T> type) {
        JsonNode root = readTree(request, response);
        JsonNode data = root.path("data");
        JsonNode resource = data.path(request.resourceKey());
        if (!resource.isObject()) {
            throw new ChimpyPosApiException(
                    request.describe() + ": the answer (HTTP " + response.status() + ") has no object data."
                            + request.resourceKey(),
                    response.status(),
                    response.reason(),
                    null,
                    null,
                    text(root, "locale"),
                    null);
        }
        T value;
        try {
            value = mapper.treeToValue(resource, type);
        } catch (JsonProcessingException e) {
            throw new ChimpyPosApiException(
                    request.describe() + ": data." + request.resourceKey() + " cannot be read as "
                            + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    response.status(),
                    response.reason(),
                    null,
                    null,
                    null,
                    e);
        }
        return new ApiResult<>(
                value,
                response.status(),
                text(resource, "status"),
                text(resource, "error_type"),
                text(resource, "error_message"),
                firstText("locale", resource, data, root),
                firstText("country", resource, data, root));
    }

    private ChimpyPosApiException httpError(ApiRequest request, RawResponse response) {
        JsonNode root = readTreeQuietly(response);
        String errorType = null;
        String errorMessage = null;
        String locale = null;
        if (root != null) {
            JsonNode error = root.path("error");
            if (error.isObject()) {
                errorType = text(error, "error_type");
                errorMessage = text(error, "error_message");
            } else if (error.isTextual()) {
                errorType = error.textValue();
                errorMessage = text(root, "error_description");
            }
            if (errorType == null) {
                errorType = text(root, "error_type");
            }
            if (errorMessage == null) {
                errorMessage = firstText("error_message", root, root.path("data"));
            }
            locale = firstText("locale", error, root, root.path("data"));
        }
        StringBuilder message =
                new StringBuilder(request.describe()).append(" failed: HTTP ").append(response.status());
        if (errorType != null) {
            message.append(" ").append(errorType);
        }
        if (errorMessage != null) {
            message.append(": ").append(errorMessage);
        }
        return new ChimpyPosApiException(
                message.toString(), response.status(), response.reason(), errorType, errorMessage, locale, null);
    }

    private JsonNode readTree(ApiRequest request, RawResponse response) {
        try {
            JsonNode root = mapper.readTree(response.body());
            if (root == null || !root.isObject()) {
                throw new ChimpyPosApiException(
                        request.describe() + ": the answer (HTTP " + response.status() + ") is not a JSON object",
                        response.status(),
                        response.reason(),
                        null,
                        null,
                        null,
                        null);
            }
            return root;
        } catch (IOException e) {
            throw new ChimpyPosApiException(
                    request.describe() + ": the answer (HTTP " + response.status() + ") is not valid JSON",
                    response.status(),
                    response.reason(),
                    null,
                    null,
                    null,
                    e);
        }
    }

    private JsonNode readTreeQuietly(RawResponse response) {
        try {
            JsonNode root = mapper.readTree(response.body());
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstText(String field, JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        if (closeHttpClient) {
            http.close(CloseMode.GRACEFUL);
        }
    }

    private record RawResponse(int status, String reason, byte[] body) {}
}
