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

import java.util.Map;

import io.github.chimpypos.emulator.BatteryState;

/**
 * cancelRental (reference §4.2): the rental is flagged canceled and the battery goes back to where it was; refused
 * (409) when already canceled or when the battery was used again since.
 */
final class Cancellations {

    private final PosState state;

    Cancellations(PosState state) {
        this.state = state;
    }

    Answer cancel(Call call, String partnerTransactionId) {
        String lang = Validation.lang(call);
        int slipWidth = Validation.slipWidth(call);
        String fallbackLocale = lang == null ? "en" : lang;
        Inventory current = state.inventory();
        Inventory.TransactionSlot slot = current.transactions.get(partnerTransactionId);
        if (slot == null) {
            throw new ApiException(404, "original_rental_not_found", null).at(fallbackLocale);
        }
        synchronized (slot) {
            Rental rental = slot.rental;
            if (rental == null) {
                throw new ApiException(404, "original_rental_not_found", null).at(fallbackLocale);
            }
            String locale =
                    lang == null ? rental.locale() : lang + rental.locale().substring(2);
            if (rental.canceled()) {
                throw new ApiException(409, "general_error", "the rental is already canceled").at(locale);
            }
            rollBack(current, rental, locale);
            rental.markCanceled();
            state.counters.rentalCanceled();
            Map<String, Object> resource = resource(rental.rentalType() + "_canceled", null, null);
            resource.put("rental_type", rental.rentalType());
            resource.put("charge_currency", rental.currency());
            resource.put("hashed_rental_id", rental.hashedId());
            resource.put("partner_transaction_id", partnerTransactionId);
            resource.put("total_amounts", rental.amounts().toCancelJson());
            resource.put("slip", Slips.cancel(slipWidth, rental));
            return ok(envelope("rental", resource, locale, call));
        }
    }

    private static void rollBack(Inventory current, Rental rental, String locale) {
        Battery battery = current.batteries.get(rental.batteryId());
        if (battery == null) {
            throw new ApiException(409, "general_error", "the battery no longer exists").at(locale);
        }
        boolean pickup = rental.rentalType().equals("pickup");
        synchronized (battery) {
            BatteryState expected = pickup ? BatteryState.RENTED : BatteryState.RETURNED;
            if (battery.state() != expected || battery.lastRental() != rental) {
                throw new ApiException(409, "general_error", "the battery was used again after this rental").at(locale);
            }
            if (pickup) {
                battery.moveTo(BatteryState.IN_STOCK, null, null);
            } else {
                battery.moveTo(BatteryState.RENTED, rental.previousRentedAt(), null);
            }
        }
    }
}
