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

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code createStationPickup}: how the customer paid (Stripe or PayPal) and optionally who they are.
 * Create it with {@link #stripe(String)} or {@link #paypal(String, String)}; the component also accepts a Map or a
 * JSON string with the API's field names ({@code payment_gateway}, {@code stripe_payment_intent_id},
 * {@code paypal_order_id}, {@code paypal_auth_id}, {@code auth0_id}) or their camelCase forms. Immutable.
 */
public final class StationPickupRequest {

    /** The accepted values of {@code payment_gateway}. */
    public static final String STRIPE = "stripe";

    public static final String PAYPAL = "paypal";

    @JsonProperty("payment_gateway")
    @JsonAlias("paymentGateway")
    private String paymentGateway;

    @JsonProperty("stripe_payment_intent_id")
    @JsonAlias("stripePaymentIntentId")
    private String stripePaymentIntentId;

    @JsonProperty("paypal_order_id")
    @JsonAlias("paypalOrderId")
    private String paypalOrderId;

    @JsonProperty("paypal_auth_id")
    @JsonAlias("paypalAuthId")
    private String paypalAuthId;

    @JsonProperty("auth0_id")
    @JsonAlias("auth0Id")
    private String auth0Id;

    private StationPickupRequest() {}

    private StationPickupRequest(
            String paymentGateway,
            String stripePaymentIntentId,
            String paypalOrderId,
            String paypalAuthId,
            String auth0Id) {
        this.paymentGateway = paymentGateway;
        this.stripePaymentIntentId = stripePaymentIntentId;
        this.paypalOrderId = paypalOrderId;
        this.paypalAuthId = paypalAuthId;
        this.auth0Id = auth0Id;
    }

    /** Paid with a Stripe PaymentIntent. */
    public static StationPickupRequest stripe(String paymentIntentId) {
        return new StationPickupRequest(STRIPE, paymentIntentId, null, null, null);
    }

    /** Paid with a PayPal order created with intent authorize, and its authorization. */
    public static StationPickupRequest paypal(String orderId, String authorizationId) {
        return new StationPickupRequest(PAYPAL, null, orderId, authorizationId, null);
    }

    /** A copy for the logged-in app user (their coupons may change the price). */
    public StationPickupRequest withAuth0Id(String auth0Id) {
        return new StationPickupRequest(paymentGateway, stripePaymentIntentId, paypalOrderId, paypalAuthId, auth0Id);
    }

    public String getPaymentGateway() {
        return paymentGateway;
    }

    public String getStripePaymentIntentId() {
        return stripePaymentIntentId;
    }

    public String getPaypalOrderId() {
        return paypalOrderId;
    }

    public String getPaypalAuthId() {
        return paypalAuthId;
    }

    public String getAuth0Id() {
        return auth0Id;
    }

    /**
     * Checks what the API requires before anything is sent.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public StationPickupRequest validate() {
        if (STRIPE.equals(paymentGateway)) {
            requireField("stripe_payment_intent_id", stripePaymentIntentId, "stripe");
        } else if (PAYPAL.equals(paymentGateway)) {
            requireField("paypal_order_id", paypalOrderId, "paypal");
            requireField("paypal_auth_id", paypalAuthId, "paypal");
        } else {
            throw new IllegalArgumentException("createStationPickup: payment_gateway must be one of stripe, paypal"
                    + (paymentGateway == null ? " but is missing" : " but was '" + paymentGateway + "'"));
        }
        return this;
    }

    private static void requireField(String name, String value, String gateway) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "createStationPickup: " + name + " is required when payment_gateway is " + gateway);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StationPickupRequest that
                && Objects.equals(paymentGateway, that.paymentGateway)
                && Objects.equals(stripePaymentIntentId, that.stripePaymentIntentId)
                && Objects.equals(paypalOrderId, that.paypalOrderId)
                && Objects.equals(paypalAuthId, that.paypalAuthId)
                && Objects.equals(auth0Id, that.auth0Id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paymentGateway, stripePaymentIntentId, paypalOrderId, paypalAuthId, auth0Id);
    }

    /** Payment references are shown only by presence: they identify a payment. */
    @Override
    public String toString() {
        return "StationPickupRequest[paymentGateway=" + paymentGateway + ", stripePaymentIntentId="
                + (stripePaymentIntentId != null ? "set" : "null") + ", paypalOrderId="
                + (paypalOrderId != null ? "set" : "null") + ", paypalAuthId="
                + (paypalAuthId != null ? "set" : "null") + ", auth0Id=" + (auth0Id != null ? "set" : "null") + "]";
    }
}
