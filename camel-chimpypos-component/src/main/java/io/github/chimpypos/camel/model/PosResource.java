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
package io.github.chimpypos.camel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every resource of the PoS API answers: {@code status}, {@code error_type} and {@code error_message}. Fields
 * this version does not know are kept in {@link #getAdditionalFields()} instead of failing the call.
 */
public abstract class PosResource {

    @JsonProperty("status")
    private String status;

    @JsonProperty("error_type")
    private String errorType;

    @JsonProperty("error_message")
    private String errorMessage;

    private final Map<String, Object> additionalFields = new LinkedHashMap<>();

    /** E.g. {@code ready_for_pickup}, {@code pickup_completed}, {@code pickup_canceled}, or {@code error}. */
    public String getStatus() {
        return status;
    }

    /** The business error code (e.g. {@code battery_already_used}), null on success. */
    public String getErrorType() {
        return errorType;
    }

    /** Localised text; a success may carry one too, so decide on {@link #isError()}, never on this. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** Whether the API reported a business error ({@code status=error} or an {@code error_type}). */
    @JsonIgnore
    public boolean isError() {
        return "error".equals(status) || errorType != null;
    }

    /** Fields of the answer that this model does not map (the API is only partly documented). */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalFields() {
        return Collections.unmodifiableMap(additionalFields);
    }

    @JsonAnySetter
    void putAdditionalField(String name, Object value) {
        additionalFields.put(name, value);
    }

    protected String fieldsToString() {
        return "status=" + status + ", errorType=" + errorType + ", errorMessage=" + errorMessage;
    }
}
