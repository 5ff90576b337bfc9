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

import io.github.chimpypos.emulator.BatteryState;

/** The business rules of reference §5.1 and §3.5 that decide whether a rental may go ahead. */
final class RentalRules {

    private RentalRules() {}

    /** Which error a battery in {@code state} gives for a pickup or return, or {@code null} when allowed. */
    static String stateError(BatteryState state, String rentalType) {
        boolean pickup = rentalType.equals("pickup");
        return switch (state) {
            case IN_STOCK -> pickup ? null : "battery_not_rented_out";
            case RENTED -> pickup ? "battery_already_used" : null;
            case RETURNED -> pickup ? "battery_already_used" : "battery_already_returned";
            case EXPIRED -> "battery_expired";
        };
    }

    /** Which error a user coupon gives ({@code null} coupon = unknown code), or {@code null} when valid. */
    static String couponError(Coupon coupon) {
        if (coupon == null) {
            return "user_hash_invalid";
        }
        return coupon.active() ? null : "user_inactive";
    }
}
