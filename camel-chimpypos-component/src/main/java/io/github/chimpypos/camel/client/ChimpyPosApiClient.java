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
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.client.ApiAnswerReader.ApiAnswer;
import io.github.chimpypos.camel.model.PosResource;
import io.github.chimpypos.camel.transport.ProxyFailureException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
    private static final int NOT_FOUND = 404;

    private final CloseableHttpClient http;
    private final boolean closeHttpClient;
    private final String baseUrl;
    private final TokenProvider tokenProvider;
    private final ObjectMapper mapper;
    private final int ioErrorReplays;
    /** The URI of the last request built to be sent many times (an endpoint's fixed request): expanded once. */
    private volatile ResolvedUri lastResolved;

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
    public <T extends PosResource> ApiResult<T> execute(ApiRequest request, Class<T> type) {
        URI uri = uri(request);
        byte[] body = request.body() == null ? null : toJson(request);
        AccessToken token = tokenProvider.getToken();
        HttpClientResponseHandler<RawResponse<T>> reader = response -> read(request, type, response);
        RawResponse<T> response = sendReplayingIoErrors(request, uri, body, token, reader);
        if (response.status() == UNAUTHORIZED) {
            LOG.info("{} answered 401: renewing the access token and replaying the request once", request.describe());
            token = tokenProvider.renewAfterUnauthorized(token);
            response = sendReplayingIoErrors(request, uri, body, token, reader);
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
            throw httpError(request, response, uri);
        }
        return readResult(request, response, type);
    }

    URI uri(ApiRequest request) {
        ResolvedUri resolved = lastResolved;
        if (resolved != null && resolved.request() == request) {
            return resolved.uri();
        }
        URI uri = expand(request);
        if (request.reused()) {
            lastResolved = new ResolvedUri(request, uri);
        }
        return uri;
    }

    private URI expand(ApiRequest request) {
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

    private <T extends PosResource> RawResponse<T> sendReplayingIoErrors(
            ApiRequest request,
            URI uri,
            byte[] body,
            AccessToken token,
            HttpClientResponseHandler<RawResponse<T>> reader) {
        int attempt = 0;
        while (true) {
            try {
                return send(uri, request, body, token, reader);
            } catch (ProxyFailureException e) {
                // nothing reached the API; a refused tunnel stays refused, an unreachable proxy is Camel's to redeliver
                throw new ChimpyPosException(request.describe() + ": " + e.getMessage(), e);
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

    private <T extends PosResource> RawResponse<T> send(
            URI uri,
            ApiRequest request,
            byte[] body,
            AccessToken token,
            HttpClientResponseHandler<RawResponse<T>> reader)
            throws IOException {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), uri);
        // Only what the API documents: the bearer token, and Content-Type for a body. Every answer is JSON anyway (a
        // non-JSON one is reported as such), and each extra header is parsed by the server on every call.
        httpRequest.addHeader(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
        if (body != null) {
            httpRequest.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        return http.execute(httpRequest, reader);
    }

    /**
     * Reads a 2xx answer in one pass from the stream ({@link ApiAnswerReader}); keeps the bytes of any other answer for
     * the error mapping. A read failure is an I/O error as before; an unparsable or unfitting 2xx body is kept as such,
     * so it is reported rather than replayed.
     */
    private <T extends PosResource> RawResponse<T> read(ApiRequest request, Class<T> type, ClassicHttpResponse response)
            throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status / 100 != 2) {
            return new RawResponse<>(
                    status,
                    response.getReasonPhrase(),
                    entity == null ? new byte[0] : EntityUtils.toByteArray(entity),
                    null,
                    null);
        }
        if (entity == null) {
            return new RawResponse<>(status, response.getReasonPhrase(), null, ApiAnswer.notAnObject(), null);
        }
        try (InputStream content = entity.getContent()) {
            return new RawResponse<>(
                    status,
                    response.getReasonPhrase(),
                    null,
                    ApiAnswerReader.read(mapper, content, request.resourceKey(), type),
                    null);
        } catch (StreamReadException | DatabindException e) {
            return new RawResponse<>(status, response.getReasonPhrase(), null, null, e);
        }
    }

    private <T extends PosResource> ApiResult<T> readResult(
            ApiRequest request, RawResponse<T> response, Class<T> type) {
        ApiAnswer<T> answer = answer(request, response, type);
        T resource = answer.resource();
        if (resource == null) {
            throw new ChimpyPosApiException(
                    request.describe() + ": the answer (HTTP " + response.status() + ") has no object data."
                            + request.resourceKey(),
                    response.status(),
                    response.reason(),
                    null,
                    null,
                    answer.envelopeLocale(),
                    null);
        }
        return new ApiResult<>(
                resource,
                response.status(),
                resource.getStatus(),
                resource.getErrorType(),
                resource.getErrorMessage(),
                answer.locale(),
                answer.country());
    }

    private ChimpyPosApiException httpError(ApiRequest request, RawResponse response, URI uri) {
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
        if (response.status() == NOT_FOUND) {
            // the path template alone hides a wrong apiUrl, such as one that already ends in /api/v2
            message.append(" (URL ").append(uri).append("; apiUrl is the base URL the paths are appended to)");
        }
        return new ChimpyPosApiException(
                message.toString(), response.status(), response.reason(), errorType, errorMessage, locale, null);
    }

    private static <T extends PosResource> ApiAnswer<T> answer(
            ApiRequest request, RawResponse<T> response, Class<T> type) {
        JsonProcessingException failure = response.failure();
        if (failure instanceof DatabindException && !causedByUnreadableJson(failure)) {
            throw unusable(
                    response,
                    request.describe() + ": data." + request.resourceKey() + " cannot be read as "
                            + type.getSimpleName() + ": " + failure.getOriginalMessage(),
                    failure);
        }
        if (failure != null) {
            throw unusable(
                    response,
                    request.describe() + ": the answer (HTTP " + response.status() + ") is not valid JSON",
                    failure);
        }
        if (!response.answer().isObject()) {
            throw unusable(
                    response,
                    request.describe() + ": the answer (HTTP " + response.status() + ") is not a JSON object",
                    null);
        }
        return response.answer();
    }

    /** A 2xx answer the component cannot use: no business error fields to report, only the status and why. */
    private static ChimpyPosApiException unusable(RawResponse<?> response, String message, Exception cause) {
        return new ChimpyPosApiException(message, response.status(), response.reason(), null, null, null, cause);
    }

    /** Jackson reports a stream that ends inside the resource as a mapping error wrapping the read error. */
    private static boolean causedByUnreadableJson(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return true;
            }
        }
        return false;
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

    /** An answer: what one pass read from a 2xx (or why it could not), the raw bytes of anything else. */
    private record RawResponse<T extends PosResource>(
            int status, String reason, byte[] body, ApiAnswer<T> answer, JsonProcessingException failure) {}

    private record ResolvedUri(ApiRequest request, URI uri) {}
}
