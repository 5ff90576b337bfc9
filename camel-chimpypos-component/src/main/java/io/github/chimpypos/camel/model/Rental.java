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

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rental as the PoS API answers it ({@code data.rental}) for getRentalPricing, createRental, cancelRental and
 * createStationPickup.
 */
public class Rental extends PosResource {

    @JsonProperty("rental_type")
    private String rentalType;

    @JsonProperty("payment_via")
    private String paymentVia;

    @JsonProperty("hashed_rental_id")
    private String hashedRentalId;

    @JsonProperty("coupon_type")
    private String couponType;

    @JsonProperty("charge_currency")
    private String chargeCurrency;

    @JsonProperty("partner_transaction_id")
    private String partnerTransactionId;

    @JsonProperty("total_amounts")
    private TotalAmounts totalAmounts;

    /** {@code pickup} or {@code return}. */
    public String getRentalType() {
        return rentalType;
    }

    /** {@code app} (paid in the app, nothing to collect at the counter) or {@code shop}. */
    public String getPaymentVia() {
        return paymentVia;
    }

    public String getHashedRentalId() {
        return hashedRentalId;
    }

    /** {@code free_charge} when a coupon waived the charge, otherwise null. */
    public String getCouponType() {
        return couponType;
    }

    /** ISO 4217 code, e.g. {@code CHF}. */
    public String getChargeCurrency() {
        return chargeCurrency;
    }

    /** The partner transaction id, when the API echoes it. */
    public String getPartnerTransactionId() {
        return partnerTransactionId;
    }

    /** The amounts (VAT included unless the name ends in {@code Net}); never null. */
    public TotalAmounts getTotalAmounts() {
        return totalAmounts != null ? totalAmounts : TotalAmounts.EMPTY;
    }

    @Override
    public String toString() {
        return "Rental[rentalType=" + rentalType + ", paymentVia=" + paymentVia + ", couponType=" + couponType
                + ", chargeCurrency=" + chargeCurrency + ", " + fieldsToString() + ", totalAmounts=" + totalAmounts
                + "]";
    }
}
