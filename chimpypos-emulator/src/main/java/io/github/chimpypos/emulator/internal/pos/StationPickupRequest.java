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
package io.github.chimpypos.emulator.internal.pos;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The validated JSON body of a station pickup (reference §4.6). */
record StationPickupRequest(
        String paymentGateway,
        String stripePaymentIntentId,
        String paypalOrderId,
        String paypalAuthId,
        String auth0Id,
        String partnerTransactionId) {

    static StationPickupRequest parse(Call call) {
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            throw ApiException.invalidParameter("body", "must be a JSON object");
        }
        String gateway = text(body, "payment_gateway");
        if (gateway == null) {
            throw ApiException.invalidParameter("payment_gateway", "is required (stripe or paypal)");
        }
        String stripeId = text(body, "stripe_payment_intent_id");
        String paypalOrderId = text(body, "paypal_order_id");
        String paypalAuthId = text(body, "paypal_auth_id");
        switch (gateway) {
            case "stripe" -> {
                if (stripeId == null) {
                    throw ApiException.invalidParameter("stripe_payment_intent_id", "is required for stripe");
                }
            }
            case "paypal" -> {
                if (paypalOrderId == null) {
                    throw ApiException.invalidParameter("paypal_order_id", "is required for paypal");
                }
                if (paypalAuthId == null) {
                    throw ApiException.invalidParameter("paypal_auth_id", "is required for paypal");
                }
            }
            default -> throw ApiException.invalidParameter("payment_gateway", "must be stripe or paypal");
        }
        String auth0Id = Validation.optionalId("auth0_id", text(body, "auth0_id"));
        String transactionId = text(body, "partner_transaction_id");
        if (transactionId == null) {
            transactionId = call.param("partner_transaction_id");
        }
        return new StationPickupRequest(
                gateway,
                stripeId,
                paypalOrderId,
                paypalAuthId,
                auth0Id,
                Validation.optionalId("partner_transaction_id", transactionId));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalidParameter(field, "must be a non-empty string");
        }
        return Validation.optionalId(field, value.asText());
    }

    /** Sandbox convention: a payment id containing "fail" plays a declined payment. */
    boolean paymentFails() {
        String id = paymentGateway.equals("stripe") ? stripePaymentIntentId : paypalAuthId;
        return id.toLowerCase(Locale.ROOT).contains("fail");
    }
}
