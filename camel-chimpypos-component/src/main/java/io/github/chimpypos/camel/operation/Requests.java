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

import static io.github.chimpypos.camel.operation.OperationParameter.AUTH0_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.BATTERY_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.LANG;
import static io.github.chimpypos.camel.operation.OperationParameter.LOCATION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.PARTNER_TERMINAL_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.PARTNER_TRANSACTION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.RENTAL_TYPE;
import static io.github.chimpypos.camel.operation.OperationParameter.STATION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.SUPPORT_CODE;
import static io.github.chimpypos.camel.operation.OperationParameter.USER_COUPON;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import io.github.chimpypos.camel.model.StationPickupRequest;
import org.apache.camel.Exchange;

/**
 * Turns the parameters of an exchange into the {@link ApiRequest} of each operation (project decisions of the API
 * reference, section 7): which values go in the path, which in the query, which in the body. Everything required is
 * checked here, before any network call.
 */
final class Requests {

    /**
     * Exchange property with the partner transaction ids generated on this exchange, by request. Camel's redelivery
     * restores the message it had before the failed attempt, dropping the header with the generated id, but keeps the
     * exchange properties: a redelivered POST finds its id here and the API recognises the replay.
     */
    static final String GENERATED_PARTNER_TRANSACTION_IDS = "CamelChimpyPosGeneratedPartnerTransactionIds";

    private Requests() {}

    static ApiRequest checkBattery(MessageParameters parameters, ApiRequest.Builder request) {
        return request.pathVariable(BATTERY_ID.apiName(), parameters.requiredText(BATTERY_ID))
                .pathVariable(RENTAL_TYPE.apiName(), parameters.requiredRentalType())
                .query(RENTAL_TYPE.apiName(), parameters.requiredRentalType())
                .query(LANG.apiName(), parameters.text(LANG))
                .build();
    }

    static ApiRequest checkUser(MessageParameters parameters, ApiRequest.Builder request) {
        return request.pathVariable(USER_COUPON.apiName(), parameters.requiredText(USER_COUPON))
                .query(LANG.apiName(), parameters.text(LANG))
                .build();
    }

    static ApiRequest getRentalPricing(MessageParameters parameters, ApiRequest.Builder request) {
        return rental(request, parameters, parameters.text(PARTNER_TRANSACTION_ID));
    }

    /**
     * POST: replayed after an unknown outcome only with a partner transaction id, which the API deduplicates; one is
     * generated (and returned in the header) when generatePartnerTransactionId is set and none is given.
     */
    static ApiRequest createRental(MessageParameters parameters, ApiRequest.Builder request) {
        String partnerTransactionId = partnerTransactionIdForPost(
                parameters,
                String.join(
                        "|",
                        ChimpyPosOperation.createRental.name(),
                        parameters.requiredRentalType(),
                        parameters.requiredText(LOCATION_ID),
                        parameters.requiredText(BATTERY_ID),
                        String.valueOf(parameters.text(USER_COUPON))));
        return rental(request.idempotent(partnerTransactionId != null), parameters, partnerTransactionId);
    }

    /**
     * The id given by the route (header or option), else with generatePartnerTransactionId one id per distinct request
     * on this exchange: a redelivery of the same request reuses it, another request (say a second battery on the same
     * message, whose header still holds the first generated id) gets its own.
     */
    private static String partnerTransactionIdForPost(MessageParameters parameters, String request) {
        String given = parameters.text(PARTNER_TRANSACTION_ID);
        if (!parameters.configuration().isGeneratePartnerTransactionId()) {
            return given;
        }
        Exchange exchange = parameters.exchange();
        Map<?, ?> generated = exchange.getProperty(GENERATED_PARTNER_TRANSACTION_IDS, Map.class);
        if (given != null && (generated == null || !generated.containsValue(given))) {
            return given;
        }
        Object known = generated == null ? null : generated.get(request);
        if (known != null) {
            return known.toString();
        }
        String id = UUID.randomUUID().toString();
        // a new map each time: exchange copies (split, multicast) share the property values
        Map<Object, Object> updated = generated == null ? new HashMap<>() : new HashMap<>(generated);
        updated.put(request, id);
        exchange.setProperty(GENERATED_PARTNER_TRANSACTION_IDS, updated);
        return id;
    }

    private static ApiRequest rental(
            ApiRequest.Builder request, MessageParameters parameters, String partnerTransactionId) {
        return request.pathVariable(RENTAL_TYPE.apiName(), parameters.requiredRentalType())
                .pathVariable(LOCATION_ID.apiName(), parameters.requiredText(LOCATION_ID))
                .pathVariable(BATTERY_ID.apiName(), parameters.requiredText(BATTERY_ID))
                .pathVariable(USER_COUPON.apiName(), parameters.text(USER_COUPON))
                .query(LANG.apiName(), parameters.text(LANG))
                .query(OperationParameter.SLIP_WIDTH.apiName(), parameters.slipWidth())
                .query(PARTNER_TRANSACTION_ID.apiName(), partnerTransactionId)
                .query(PARTNER_TERMINAL_ID.apiName(), parameters.text(PARTNER_TERMINAL_ID))
                .query(SUPPORT_CODE.apiName(), parameters.integer(SUPPORT_CODE))
                .build();
    }

    static ApiRequest cancelRental(MessageParameters parameters, ApiRequest.Builder request) {
        return request.pathVariable(PARTNER_TRANSACTION_ID.apiName(), parameters.requiredText(PARTNER_TRANSACTION_ID))
                .query(LANG.apiName(), parameters.text(LANG))
                .query(OperationParameter.SLIP_WIDTH.apiName(), parameters.slipWidth())
                .build();
    }

    static ApiRequest getStationPricing(MessageParameters parameters, ApiRequest.Builder request) {
        return request.pathVariable(STATION_ID.apiName(), parameters.requiredText(STATION_ID))
                .query(AUTH0_ID.apiName(), parameters.text(AUTH0_ID))
                .query(LANG.apiName(), parameters.text(LANG))
                .build();
    }

    /**
     * POST: like createRental, replayed after an unknown outcome only with a partner transaction id. Chimpy documents
     * the id for counter rentals only; it is sent in the query here too so that a replay cannot eject a second
     * powerbank where the API honours it (the emulator does).
     */
    static ApiRequest createStationPickup(MessageParameters parameters, ApiRequest.Builder request) {
        String stationId = parameters.requiredText(STATION_ID);
        StationPickupRequest body =
                stationPickupRequest(parameters.exchange().getMessage().getBody(), parameters.mapper());
        String auth0Id = parameters.text(AUTH0_ID);
        if (body.getAuth0Id() == null && auth0Id != null) {
            body = body.withAuth0Id(auth0Id);
        }
        body.validate();
        String partnerTransactionId = partnerTransactionIdForPost(
                parameters,
                ChimpyPosOperation.createStationPickup.name() + "|" + stationId + "|"
                        + json(body, parameters.mapper()));
        return request.idempotent(partnerTransactionId != null)
                .pathVariable(STATION_ID.apiName(), stationId)
                .query(LANG.apiName(), parameters.text(LANG))
                .query(PARTNER_TRANSACTION_ID.apiName(), partnerTransactionId)
                .body(body)
                .build();
    }

    private static String json(StationPickupRequest body, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("createStationPickup: the request body cannot be written as JSON", e);
        }
    }

    /** Accepts the typed request, a Map or JSON (String, byte[], InputStream) with the API's field names. */
    static StationPickupRequest stationPickupRequest(Object body, ObjectMapper mapper) {
        try {
            if (body instanceof StationPickupRequest request) {
                return request;
            } else if (body instanceof Map<?, ?> map) {
                return mapper.convertValue(map, StationPickupRequest.class);
            } else if (body instanceof String json && !json.isBlank()) {
                return mapper.readValue(json, StationPickupRequest.class);
            } else if (body instanceof byte[] json && json.length > 0) {
                return mapper.readValue(json, StationPickupRequest.class);
            } else if (body instanceof InputStream json) {
                return mapper.readValue(json, StationPickupRequest.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "createStationPickup: the message body is not a valid station pickup request ("
                            + e.getClass().getSimpleName() + "); expected fields payment_gateway (stripe|paypal),"
                            + " stripe_payment_intent_id or paypal_order_id and paypal_auth_id, optional auth0_id",
                    e);
        }
        throw new IllegalArgumentException("createStationPickup needs a body of type StationPickupRequest, Map or JSON"
                + " String, but the body is "
                + (body == null ? "null" : "a " + body.getClass().getName()));
    }
}
