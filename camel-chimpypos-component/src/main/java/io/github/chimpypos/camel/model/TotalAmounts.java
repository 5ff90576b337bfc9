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

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code total_amounts} of a rental or a station price, in major units of the charge currency, VAT included
 * unless the name ends in {@code Net}. Not every amount is in every answer: an absent one is null. Amounts the API
 * adds later are in {@link #getAdditionalAmounts()}.
 */
public class TotalAmounts {

    static final TotalAmounts EMPTY = new TotalAmounts();

    @JsonProperty("charge")
    private BigDecimal charge;

    @JsonProperty("quick_charge")
    private BigDecimal quickCharge;

    @JsonProperty("deposit")
    private BigDecimal deposit;

    @JsonProperty("weekly_late_fee")
    private BigDecimal weeklyLateFee;

    @JsonProperty("detraction")
    private BigDecimal detraction;

    @JsonProperty("detraction_net")
    private BigDecimal detractionNet;

    @JsonProperty("cable_missing")
    private BigDecimal cableMissing;

    @JsonProperty("late_fee")
    private BigDecimal lateFee;

    @JsonProperty("battery_damaged")
    private BigDecimal batteryDamaged;

    @JsonProperty("refund")
    private BigDecimal refund;

    @JsonProperty("shop")
    private BigDecimal shop;

    @JsonProperty("user")
    private BigDecimal user;

    @JsonProperty("app")
    private BigDecimal app;

    @JsonProperty("shop_net")
    private BigDecimal shopNet;

    @JsonProperty("user_net")
    private BigDecimal userNet;

    @JsonProperty("vat_shop")
    private BigDecimal vatShop;

    @JsonProperty("vat_user")
    private BigDecimal vatUser;

    @JsonProperty("vat_types_user")
    private Map<String, Object> vatTypesUser;

    @JsonProperty("vat_types_shop")
    private Map<String, Object> vatTypesShop;

    private final Map<String, Object> additionalAmounts = new LinkedHashMap<>();

    /** Sum of the charge-type positions. */
    public BigDecimal getCharge() {
        return charge;
    }

    /** Station pricing: the quick-charge price. */
    public BigDecimal getQuickCharge() {
        return quickCharge;
    }

    /** Sum of the deposit-type positions. */
    public BigDecimal getDeposit() {
        return deposit;
    }

    /** Station pricing: the fee per started week of late return. */
    public BigDecimal getWeeklyLateFee() {
        return weeklyLateFee;
    }

    /** All deductions (late fees, missing cable, damaged battery). */
    public BigDecimal getDetraction() {
        return detraction;
    }

    public BigDecimal getDetractionNet() {
        return detractionNet;
    }

    public BigDecimal getCableMissing() {
        return cableMissing;
    }

    public BigDecimal getLateFee() {
        return lateFee;
    }

    public BigDecimal getBatteryDamaged() {
        return batteryDamaged;
    }

    /** Amount refunded to the customer. */
    public BigDecimal getRefund() {
        return refund;
    }

    /** Amount settled at the point of sale; negative for a refund, 0 when the user pays in the app. */
    public BigDecimal getShop() {
        return shop;
    }

    /** Amount paid by the customer; negative for a refund. */
    public BigDecimal getUser() {
        return user;
    }

    /** Amount paid in the app; 0 when paying at the counter. */
    public BigDecimal getApp() {
        return app;
    }

    public BigDecimal getShopNet() {
        return shopNet;
    }

    public BigDecimal getUserNet() {
        return userNet;
    }

    public BigDecimal getVatShop() {
        return vatShop;
    }

    public BigDecimal getVatUser() {
        return vatUser;
    }

    /** Customer VAT per VAT type, as the API sends it; empty when absent. */
    public Map<String, Object> getVatTypesUser() {
        return vatTypesUser != null ? Collections.unmodifiableMap(vatTypesUser) : Map.of();
    }

    /** Shop VAT per VAT type, as the API sends it; empty when absent. */
    public Map<String, Object> getVatTypesShop() {
        return vatTypesShop != null ? Collections.unmodifiableMap(vatTypesShop) : Map.of();
    }

    /** Amounts of the answer that this model does not map. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalAmounts() {
        return Collections.unmodifiableMap(additionalAmounts);
    }

    @JsonAnySetter
    void putAdditionalAmount(String name, Object value) {
        additionalAmounts.put(name, value);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TotalAmounts[");
        append(text, "charge", charge);
        append(text, "quickCharge", quickCharge);
        append(text, "deposit", deposit);
        append(text, "weeklyLateFee", weeklyLateFee);
        append(text, "detraction", detraction);
        append(text, "detractionNet", detractionNet);
        append(text, "cableMissing", cableMissing);
        append(text, "lateFee", lateFee);
        append(text, "batteryDamaged", batteryDamaged);
        append(text, "refund", refund);
        append(text, "shop", shop);
        append(text, "user", user);
        append(text, "app", app);
        append(text, "shopNet", shopNet);
        append(text, "userNet", userNet);
        append(text, "vatShop", vatShop);
        append(text, "vatUser", vatUser);
        if (text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 2);
        }
        return text.append(']').toString();
    }

    private static void append(StringBuilder text, String name, BigDecimal value) {
        if (value != null) {
            text.append(name).append('=').append(value.toPlainString()).append(", ");
        }
    }
}
