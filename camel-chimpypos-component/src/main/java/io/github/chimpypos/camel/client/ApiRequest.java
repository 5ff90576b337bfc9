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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of the PoS API, described without any transport detail: method, path template with its variables, query
 * parameters, optional JSON body, the key of the answered resource in {@code data}, and whether the call may be
 * replayed when its outcome is unknown. Immutable; built with {@link #get}, {@link #post} or {@link #put}.
 */
public final class ApiRequest {

    private final String operation;
    private final String method;
    private final PathTemplate path;
    private final Map<String, String> pathVariables;
    private final Map<String, String> query;
    private final Object body;
    private final String resourceKey;
    private final boolean idempotent;

    private ApiRequest(Builder b) {
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.method = b.method;
        this.path = Objects.requireNonNull(b.path, "path");
        this.pathVariables = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathVariables));
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.body = b.body;
        this.resourceKey = Objects.requireNonNull(b.resourceKey, "resourceKey");
        this.idempotent = b.idempotent;
    }

    /** A GET: safe to replay. */
    public static Builder get(String operation, PathTemplate path) {
        return new Builder(operation, "GET", path, true);
    }

    /** A POST: not replayed after an unknown outcome unless {@link Builder#idempotent(boolean)} says so. */
    public static Builder post(String operation, PathTemplate path) {
        return new Builder(operation, "POST", path, false);
    }

    /** A PUT addressing one resource by its key: safe to replay. */
    public static Builder put(String operation, PathTemplate path) {
        return new Builder(operation, "PUT", path, true);
    }

    /** The operation name, used in error messages. */
    public String operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    public PathTemplate path() {
        return path;
    }

    public Map<String, String> pathVariables() {
        return pathVariables;
    }

    /** Query parameters in order; absent values are not present. */
    public Map<String, String> query() {
        return query;
    }

    /** The object to send as JSON, or null for no body. */
    public Object body() {
        return body;
    }

    /** The key of the resource in the answer's {@code data} object, e.g. {@code rental}. */
    public String resourceKey() {
        return resourceKey;
    }

    /**
     * Whether replaying the request cannot change the outcome: true for GET and PUT, and for a POST that carries a
     * {@code partner_transaction_id} (the API answers a repeated one with the first result).
     */
    public boolean idempotent() {
        return idempotent;
    }

    /** Method and path template, never the values: safe for logs and exception messages. */
    public String describe() {
        return operation + " (" + method + " " + path + ")";
    }

    @Override
    public String toString() {
        return "ApiRequest[" + describe() + "]";
    }

    public static final class Builder {
        private final String operation;
        private final String method;
        private final PathTemplate path;
        private final Map<String, String> pathVariables = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private Object body;
        private String resourceKey;
        private boolean idempotent;

        private Builder(String operation, String method, PathTemplate path, boolean idempotent) {
            this.operation = operation;
            this.method = method;
            this.path = path;
            this.idempotent = idempotent;
        }

        public Builder pathVariable(String name, String value) {
            if (value != null) {
                pathVariables.put(name, value);
            }
            return this;
        }

        /** Adds a query parameter; a null value is left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        public Builder resourceKey(String resourceKey) {
            this.resourceKey = resourceKey;
            return this;
        }

        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
