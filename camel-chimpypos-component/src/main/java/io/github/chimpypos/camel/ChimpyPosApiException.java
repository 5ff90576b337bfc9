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
package io.github.chimpypos.camel;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The PoS API answered with an HTTP error (400, 404, 409, 5xx...) or with a body that cannot be read. Carries the
 * HTTP status and the API's {@code error_type} and {@code error_message} when the body had them.
 */
public class ChimpyPosApiException extends ChimpyPosException implements HttpResponseAware {

    private int httpResponseCode;
    private String httpResponseStatus;
    private final String errorType;
    private final String errorMessage;
    private final String locale;

    public ChimpyPosApiException(
            String message,
            int httpResponseCode,
            String httpResponseStatus,
            String errorType,
            String errorMessage,
            String locale,
            Throwable cause) {
        super(message, cause);
        this.httpResponseCode = httpResponseCode;
        this.httpResponseStatus = httpResponseStatus;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.locale = locale;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }

    /** The API's {@code error_type}, e.g. {@code station_offline_error}, or null. */
    public String getErrorType() {
        return errorType;
    }

    /** The API's localised {@code error_message}, or null. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The locale of the error answer, or null. */
    public String getLocale() {
        return locale;
    }
}
