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

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.model.PosResource;

/**
 * Reads a 2xx answer of the PoS API in one pass over the stream: {@code data.<resourceKey>} straight into its model
 * type, and {@code locale} / {@code country} wherever the envelope carries them. Everything else is skipped without
 * building a tree, so an answer costs one parse and no intermediate nodes.
 */
final class ApiAnswerReader {

    private static final String DATA = "data";
    private static final String LOCALE = "locale";
    private static final String COUNTRY = "country";

    private ApiAnswerReader() {}

    /**
     * @throws com.fasterxml.jackson.core.exc.StreamReadException when the answer is not valid JSON
     * @throws com.fasterxml.jackson.databind.DatabindException   when the resource does not fit its model type
     */
    static <T extends PosResource> ApiAnswer<T> read(
            ObjectMapper mapper, InputStream body, String resourceKey, Class<T> type) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ApiAnswer.notAnObject();
            }
            ApiAnswer<T> answer = new ApiAnswer<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (DATA.equals(name) && value == JsonToken.START_OBJECT) {
                    readData(mapper, parser, resourceKey, type, answer);
                } else if (!readEnvelopeField(parser, name, value, answer, false)) {
                    parser.skipChildren();
                }
            }
            return answer;
        }
    }

    private static <T extends PosResource> void readData(
            ObjectMapper mapper, JsonParser parser, String resourceKey, Class<T> type, ApiAnswer<T> answer)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (resourceKey.equals(name) && value == JsonToken.START_OBJECT) {
                answer.resource = mapper.readValue(parser, type);
            } else if (!readEnvelopeField(parser, name, value, answer, true)) {
                parser.skipChildren();
            }
        }
    }

    /** Keeps a scalar locale or country; data's take precedence over the root's, as the resource's over both. */
    private static boolean readEnvelopeField(
            JsonParser parser, String name, JsonToken value, ApiAnswer<?> answer, boolean inData) throws IOException {
        if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
            return false;
        }
        if (LOCALE.equals(name)) {
            if (inData || answer.locale == null) {
                answer.locale = parser.getText();
            }
            return true;
        }
        if (COUNTRY.equals(name)) {
            if (inData || answer.country == null) {
                answer.country = parser.getText();
            }
            return true;
        }
        return false;
    }

    /** What one pass found; mutable only while it is read. */
    static final class ApiAnswer<T extends PosResource> {
        private static final ApiAnswer<?> NOT_AN_OBJECT = new ApiAnswer<>(false);

        private final boolean object;
        private T resource;
        private String locale;
        private String country;

        private ApiAnswer() {
            this(true);
        }

        private ApiAnswer(boolean object) {
            this.object = object;
        }

        @SuppressWarnings("unchecked")
        static <T extends PosResource> ApiAnswer<T> notAnObject() {
            return (ApiAnswer<T>) NOT_AN_OBJECT;
        }

        /** Whether the answer was a JSON object at all. */
        boolean isObject() {
            return object;
        }

        /** {@code data.<resourceKey>} as its model type, or null when the answer has no such object. */
        T resource() {
            return resource;
        }

        /** The locale of the resource, else of {@code data}, else of the root; null when none. */
        String locale() {
            return ownOr(LOCALE, locale);
        }

        /** The country of the resource, else of {@code data}, else of the root; null when none. */
        String country() {
            return ownOr(COUNTRY, country);
        }

        /** The root's or data's locale, for the error of an answer without its resource. */
        String envelopeLocale() {
            return locale;
        }

        /** The resource's own scalar field of that name (kept among its additional fields), else the fallback. */
        private String ownOr(String field, String fallback) {
            Object own =
                    resource == null ? null : resource.getAdditionalFields().get(field);
            return own instanceof String || own instanceof Number || own instanceof Boolean ? own.toString() : fallback;
        }
    }
}
