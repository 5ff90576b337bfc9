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

import io.github.chimpypos.emulator.internal.Json;

/** The HTTP 200 envelope {@code {"data":{"<key>":{...}},"locale":...,"req":{...}}} (reference §3.1). */
final class Envelopes {

    private Envelopes() {}

    /** A resource starting with the three fields every resource has. */
    static Map<String, Object> resource(String status, String errorType, String errorMessage) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("status", status);
        resource.put("error_type", errorType);
        resource.put("error_message", errorMessage);
        return resource;
    }

    static Map<String, Object> envelope(String key, Map<String, Object> resource, String locale, Call call) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, resource);
        return envelopeOf(data, locale, call);
    }

    static Map<String, Object> envelopeOf(Map<String, Object> data, String locale, Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("locale", locale);
        body.put("req", call.echo());
        return body;
    }

    static Answer ok(Map<String, Object> body) {
        return new Answer(200, Json.write(body));
    }
}
