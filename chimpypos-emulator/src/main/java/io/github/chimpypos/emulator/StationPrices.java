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
package io.github.chimpypos.emulator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Prices a station quotes, VAT included (reference §4.5).
 *
 * @param charge rental fee
 * @param quickCharge price of a quick charge
 * @param deposit deposit (VAT-free)
 * @param weeklyLateFee fee per started week beyond the 7-day usage period
 * @param stripePriceId the Stripe Price id the station pricing returns
 */
public record StationPrices(
        BigDecimal charge, BigDecimal quickCharge, BigDecimal deposit, BigDecimal weeklyLateFee, String stripePriceId) {

    public StationPrices {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(quickCharge, "quickCharge");
        Objects.requireNonNull(deposit, "deposit");
        Objects.requireNonNull(weeklyLateFee, "weeklyLateFee");
        Objects.requireNonNull(stripePriceId, "stripePriceId");
        requireNotNegative(charge, "charge");
        requireNotNegative(quickCharge, "quickCharge");
        requireNotNegative(deposit, "deposit");
        requireNotNegative(weeklyLateFee, "weeklyLateFee");
    }

    private static void requireNotNegative(BigDecimal amount, String name) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount);
        }
    }
}
