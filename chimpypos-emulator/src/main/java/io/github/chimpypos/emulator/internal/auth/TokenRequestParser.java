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

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.http.Request;

/** Reads token-request parameters from a JSON body (as Chimpy documents) or a form body (as RFC 6749 requires). */
final class TokenRequestParser {

    private TokenRequestParser() {}

    static Map<String, String> parse(String mediaType, byte[] body) {
        return switch (mediaType) {
            case "application/json" -> parseJson(body);
            case "application/x-www-form-urlencoded" -> Request.parseForm(new String(body, StandardCharsets.UTF_8));
            default ->
                throw OAuthException.invalidRequest(
                        "Content-Type must be application/json or application/x-www-form-urlencoded");
        };
    }

    private static Map<String, String> parseJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JsonProcessingException e) {
            throw OAuthException.invalidRequest("Malformed JSON body");
        }
        if (root == null || !root.isObject()) {
            throw OAuthException.invalidRequest("The JSON body must be an object");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw OAuthException.invalidRequest("Parameter '" + field.getKey() + "' must be a string");
            }
            params.put(field.getKey(), value.asText());
        }
        return params;
    }
}
