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

/**
 * The PoS API processed the call and answered HTTP 200 with {@code status=error}, e.g. {@code battery_already_used}.
 * Thrown only with {@code throwOnBusinessError=true}; otherwise the result headers carry the same information.
 */
public class ChimpyPosBusinessException extends ChimpyPosException {

    private final ChimpyPosOperation operation;
    private final String status;
    private final String errorType;
    private final String errorMessage;
    private final transient Object resource;

    public ChimpyPosBusinessException(
            ChimpyPosOperation operation, String status, String errorType, String errorMessage, Object resource) {
        super(operation + " answered with a business error: " + errorType
                + (errorMessage != null ? " (" + errorMessage + ")" : ""));
        this.operation = operation;
        this.status = status;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.resource = resource;
    }

    public ChimpyPosOperation getOperation() {
        return operation;
    }

    /** The resource's {@code status}, usually {@code error}. */
    public String getStatus() {
        return status;
    }

    /** The API's {@code error_type}, e.g. {@code battery_already_used}. */
    public String getErrorType() {
        return errorType;
    }

    /** The API's localised {@code error_message}, or null. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The typed resource of the answer (e.g. a Rental), for the fields beside the error. */
    public Object getResource() {
        return resource;
    }
}
