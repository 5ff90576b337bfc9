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
package io.github.chimpypos.emulator.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.control.LiveCounters;

/** Writes complete responses; every response has a Content-Length so keep-alive connections stay usable. */
public final class Responses {

    public static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        bytes(exchange, status, JSON, Json.write(body));
    }

    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        LiveCounters.InFlight.leave(exchange);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // HEAD answers carry headers only; announcing a length and then writing would fail in the JDK server
        if (body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        bytes(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the connection without a status line: the exchange was never answered, so the JDK server closes the
     * socket instead of reusing it.
     */
    public static void drop(HttpExchange exchange) {
        LiveCounters.InFlight.leave(exchange);
        exchange.close();
    }

    public static Map<String, Object> plainError(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }
}
