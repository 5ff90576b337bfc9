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
package io.github.chimpypos.camel.operation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import io.github.chimpypos.camel.client.PathTemplate;
import io.github.chimpypos.camel.model.PosResource;

/**
 * Everything the component knows about one operation, as one entry of the {@link OperationTable}.
 *
 * @param operation      the operation
 * @param method         its HTTP method
 * @param pathOption     the option that overrides its path template, e.g. {@code checkBatteryPath}
 * @param defaultPath    the path template when the option is not set
 * @param path           reads the path option from a configuration
 * @param pathVariables  the path variables the request fills (a template may use no others)
 * @param resultType     the model class of the answer
 * @param resourceKey    the field of the answer that holds the resource
 * @param requestFactory builds the request from a message's parameters
 * @param fixedRequest   whether the request is made of parameters only (no body, no generated id), so that the
 *                       request of an endpoint's own operation can be built once and reused
 * @param pollKey        how a consumer polls the operation; null when it cannot be polled (it changes data)
 */
public record OperationSpec(
        ChimpyPosOperation operation,
        Method method,
        String pathOption,
        String defaultPath,
        Function<ChimpyPosConfiguration, String> path,
        Set<OperationParameter> pathVariables,
        Class<? extends PosResource> resultType,
        String resourceKey,
        RequestFactory requestFactory,
        boolean fixedRequest,
        PollKey pollKey) {

    public OperationSpec {
        // in the parameters' order, so that messages list the variables the same way every time
        pathVariables = Collections.unmodifiableSet(EnumSet.copyOf(pathVariables));
    }

    /** The HTTP methods of the PoS API, with what each says about replaying a request. */
    public enum Method {
        /** Safe to replay. */
        GET,
        /** Not replayed after an unknown outcome unless the request is made idempotent (a partner transaction id). */
        POST,
        /** Addresses one resource by its key: safe to replay. */
        PUT;

        ApiRequest.Builder request(String operation, PathTemplate path) {
            return switch (this) {
                case GET -> ApiRequest.get(operation, path);
                case POST -> ApiRequest.post(operation, path);
                case PUT -> ApiRequest.put(operation, path);
            };
        }
    }

    /** Builds the request of one message: path variables, query and body on the request begun for the operation. */
    @FunctionalInterface
    public interface RequestFactory {
        ApiRequest create(MessageParameters parameters, ApiRequest.Builder request);
    }

    public boolean pollable() {
        return pollKey != null;
    }

    /**
     * Parses the configured path template and checks it uses only the variables the operation fills.
     *
     * @throws IllegalArgumentException naming the path option
     */
    public PathTemplate pathTemplate(ChimpyPosConfiguration configuration) {
        PathTemplate parsed;
        try {
            parsed = PathTemplate.parse(path.apply(configuration));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option " + pathOption + ": " + e.getMessage(), e);
        }
        Set<String> accepted =
                pathVariables.stream().map(OperationParameter::apiName).collect(Collectors.toSet());
        for (String variable : parsed.variables()) {
            if (!accepted.contains(variable)) {
                throw new IllegalArgumentException("Invalid option " + pathOption + ": unknown variable {" + variable
                        + "}; accepted variables: "
                        + pathVariables.stream()
                                .map(v -> "{" + v.apiName() + "}")
                                .collect(Collectors.joining(", ")));
            }
        }
        return parsed;
    }

    /** Begins the request of one message: the method and the operation's parsed path. */
    ApiRequest.Builder request(PathTemplate template) {
        return method.request(operation.name(), template).resourceKey(resourceKey);
    }

    /**
     * How a consumer polls an operation.
     *
     * @param key         the parameter that carries each polled key into the request, e.g. the station id
     * @param keysOption  the option that lists the keys, e.g. {@code stationIds}
     * @param keys        reads that option from a configuration
     * @param example     example keys for error messages
     * @param required    the options the request needs beside the key, checked at route start, with what they hold
     * @param scope       the parameters the answer depends on beside the key: a consumer's state keys tell them apart
     */
    public record PollKey(
            OperationParameter key,
            String keysOption,
            Function<ChimpyPosConfiguration, String> keys,
            String example,
            List<Required> required,
            List<OperationParameter> scope) {}

    /** An option a consumer needs beside the key, and what it holds, for the message that says it is missing. */
    public record Required(OperationParameter parameter, String what) {}
}
