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

/** The answer of {@code getStationPricing} ({@code data.station}): what a pickup at this station costs. */
public class StationPricing extends PosResource {

    @JsonProperty("external_id")
    private String externalId;

    @JsonProperty("coupon_type")
    private String couponType;

    @JsonProperty("charge_currency")
    private String chargeCurrency;

    @JsonProperty("vat_rate")
    private String vatRate;

    @JsonProperty("stripe_price_id")
    private String stripePriceId;

    @JsonProperty("total_amounts")
    private TotalAmounts totalAmounts;

    /** The station id, e.g. {@code abc1}. */
    public String getExternalId() {
        return externalId;
    }

    /** {@code free_charge} when a coupon of the user applies, otherwise null. */
    public String getCouponType() {
        return couponType;
    }

    /** ISO 4217 code, e.g. {@code CHF}. */
    public String getChargeCurrency() {
        return chargeCurrency;
    }

    /** The VAT rate in percent as the API sends it, a string such as {@code "7.7"}. */
    public String getVatRate() {
        return vatRate;
    }

    /** The Stripe Price to charge in the app. */
    public String getStripePriceId() {
        return stripePriceId;
    }

    /** charge, quickCharge, deposit, weeklyLateFee; never null. */
    public TotalAmounts getTotalAmounts() {
        return totalAmounts != null ? totalAmounts : TotalAmounts.EMPTY;
    }

    @Override
    public String toString() {
        return "StationPricing[externalId=" + externalId + ", couponType=" + couponType + ", chargeCurrency="
                + chargeCurrency + ", vatRate=" + vatRate + ", " + fieldsToString() + ", totalAmounts="
                + totalAmounts + "]";
    }
}
