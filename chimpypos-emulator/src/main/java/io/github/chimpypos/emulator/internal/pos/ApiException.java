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

/**
 * A PoS API error answered with an HTTP error status and the 400-style envelope
 * {@code {"error":{"status":"error","error_type":...,"error_message":...},"locale":...}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;
    private final String detail;
    private final String locale;

    public ApiException(int status, String errorType, String detail) {
        this(status, errorType, detail, null);
    }

    private ApiException(int status, String errorType, String detail, String locale) {
        super(errorType + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.detail = detail;
        this.locale = locale;
    }

    static ApiException invalidParameter(String parameter, String problem) {
        return new ApiException(400, "invalid_parameter", "'" + parameter + "' " + problem);
    }

    /** The same error, answered in {@code locale}. */
    ApiException at(String newLocale) {
        return new ApiException(status, errorType, detail, newLocale);
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    /** Extra English detail appended to the localised message, e.g. which parameter is wrong; may be null. */
    public String detail() {
        return detail;
    }

    /** The locale to answer in, or {@code null} when the caller's language decides. */
    public String locale() {
        return locale;
    }
}
