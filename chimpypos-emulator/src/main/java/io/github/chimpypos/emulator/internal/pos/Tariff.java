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

/**
 * Prices of one country, VAT included except the VAT-free deposit (reference §5.2).
 *
 * @param vatRate percent, e.g. 7.7
 */
public record Tariff(
        String country,
        String currency,
        BigDecimal vatRate,
        BigDecimal charge,
        BigDecimal deposit,
        BigDecimal weeklyLateFee,
        BigDecimal cableMissing,
        BigDecimal quickCharge) {

    /** The VAT rate as the API prints it: {@code "7.7"}, {@code "19"}. */
    public String vatRateText() {
        return vatRate.stripTrailingZeros().toPlainString();
    }
}
