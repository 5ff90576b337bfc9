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
package io.github.chimpypos.emulator.internal.control;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.http.BodyTooLargeException;
import io.github.chimpypos.emulator.internal.http.MalformedRequestException;
import io.github.chimpypos.emulator.internal.http.Request;
import io.github.chimpypos.emulator.internal.http.Responses;

/**
 * The control API over HTTP under {@code /__admin}: JSON in and out, no token (it exists for tests and benchmarks
 * only; the emulator listens on loopback). Errors answer {@code {"error": "..."}} with 400 or 404.
 */
public final class AdminHandler implements HttpHandler {

    private final DefaultEmulatorControl control;

    public AdminHandler(DefaultEmulatorControl control) {
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Request request = Request.of(exchange);
            JsonNode body = parse(request.body());
            Map<String, Object> answer = dispatch(request.method(), request.segments(), body);
            Responses.json(exchange, 200, answer);
        } catch (AdminError e) {
            Responses.json(exchange, e.status, Responses.plainError(e.getMessage()));
        } catch (IllegalArgumentException | NullPointerException | MalformedRequestException e) {
            Responses.json(exchange, 400, Responses.plainError(e.getMessage()));
        } catch (BodyTooLargeException e) {
            Responses.json(exchange, 413, Responses.plainError(e.getMessage()));
        }
    }

    private Map<String, Object> dispatch(String method, List<String> s, JsonNode body) {
        String route = method + " /" + String.join("/", s);
        switch (route) {
            case "GET /__admin/counters" -> {
                return control.counters().toMap();
            }
            case "POST /__admin/reset" -> {
                boolean counters = body.path("counters").asBoolean(true);
                boolean state = body.path("state").asBoolean(true);
                if (counters) {
                    control.resetCounters();
                }
                if (state) {
                    control.resetState();
                }
                return done("reset counters=" + counters + " state=" + state);
            }
            case "POST /__admin/reset/counters" -> {
                control.resetCounters();
                return done("counters reset");
            }
            case "POST /__admin/reset/state" -> {
                control.resetState();
                return done("state reset");
            }
            case "PUT /__admin/token-lifetime" -> {
                control.setAccessTokenLifetime(Duration.ofSeconds(requiredLong(body, "seconds")));
                return done("access token lifetime set");
            }
            case "POST /__admin/revoke" -> {
                String tokens = body.path("tokens").asText("all");
                switch (tokens) {
                    case "all" -> control.revokeAllTokens();
                    case "access" -> control.revokeAccessTokens();
                    default -> throw new IllegalArgumentException("'tokens' must be all or access");
                }
                return done("revoked " + tokens + " tokens");
            }
            case "POST /__admin/faults" -> {
                String target = requiredText(body, "target");
                int count = body.path("count").asInt(1);
                Fault fault = fault(body);
                switch (target) {
                    case "token" -> control.failNextTokenCalls(count, fault);
                    case "api" -> control.failNextApiCalls(count, fault);
                    default -> throw new IllegalArgumentException("'target' must be token or api");
                }
                return done("armed " + count + " x " + fault + " on " + target);
            }
            case "PUT /__admin/latency" -> {
                String target = requiredText(body, "target");
                Duration latency = Duration.ofMillis(requiredLong(body, "millis"));
                switch (target) {
                    case "token" -> control.setTokenLatency(latency);
                    case "api" -> control.setApiLatency(latency);
                    default -> throw new IllegalArgumentException("'target' must be token or api");
                }
                return done(target + " latency set");
            }
            default -> {
                return resourceRoute(method, s, body);
            }
        }
    }

    private Map<String, Object> resourceRoute(String method, List<String> s, JsonNode body) {
        if (s.size() == 4 && s.get(1).equals("stations") && method.equals("PUT")) {
            if (s.get(3).equals("state")) {
                control.setStationState(s.get(2), enumValue(StationState.class, requiredText(body, "state")));
                return done("station " + s.get(2) + " state set");
            }
            if (s.get(3).equals("prices")) {
                control.setStationPrices(
                        s.get(2),
                        new StationPrices(
                                amount(body, "charge"),
                                amount(body, "quick_charge"),
                                amount(body, "deposit"),
                                amount(body, "weekly_late_fee"),
                                body.path("stripe_price_id").asText("price_sandbox_" + s.get(2))));
                return done("station " + s.get(2) + " prices set");
            }
        }
        if (s.size() == 4 && s.get(1).equals("batteries") && s.get(3).equals("state") && method.equals("PUT")) {
            control.setBatteryState(s.get(2), enumValue(BatteryState.class, requiredText(body, "state")));
            return done("battery " + s.get(2) + " state set");
        }
        if (s.size() == 3 && s.get(1).equals("batteries") && method.equals("GET")) {
            BatteryState state = control.batteryState(s.get(2));
            if (state == null) {
                throw new AdminError(404, "Unknown battery: " + s.get(2));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("battery_id", s.get(2));
            answer.put("state", state.name());
            return answer;
        }
        throw new AdminError(404, "Unknown control route: " + method + " /" + String.join("/", s));
    }

    private static Fault fault(JsonNode body) {
        if (body.path("drop").asBoolean(false)) {
            return Fault.dropConnection();
        }
        if (body.has("body")) {
            return Fault.respond(
                    body.path("status").asInt(200),
                    body.path("contentType").asText("application/json"),
                    body.get("body").asText());
        }
        if (body.has("expiresIn")) {
            return Fault.expiresIn(body.get("expiresIn").asLong());
        }
        if (body.has("answerLateMs")) {
            return Fault.answerLate(Duration.ofMillis(body.get("answerLateMs").asLong()));
        }
        int status = (int) requiredLong(body, "status");
        if (status == 429 && body.has("retryAfterSeconds")) {
            return Fault.tooManyRequests(
                    Duration.ofSeconds(body.get("retryAfterSeconds").asLong()));
        }
        return Fault.status(status);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.read(body);
            if (!node.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed JSON body");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' (string) is required");
        }
        return value.asText();
    }

    private static long requiredLong(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' (integer) is required");
        }
        return value.asLong();
    }

    private static BigDecimal amount(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' (number) is required");
        }
        return value.decimalValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + type.getSimpleName() + ": " + value, e);
        }
    }

    private static Map<String, Object> done(String message) {
        return Map.of("result", message);
    }

    private static final class AdminError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        AdminError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
