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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The parts of an exchange the handlers need, decoded once; the body is read lazily and bounded. */
public final class Request {

    /** Largest body accepted; larger ones get HTTP 413 (no legitimate call comes close). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Oversized bodies up to this size are read and dropped so the 413 reaches the client. */
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

    private final HttpExchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;
    private byte[] body;

    private Request(HttpExchange exchange, List<String> segments, Map<String, String> query) {
        this.exchange = exchange;
        this.segments = segments;
        this.query = query;
    }

    /** @throws MalformedRequestException when the path or query string is not valid percent-encoding */
    public static Request of(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw, false));
            }
        }
        return new Request(
                exchange,
                Collections.unmodifiableList(segments),
                parseForm(exchange.getRequestURI().getRawQuery()));
    }

    /** Parses {@code a=1&b=2}; the first value of a repeated key wins. */
    public static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static String decode(String raw, boolean plusIsSpace) {
        try {
            String input = plusIsSpace ? raw : raw.replace("+", "%2B");
            return URLDecoder.decode(input, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Malformed percent-encoding in the URL");
        }
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getRawPath();
    }

    /** Decoded, non-empty path segments. */
    public List<String> segments() {
        return segments;
    }

    public Map<String, String> query() {
        return query;
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Media type of the body without parameters, lower case, or empty. */
    public String mediaType() {
        String contentType = header("Content-Type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws BodyTooLargeException when the body exceeds {@link #MAX_BODY_BYTES} */
    public byte[] body() throws IOException {
        if (body == null) {
            body = readBounded();
        }
        return body;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    private byte[] readBounded() throws IOException {
        String declared = header("Content-Length");
        long declaredLength = -1;
        if (declared != null) {
            try {
                declaredLength = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw new MalformedRequestException("Malformed Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (declaredLength > MAX_BODY_BYTES) {
                discard(in);
                throw new BodyTooLargeException();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_BODY_BYTES) {
                    discard(in);
                    throw new BodyTooLargeException();
                }
            }
            return out.toByteArray();
        }
    }

    /**
     * Reads and drops the rest of an oversized body (up to a limit) before the 413 is sent: closing a socket with
     * unread input makes the kernel send a reset, and the client would lose the 413 itself.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[16384];
        long total = 0;
        int read;
        while (total < MAX_DISCARDED_BYTES && (read = in.read(buffer)) >= 0) {
            total += read;
        }
    }
}
