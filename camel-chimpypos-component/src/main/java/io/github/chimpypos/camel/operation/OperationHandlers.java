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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosBusinessException;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import io.github.chimpypos.camel.client.ApiResult;
import io.github.chimpypos.camel.client.PathTemplate;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.camel.model.PosResource;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.model.UserCheck;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The immutable registry of operation handlers: one per {@link ChimpyPosOperation}, each made of the operation's
 * request factory and the type of its answer. The handlers are stateless and shared by all endpoints.
 */
public final class OperationHandlers {

    private static final List<String> RESULT_HEADERS = List.of(
            ChimpyPosConstants.HTTP_STATUS,
            ChimpyPosConstants.STATUS,
            ChimpyPosConstants.ERROR_TYPE,
            ChimpyPosConstants.ERROR_MESSAGE,
            ChimpyPosConstants.LOCALE,
            ChimpyPosConstants.COUNTRY);
    private static final Map<ChimpyPosOperation, OperationHandler> HANDLERS = create();

    private OperationHandlers() {}

    public static OperationHandler get(ChimpyPosOperation operation) {
        return HANDLERS.get(operation);
    }

    private static Map<ChimpyPosOperation, OperationHandler> create() {
        Map<ChimpyPosOperation, OperationHandler> handlers = new EnumMap<>(ChimpyPosOperation.class);
        register(handlers, ChimpyPosOperation.checkBattery, BatteryCheck.class, Requests::checkBattery);
        register(handlers, ChimpyPosOperation.checkUser, UserCheck.class, Requests::checkUser);
        register(handlers, ChimpyPosOperation.getRentalPricing, Rental.class, Requests::getRentalPricing);
        register(handlers, ChimpyPosOperation.createRental, Rental.class, Requests::createRental);
        register(handlers, ChimpyPosOperation.cancelRental, Rental.class, Requests::cancelRental);
        register(handlers, ChimpyPosOperation.getStationPricing, StationPricing.class, Requests::getStationPricing);
        registerWithEndpoint(
                handlers,
                ChimpyPosOperation.createStationPickup,
                Rental.class,
                (parameters, path, endpoint) -> Requests.createStationPickup(
                        parameters, path, endpoint.getApiClient().mapper()));
        if (handlers.size() != ChimpyPosOperation.values().length) {
            throw new IllegalStateException("Every operation needs a handler: " + handlers.keySet());
        }
        return Collections.unmodifiableMap(handlers);
    }

    private static <T extends PosResource> void register(
            Map<ChimpyPosOperation, OperationHandler> handlers,
            ChimpyPosOperation operation,
            Class<T> resultType,
            SimpleRequestFactory factory) {
        registerWithEndpoint(
                handlers, operation, resultType, (parameters, path, endpoint) -> factory.create(parameters, path));
    }

    private static <T extends PosResource> void registerWithEndpoint(
            Map<ChimpyPosOperation, OperationHandler> handlers,
            ChimpyPosOperation operation,
            Class<T> resultType,
            RequestFactory factory) {
        handlers.put(operation, new ResourceHandler<>(operation, resultType, factory));
    }

    @FunctionalInterface
    private interface SimpleRequestFactory {
        ApiRequest create(MessageParameters parameters, PathTemplate path);
    }

    @FunctionalInterface
    private interface RequestFactory {
        ApiRequest create(MessageParameters parameters, PathTemplate path, ChimpyPosEndpoint endpoint);
    }

    /** Builds the request, calls the API and writes the typed resource and the result headers. */
    private static final class ResourceHandler<T extends PosResource> implements OperationHandler {
        private final ChimpyPosOperation operation;
        private final Class<T> resultType;
        private final RequestFactory factory;

        ResourceHandler(ChimpyPosOperation operation, Class<T> resultType, RequestFactory factory) {
            this.operation = operation;
            this.resultType = resultType;
            this.factory = factory;
        }

        @Override
        public void handle(Exchange exchange, ChimpyPosEndpoint endpoint) {
            Message message = exchange.getMessage();
            // results of an earlier call on this exchange must not pass for this call's, whatever happens next
            if (message.hasHeaders()) {
                RESULT_HEADERS.forEach(message::removeHeader);
            }
            ChimpyPosConfiguration configuration = endpoint.getConfiguration();
            ApiRequest request = endpoint.fixedRequest(operation, message);
            if (request == null) {
                MessageParameters parameters = new MessageParameters(operation, exchange, configuration);
                request = factory.create(parameters, endpoint.pathTemplate(operation), endpoint);
                endpoint.offerFixedRequest(operation, message, request);
            }
            String transactionId = partnerTransactionId(request);
            if (transactionId != null) {
                message.setHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId);
            }
            ApiResult<T> result;
            try {
                result = endpoint.getApiClient().execute(request, resultType);
            } catch (ChimpyPosApiException e) {
                setHeader(message, ChimpyPosConstants.HTTP_STATUS, e.getHttpResponseCode());
                setHeader(message, ChimpyPosConstants.ERROR_TYPE, e.getErrorType());
                setHeader(message, ChimpyPosConstants.ERROR_MESSAGE, e.getErrorMessage());
                setHeader(message, ChimpyPosConstants.LOCALE, e.getLocale());
                throw e;
            }
            message.setBody(result.resource());
            setHeader(message, ChimpyPosConstants.HTTP_STATUS, result.httpStatus());
            setHeader(message, ChimpyPosConstants.STATUS, result.status());
            setHeader(message, ChimpyPosConstants.ERROR_TYPE, result.errorType());
            setHeader(message, ChimpyPosConstants.ERROR_MESSAGE, result.errorMessage());
            setHeader(message, ChimpyPosConstants.LOCALE, result.locale());
            setHeader(message, ChimpyPosConstants.COUNTRY, result.country());
            if (result.isBusinessError() && configuration.isThrowOnBusinessError()) {
                throw new ChimpyPosBusinessException(
                        operation, result.status(), result.errorType(), result.errorMessage(), result.resource());
            }
        }

        private static String partnerTransactionId(ApiRequest request) {
            String name = OperationParameter.PARTNER_TRANSACTION_ID.apiName();
            String inQuery = request.query().get(name);
            return inQuery != null ? inQuery : request.pathVariables().get(name);
        }

        /** Sets the header when the answer has a value for it. */
        private static void setHeader(Message message, String name, Object value) {
            if (value != null) {
                message.setHeader(name, value);
            }
        }
    }
}
