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

import static io.github.chimpypos.emulator.internal.pos.Envelopes.envelope;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.ok;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.resource;

import java.time.Instant;
import java.util.Map;

import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.internal.Json;

/** getRentalPricing and createRental at a partner's counter (reference §4.1, §5). */
final class CounterRentals {

    private final PosState state;

    CounterRentals(PosState state) {
        this.state = state;
    }

    /** Pricing ({@code create == false}, changes nothing) or creation of a pickup or return. */
    Answer rental(Call call, boolean create, String rentalType, String locationId, String batteryId, String coupon) {
        RentalRequest request = new RentalRequest(
                Validation.rentalType(rentalType),
                locationId,
                batteryId,
                coupon,
                Validation.lang(call),
                Validation.slipWidth(call),
                Validation.supportCode(call),
                Validation.optionalId("partner_transaction_id", call.param("partner_transaction_id")),
                Validation.optionalId("partner_terminal_id", call.param("partner_terminal_id")));
        if (!create) {
            return evaluate(call, false, request, state.inventory(), null);
        }
        return state.oncePerTransaction(
                request.partnerTransactionId(), (current, slot) -> evaluate(call, true, request, current, slot));
    }

    private Answer evaluate(
            Call call, boolean create, RentalRequest request, Inventory current, Inventory.TransactionSlot slot) {
        Location location = state.seed.locations().get(request.locationId());
        if (location == null) {
            String locale = request.lang() == null ? "en" : request.lang();
            return ok(error(call, request, "undefined", locale, null));
        }
        String locale = request.lang() == null
                ? location.locale()
                : request.lang() + "-" + location.tariff().country();
        Coupon coupon = null;
        if (request.couponCode() != null) {
            coupon = state.seed.coupons().get(request.couponCode());
            String couponError = RentalRules.couponError(coupon);
            if (couponError != null) {
                return ok(error(call, request, couponError, locale, location));
            }
        }
        Battery battery = current.batteries.get(request.batteryId());
        if (battery == null) {
            return ok(error(call, request, "battery_non_existing", locale, location));
        }
        // the check and the change happen under the battery's lock: two racing pickups cannot both succeed
        synchronized (battery) {
            String stateError = RentalRules.stateError(battery.state(), request.rentalType());
            if (stateError != null) {
                return ok(error(call, request, stateError, locale, location));
            }
            Instant now = state.clock.instant();
            boolean pickup = request.pickup();
            Amounts amounts = pickup
                    ? Pricing.pickup(location.tariff(), coupon)
                    : Pricing.giveBack(
                            location.tariff(), coupon, battery.rentedAt(), now, request.supportCode() != null);
            if (!create) {
                return ok(success(call, request, location, coupon, amounts, null, locale));
            }
            Rental rental = new Rental(
                    PosState.newHashedRentalId(),
                    request.rentalType(),
                    battery.id(),
                    locale,
                    location.tariff().currency(),
                    amounts,
                    battery.rentedAt());
            battery.moveTo(pickup ? BatteryState.RENTED : BatteryState.RETURNED, pickup ? now : null, rental);
            byte[] answer = Json.write(success(call, request, location, coupon, amounts, rental, locale));
            rental.firstAnswer(answer);
            if (slot != null) {
                slot.rental = rental;
            }
            state.counters.rentalCreated();
            return new Answer(200, answer);
        }
    }

    private static Map<String, Object> success(
            Call call,
            RentalRequest request,
            Location location,
            Coupon coupon,
            Amounts amounts,
            Rental rental,
            String locale) {
        boolean pickup = request.pickup();
        String status = rental == null
                ? (pickup ? "ready_for_pickup" : "ready_for_return")
                : (pickup ? "pickup_completed" : "return_completed");
        Map<String, Object> resource = resource(status, null, null);
        resource.put("rental_type", request.rentalType());
        resource.put("payment_via", coupon != null && coupon.paidInApp() ? "app" : "shop");
        resource.put("hashed_rental_id", rental == null ? null : rental.hashedId());
        resource.put("coupon_type", coupon == null ? null : coupon.couponType());
        resource.put("charge_currency", location.tariff().currency());
        resource.put("vat_rate", location.tariff().vatRateText());
        resource.put("total_amounts", amounts.toJson());
        putIds(resource, request);
        resource.put(
                "slip",
                Slips.rental(
                        request, location.tariff().currency(), amounts, rental == null ? null : rental.hashedId()));
        return envelope("rental", resource, locale, call);
    }

    private static Map<String, Object> error(
            Call call, RentalRequest request, String errorType, String locale, Location location) {
        Map<String, Object> resource = resource("error", errorType, Messages.text(errorType, locale));
        resource.put("rental_type", request.rentalType());
        resource.put("payment_via", null);
        resource.put("hashed_rental_id", null);
        resource.put("coupon_type", null);
        resource.put(
                "charge_currency", location == null ? null : location.tariff().currency());
        resource.put("total_amounts", null);
        putIds(resource, request);
        resource.put("slip", null);
        return envelope("rental", resource, locale, call);
    }

    private static void putIds(Map<String, Object> resource, RentalRequest request) {
        resource.put("battery_id", request.batteryId());
        resource.put("location_id", request.locationId());
        resource.put("partner_transaction_id", request.partnerTransactionId());
        resource.put("partner_terminal_id", request.partnerTerminalId());
    }
}
