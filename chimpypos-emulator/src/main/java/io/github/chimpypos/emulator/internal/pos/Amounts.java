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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code total_amounts} of one rental (reference §3.7). Gross amounts include VAT; {@code *_net} exclude it; the
 * shop, user and app parts are signed (negative = money back to the customer).
 */
record Amounts(
        String vatRate,
        BigDecimal charge,
        BigDecimal deposit,
        BigDecimal lateFee,
        BigDecimal cableMissing,
        BigDecimal detraction,
        BigDecimal detractionNet,
        BigDecimal refund,
        BigDecimal user,
        BigDecimal userNet,
        boolean paidInApp) {

    BigDecimal vatUser() {
        return user.subtract(userNet);
    }

    BigDecimal shop() {
        return paidInApp ? Money.ZERO : user;
    }

    BigDecimal shopNet() {
        return paidInApp ? Money.ZERO : userNet;
    }

    BigDecimal vatShop() {
        return shop().subtract(shopNet());
    }

    BigDecimal app() {
        return paidInApp ? user : Money.ZERO;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("charge", Money.json(charge));
        json.put("deposit", Money.json(deposit));
        json.put("detraction", Money.json(detraction));
        json.put("detraction_net", Money.json(detractionNet));
        json.put("cable_missing", Money.json(cableMissing));
        json.put("late_fee", Money.json(lateFee));
        json.put("battery_damaged", 0.0);
        json.put("refund", Money.json(refund));
        json.put("shop", Money.json(shop()));
        json.put("user", Money.json(user));
        json.put("app", Money.json(app()));
        json.put("shop_net", Money.json(shopNet()));
        json.put("user_net", Money.json(userNet));
        json.put("vat_shop", Money.json(vatShop()));
        json.put("vat_user", Money.json(vatUser()));
        json.put("vat_types_shop", Map.of(vatRate, Money.json(vatShop())));
        json.put("vat_types_user", Map.of(vatRate, Money.json(vatUser())));
        return json;
    }

    /** The subset a cancel answer carries (the keys of the documented cancel sample). */
    Map<String, Object> toCancelJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("shop", Money.json(shop()));
        json.put("user", Money.json(user));
        json.put("shop_net", Money.json(shopNet()));
        json.put("user_net", Money.json(userNet));
        json.put("vat_shop", Money.json(vatShop()));
        json.put("vat_user", Money.json(vatUser()));
        return json;
    }
}
