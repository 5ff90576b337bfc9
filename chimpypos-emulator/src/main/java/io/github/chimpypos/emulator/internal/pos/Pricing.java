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
import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.emulator.StationPrices;

/** Price rules of reference §5.2 with the sample figures of the seed. */
final class Pricing {

    static final Duration USAGE_PERIOD = Duration.ofDays(7);

    private Pricing() {}

    /** Counter pickup: the customer pays the charge (unless waived by a free-charge coupon) plus the deposit. */
    static Amounts pickup(Tariff tariff, Coupon coupon) {
        BigDecimal charge = coupon != null && coupon.freeCharge() ? Money.ZERO : Money.round(tariff.charge());
        BigDecimal deposit = Money.round(tariff.deposit());
        BigDecimal chargeNet = Money.net(charge, tariff.vatRate());
        return new Amounts(
                tariff.vatRateText(),
                charge,
                deposit,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                charge.add(deposit),
                chargeNet.add(deposit),
                coupon != null && coupon.paidInApp());
    }

    /**
     * Counter return: the deposit comes back minus the late fee (per started week beyond the usage period) and the
     * missing-cable deduction; deductions never exceed the deposit and carry VAT, the deposit does not.
     */
    static Amounts giveBack(Tariff tariff, Coupon coupon, Instant rentedAt, Instant now, boolean cableMissing) {
        BigDecimal deposit = Money.round(tariff.deposit());
        BigDecimal lateFee = Money.round(
                        tariff.weeklyLateFee().multiply(BigDecimal.valueOf(startedLateWeeks(rentedAt, now))))
                .min(deposit);
        BigDecimal cable =
                cableMissing ? Money.round(tariff.cableMissing()).min(deposit.subtract(lateFee)) : Money.ZERO;
        BigDecimal detraction = lateFee.add(cable);
        BigDecimal detractionNet = Money.net(detraction, tariff.vatRate());
        BigDecimal refund = deposit.subtract(detraction);
        return new Amounts(
                tariff.vatRateText(),
                Money.ZERO,
                deposit,
                lateFee,
                cable,
                detraction,
                detractionNet,
                refund,
                refund.negate(),
                detractionNet.subtract(deposit),
                coupon != null && coupon.paidInApp());
    }

    /** Station pickup: only the charge is paid (in the app); the deposit is not collected. */
    static Amounts stationPickup(Tariff tariff, StationPrices prices, boolean freeCharge) {
        BigDecimal charge = freeCharge ? Money.ZERO : Money.round(prices.charge());
        return new Amounts(
                tariff.vatRateText(),
                charge,
                Money.round(prices.deposit()),
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                charge,
                Money.net(charge, tariff.vatRate()),
                true);
    }

    static long startedLateWeeks(Instant rentedAt, Instant now) {
        if (rentedAt == null) {
            return 0;
        }
        Duration late = Duration.between(rentedAt, now).minus(USAGE_PERIOD);
        if (late.isNegative() || late.isZero()) {
            return 0;
        }
        long week = Duration.ofDays(7).toSeconds();
        return (late.toSeconds() + week - 1) / week;
    }
}
