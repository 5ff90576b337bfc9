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
package io.github.chimpypos.emulator.internal.pos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.auth.AccessTokens;
import io.github.chimpypos.emulator.internal.control.ArmedFaults;
import io.github.chimpypos.emulator.internal.control.Latency;
import io.github.chimpypos.emulator.internal.control.LiveCounters;
import io.github.chimpypos.emulator.internal.http.BodyTooLargeException;
import io.github.chimpypos.emulator.internal.http.MalformedRequestException;
import io.github.chimpypos.emulator.internal.http.Request;
import io.github.chimpypos.emulator.internal.http.Responses;

/**
 * HTTP front of the PoS API: faults and latency first (they play the network and gateway), then the bearer token,
 * then routing to {@link PosApi}. {@code /__admin} is handed to the control API untouched.
 */
public final class PosApiHandler implements HttpHandler {

    private static final String ADMIN_PREFIX = "/__admin";

    private final PosApi api;
    private final AccessTokens accessTokens;
    private final String audience;
    private final HttpHandler admin;
    private final LiveCounters counters;
    private final ArmedFaults faults;
    private final Latency latency;

    public PosApiHandler(
            PosApi api,
            AccessTokens accessTokens,
            String audience,
            HttpHandler admin,
            LiveCounters counters,
            ArmedFaults faults,
            Latency latency) {
        this.api = api;
        this.accessTokens = accessTokens;
        this.audience = audience;
        this.admin = admin;
        this.counters = counters;
        this.faults = faults;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")) {
            admin.handle(exchange);
            return;
        }
        Outgoing outgoing;
        counters.apiInFlight().enter(exchange);
        try {
            outgoing = apiCall(exchange);
        } finally {
            // the answer is ready: sending it is the network's part, so a client that reads its answer and sends the
            // next request never finds the previous one still counted as in flight
            LiveCounters.InFlight.leave(exchange);
        }
        if (outgoing != null) {
            Responses.bytes(exchange, outgoing.status(), outgoing.contentType(), outgoing.body());
        }
    }

    /** The answer to send, or null when the connection was dropped. */
    private Outgoing apiCall(HttpExchange exchange) throws IOException {
        latency.apply();
        PosRoute route = null;
        String lang = null;
        Outgoing outgoing;
        try {
            Request request = Request.of(exchange);
            lang = request.query().get("lang");
            route = PosRoute.match(request.method(), request.segments());
            // read (bounded) before anything is answered: an unread body makes the close reset the connection
            byte[] body = request.body();
            Optional<Fault> fault = faults.take();
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_CONNECTION) {
                count(route, 0);
                Responses.drop(exchange);
                return null;
            }
            outgoing = fault.isPresent() ? play(exchange, fault.get(), lang) : answer(exchange, request, route, body);
        } catch (ApiException e) {
            outgoing = errorEnvelope(e, lang);
        } catch (BodyTooLargeException e) {
            outgoing = errorEnvelope(new ApiException(413, "payload_too_large", e.getMessage()), lang);
        } catch (MalformedRequestException e) {
            outgoing = errorEnvelope(ApiException.invalidParameter("url", e.getMessage()), lang);
        }
        // counted before the answer leaves, so a client that asserts on counters right after it sees this call
        count(route, outgoing.status());
        return outgoing;
    }

    private Outgoing answer(HttpExchange exchange, Request request, PosRoute route, byte[] body) {
        String rejection = tokenRejection(request.header("Authorization"));
        if (rejection != null) {
            return unauthorized(exchange, rejection);
        }
        if (route == null) {
            throw new ApiException(404, "not_found", request.path());
        }
        if (route.operation() == null) {
            exchange.getResponseHeaders().set("Allow", route.allowedMethods());
            throw new ApiException(405, "method_not_allowed", "use " + route.allowedMethods());
        }
        Call call =
                new Call(request.method(), request.path(), request.query(), route.hasBody() ? parseBody(body) : null);
        Answer answer = route.invoke(api, call);
        return new Outgoing(answer.status(), Responses.JSON, answer.body());
    }

    /** A complete answer, built before it is counted and written. */
    private record Outgoing(int status, String contentType, byte[] body) {
        static Outgoing json(int status, Object body) {
            return new Outgoing(status, Responses.JSON, Json.write(body));
        }
    }

    private static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            throw ApiException.invalidParameter("body", "is required (JSON object)");
        }
        try {
            return Json.read(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter("body", "is not valid JSON");
        }
    }

    private String tokenRejection(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "Missing bearer token";
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            return "Authorization header must be 'Bearer <access_token>'";
        }
        return accessTokens.rejectionReason(parts[1], audience);
    }

    private static Outgoing unauthorized(HttpExchange exchange, String reason) {
        exchange.getResponseHeaders()
                .set(
                        "WWW-Authenticate",
                        "Bearer realm=\"chimpy-pos-api\", error=\"invalid_token\", error_description=\"" + reason
                                + "\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_token");
        body.put("error_description", reason);
        return Outgoing.json(401, body);
    }

    private static Outgoing play(HttpExchange exchange, Fault fault, String lang) {
        return switch (fault.kind()) {
            case RESPOND ->
                new Outgoing(
                        fault.httpStatus(), fault.contentType(), fault.body().getBytes(StandardCharsets.UTF_8));
            case TOO_MANY_REQUESTS -> {
                long seconds = ceilSeconds(fault.retryAfter());
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
                yield errorEnvelope(new ApiException(429, "too_many_requests", "retry after " + seconds + " s"), lang);
            }
            case STATUS -> errorEnvelope(new ApiException(fault.httpStatus(), "undefined", "injected fault"), lang);
            case DROP_CONNECTION -> throw new IllegalStateException("dropped connections have no answer");
            case EXPIRES_IN, LATE_ANSWER -> throw new IllegalStateException("token calls only: " + fault);
        };
    }

    private static long ceilSeconds(java.time.Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static Outgoing errorEnvelope(ApiException e, String lang) {
        String locale =
                e.locale() != null ? e.locale() : lang != null && Validation.LANGUAGES.contains(lang) ? lang : "en";
        String key = switch (e.errorType()) {
            case "too_many_requests" -> "injected_fault";
            case "undefined" -> e.status() >= 500 ? "injected_fault" : "undefined";
            default -> e.errorType();
        };
        String message = Messages.text(key, locale);
        if (e.detail() != null && e.errorType().equals("invalid_parameter")) {
            message = message + ": " + e.detail();
        } else if (e.detail() != null && e.status() != 404 && e.status() < 500) {
            message = message + " (" + e.detail() + ")";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", "error");
        error.put("error_type", e.errorType());
        error.put("error_message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("locale", locale);
        return Outgoing.json(e.status(), body);
    }

    private void count(PosRoute route, int status) {
        if (route == null || route.operation() == null) {
            counters.apiCall("unknown", null, status);
        } else {
            counters.apiCall(route.operation(), route.template(), status);
        }
    }
}
