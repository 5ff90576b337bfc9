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
package io.github.chimpypos.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small HTTP helper for the emulator tests: java.net.http with the emulator's SSL context. */
final class TestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChimpyPosEmulator emulator;
    private final HttpClient http;

    TestClient(ChimpyPosEmulator emulator) {
        this.emulator = emulator;
        this.http = HttpClient.newBuilder()
                .sslContext(emulator.clientSslContext())
                .connectTimeout(Duration.ofSeconds(60))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    HttpClient http() {
        return http;
    }

    /** A response with its body parsed as JSON (or null when the body is not JSON). */
    record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Reply(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply tokenJson(Map<String, ?> params) {
        return send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(params)))
                .build());
    }

    Reply tokenForm(Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(emulator.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    Map<String, String> passwordParams() {
        DemoCredentials c = emulator.credentials();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "password");
        params.put("client_id", c.clientId());
        params.put("audience", c.audience());
        params.put("username", c.username());
        params.put("password", c.password());
        return params;
    }

    Reply passwordGrant(boolean offlineAccess) {
        Map<String, String> params = passwordParams();
        if (offlineAccess) {
            params.put("scope", "offline_access");
        }
        return tokenJson(params);
    }

    String accessToken() {
        Reply reply = passwordGrant(false);
        if (reply.status() != 200) {
            throw new IllegalStateException("token call failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("access_token").asText();
    }

    Reply refresh(String refreshToken) {
        return tokenJson(Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                emulator.credentials().clientId(),
                "refresh_token",
                refreshToken));
    }

    Reply get(String pathAndQuery, String token) {
        return send(api(pathAndQuery, token).GET().build());
    }

    Reply post(String pathAndQuery, String token) {
        return send(api(pathAndQuery, token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    Reply postJson(String pathAndQuery, String token, String json) {
        return send(api(pathAndQuery, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Reply put(String pathAndQuery, String token) {
        return send(api(pathAndQuery, token)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    Reply admin(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.adminUrl() + path));
        builder.header("Content-Type", "application/json");
        builder.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(builder.build());
    }

    HttpRequest.Builder api(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends a hand-written HTTP/1.1 request over TLS (for requests java.net.http refuses to build). */
    String raw(URI base, String request) {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket)
                emulator.clientSslContext().getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
