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

import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import org.apache.camel.Message;

/**
 * The request of an endpoint's own operation when the message overrides none of its parameters and the request
 * depends on nothing else (no body, no generated id): built once, sent many times.
 */
final class RequestCache {

    private static final OperationParameter[] PARAMETERS = OperationParameter.values();

    private final ChimpyPosOperation operation;
    private final boolean cacheable;
    /** Null until the first request is offered. */
    private volatile ApiRequest request;

    RequestCache(OperationSpec ownOperation) {
        this.operation = ownOperation.operation();
        this.cacheable = ownOperation.fixedRequest();
    }

    /** The cached request for this message, or null when there is none or the message needs its own. */
    ApiRequest get(ChimpyPosOperation forOperation, Message message) {
        ApiRequest cached = request;
        return cached != null && forOperation == operation && !overridesParameters(message) ? cached : null;
    }

    /** Keeps the request when {@link #get} may answer it for the next messages. */
    void offer(ChimpyPosOperation forOperation, Message message, ApiRequest built) {
        if (cacheable && forOperation == operation && !overridesParameters(message)) {
            request = built.asReused();
        }
    }

    private static boolean overridesParameters(Message message) {
        if (!message.hasHeaders()) {
            return false;
        }
        for (OperationParameter parameter : PARAMETERS) {
            if (message.getHeader(parameter.header()) != null) {
                return true;
            }
        }
        return false;
    }
}
