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

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One PoS API call as the business logic sees it.
 *
 * @param body the parsed JSON body, or {@code null} when the call has none
 */
public record Call(String method, String path, Map<String, String> query, JsonNode body) {

    /** The {@code req} echo of the response envelope. */
    Map<String, Object> echo() {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", method);
        echo.put("path", path);
        echo.put("query", query);
        if (body != null) {
            echo.put("body", body);
        }
        return echo;
    }

    String param(String name) {
        return query.get(name);
    }
}
