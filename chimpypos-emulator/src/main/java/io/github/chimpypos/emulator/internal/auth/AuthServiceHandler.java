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
package io.github.chimpypos.emulator.internal.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.control.ArmedFaults;
import io.github.chimpypos.emulator.internal.control.Latency;
import io.github.chimpypos.emulator.internal.control.LiveCounters;
import io.github.chimpypos.emulator.internal.http.BodyTooLargeException;
import io.github.chimpypos.emulator.internal.http.MalformedRequestException;
import io.github.chimpypos.emulator.internal.http.Request;
import io.github.chimpypos.emulator.internal.http.Responses;

/** HTTP front of the token service: {@code POST /oauth/token} and {@code GET /.well-known/jwks.json}. */
public final class AuthServiceHandler implements HttpHandler {

    private static final Set<String> KNOWN_GRANTS = Set.of("password", "refresh_token", "client_credentials");

    private final TokenService tokens;
    private final SigningKey signingKey;
    private final LiveCounters counters;
    private final ArmedFaults faults;
    private final Latency latency;

    public AuthServiceHandler(
            TokenService tokens, SigningKey signingKey, LiveCounters counters, ArmedFaults faults, Latency latency) {
        this.tokens = tokens;
        this.signingKey = signingKey;
        this.counters = counters;
        this.faults = faults;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/.well-known/jwks.json")) {
            if (!method.equals("GET")) {
                methodNotAllowed(exchange, "GET");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=15");
            Responses.json(exchange, 200, signingKey.jwks());
            return;
        }
        if (!path.equals("/oauth/token")) {
            error(exchange, new OAuthException(404, "not_found", "Unknown path: " + path));
            return;
        }
        if (!method.equals("POST")) {
            methodNotAllowed(exchange, "POST");
            return;
        }
        counters.tokenInFlight().enter(exchange);
        try {
            tokenCall(exchange);
        } finally {
            LiveCounters.InFlight.leave(exchange);
        }
    }

    private void tokenCall(HttpExchange exchange) throws IOException {
        latency.apply();
        String grantLabel = "missing";
        try {
            Request request = Request.of(exchange);
            byte[] body = request.body();
            Map<String, String> params = null;
            OAuthException parseError = null;
            try {
                params = TokenRequestParser.parse(request.mediaType(), body);
                grantLabel = grantLabel(params.get("grant_type"));
            } catch (OAuthException e) {
                parseError = e;
            }
            Optional<Fault> fault = faults.take();
            if (fault.isPresent() && !fault.get().grantsToken()) {
                counters.tokenCall(grantLabel, "fault");
                play(exchange, fault.get());
                return;
            }
            if (parseError != null) {
                throw parseError;
            }
            Map<String, Object> success = tokens.token(params);
            counters.tokenCall(grantLabel, "success");
            if (fault.isPresent()) {
                playOnGrant(fault.get(), success);
            }
            noStore(exchange);
            Responses.json(exchange, 200, success);
        } catch (OAuthException e) {
            counters.tokenCall(grantLabel, e.error());
            error(exchange, e);
        } catch (BodyTooLargeException e) {
            counters.tokenCall(grantLabel, "invalid_request");
            error(exchange, new OAuthException(413, "invalid_request", e.getMessage()));
        } catch (MalformedRequestException e) {
            counters.tokenCall(grantLabel, "invalid_request");
            error(exchange, OAuthException.invalidRequest(e.getMessage()));
        }
    }

    private static String grantLabel(String grantType) {
        if (grantType == null || grantType.isEmpty()) {
            return "missing";
        }
        return KNOWN_GRANTS.contains(grantType) ? grantType : "unsupported";
    }

    private void play(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case DROP_CONNECTION -> Responses.drop(exchange);
            case RESPOND -> Responses.text(exchange, fault.httpStatus(), fault.contentType(), fault.body());
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(ceilSeconds(fault.retryAfter())));
                error(exchange, new OAuthException(429, "too_many_requests", "Global limit has been reached"));
            }
            case EXPIRES_IN, LATE_ANSWER -> throw new IllegalStateException("played on a granted call: " + fault);
            case STATUS -> {
                int status = fault.httpStatus();
                String error = status >= 500 ? "server_error" : status == 429 ? "too_many_requests" : "invalid_request";
                error(exchange, new OAuthException(status, error, "Injected fault: HTTP " + status));
            }
        }
    }

    /** A fault on top of a granted call: the token service did its work, the answer is odd or late. */
    private static void playOnGrant(Fault fault, Map<String, Object> success) {
        if (fault.kind() == Fault.Kind.EXPIRES_IN) {
            success.put("expires_in", fault.expiresInSeconds());
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(fault.delay().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long ceilSeconds(java.time.Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static void noStore(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
    }

    private static void error(HttpExchange exchange, OAuthException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        if (e.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(1, ceilSeconds(e.retryAfter()))));
        }
        noStore(exchange);
        Responses.bytes(exchange, e.status(), Responses.JSON, Json.write(body));
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(exchange, new OAuthException(405, "invalid_request", "Method not allowed; use " + allowed));
    }
}
