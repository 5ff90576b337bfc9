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

/**
 * An answered call (HTTP 2xx): the typed {@code data.<resource>} and the envelope fields, wherever the API placed
 * them. A business error (status {@code error}) is an answer too; the caller decides whether to throw.
 *
 * @param resource     the typed resource
 * @param httpStatus   the HTTP status code
 * @param status       the resource's {@code status}, e.g. {@code ready_for_pickup} or {@code error}
 * @param errorType    the resource's {@code error_type}, or null
 * @param errorMessage the resource's {@code error_message}, or null (may be set on success too)
 * @param locale       the answer's {@code locale}, or null
 * @param country      the answer's {@code country}, or null
 */
public record ApiResult<T>(
        T resource,
        int httpStatus,
        String status,
        String errorType,
        String errorMessage,
        String locale,
        String country) {

    /** Decided on status and error type, never on the message (a success may carry one). */
    public boolean isBusinessError() {
        return "error".equals(status) || errorType != null;
    }
}
