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

import java.util.List;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosBusinessException;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import io.github.chimpypos.camel.client.ApiResult;
import io.github.chimpypos.camel.client.ChimpyPosApiClient;
import io.github.chimpypos.camel.client.PathTemplate;
import io.github.chimpypos.camel.model.PosResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Runs operations for one started endpoint, as its {@link OperationTable} entries say: the request from the message,
 * the call, the typed resource and the result headers into the message. The producer and the consumer share it.
 */
public final class OperationRunner {

    private static final List<String> RESULT_HEADERS = List.of(
            ChimpyPosConstants.HTTP_STATUS,
            ChimpyPosConstants.STATUS,
            ChimpyPosConstants.ERROR_TYPE,
            ChimpyPosConstants.ERROR_MESSAGE,
            ChimpyPosConstants.LOCALE,
            ChimpyPosConstants.COUNTRY);

    private final ChimpyPosOperation ownOperation;
    private final ChimpyPosConfiguration configuration;
    private final ChimpyPosApiClient apiClient;
    /** The parsed template of the endpoint's own operation; another one (operation header) is parsed when used. */
    private final PathTemplate ownPathTemplate;

    private final RequestCache requestCache;

    /** @throws IllegalArgumentException naming the path option when the own operation's template is invalid */
    public OperationRunner(
            ChimpyPosOperation ownOperation, ChimpyPosConfiguration configuration, ChimpyPosApiClient apiClient) {
        this.ownOperation = ownOperation;
        this.configuration = configuration;
        this.apiClient = apiClient;
        this.ownPathTemplate = OperationTable.spec(ownOperation).pathTemplate(configuration);
        this.requestCache = new RequestCache(OperationTable.spec(ownOperation));
    }

    /** Performs {@code operation} for the exchange; fails with the exception the call or the answer gave. */
    public void run(ChimpyPosOperation operation, Exchange exchange) {
        OperationSpec spec = OperationTable.spec(operation);
        Message message = exchange.getMessage();
        // results of an earlier call on this exchange must not pass for this call's, whatever happens next
        if (message.hasHeaders()) {
            RESULT_HEADERS.forEach(message::removeHeader);
        }
        ApiRequest request = requestCache.get(operation, message);
        if (request == null) {
            MessageParameters parameters =
                    new MessageParameters(operation, exchange, configuration, apiClient.mapper());
            request = spec.requestFactory().create(parameters, spec.request(pathTemplate(spec)));
            requestCache.offer(operation, message, request);
        }
        String transactionId = partnerTransactionId(request);
        if (transactionId != null) {
            message.setHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId);
        }
        ApiResult<? extends PosResource> result;
        try {
            result = apiClient.execute(request, spec.resultType());
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

    /** The request the cache would send for this message, or null; for tests of the cache. */
    public ApiRequest cachedRequest(ChimpyPosOperation operation, Message message) {
        return requestCache.get(operation, message);
    }

    private PathTemplate pathTemplate(OperationSpec spec) {
        return spec.operation() == ownOperation ? ownPathTemplate : spec.pathTemplate(configuration);
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
