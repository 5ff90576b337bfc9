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
import static io.github.chimpypos.emulator.internal.pos.Envelopes.envelopeOf;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.ok;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.resource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.internal.Json;

/** getStationPricing and createStationPickup at a Chimpy Station (reference §4.5, §4.6). */
final class StationRentals {

    private final PosState state;
    private final AtomicLong ejectedBatteries = new AtomicLong();

    StationRentals(PosState state) {
        this.state = state;
    }

    Answer pricing(Call call, String externalId) {
        String lang = Validation.lang(call);
        String auth0Id = Validation.optionalId("auth0_id", call.param("auth0_id"));
        Station station = workingStation(state.inventory(), externalId, lang);
        String locale = locale(station, lang);
        String couponType = auth0Id == null ? null : state.seed.accounts().get(auth0Id);
        StationPrices prices = station.prices();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("charge", Money.json("free_charge".equals(couponType) ? BigDecimal.ZERO : prices.charge()));
        totals.put("quick_charge", Money.json(prices.quickCharge()));
        totals.put("deposit", Money.json(prices.deposit()));
        totals.put("weekly_late_fee", Money.json(prices.weeklyLateFee()));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("external_id", station.externalId());
        resource.put("coupon_type", couponType);
        resource.put("charge_currency", station.tariff().currency());
        resource.put("vat_rate", station.tariff().vatRateText());
        resource.put("total_amounts", totals);
        resource.put("stripe_price_id", prices.stripePriceId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("station", resource);
        // the documented sample puts locale and country inside data; locale is repeated at the top for symmetry
        data.put("locale", locale);
        data.put("country", station.tariff().country());
        return ok(envelopeOf(data, locale, call));
    }

    Answer pickup(Call call, String externalId) {
        String lang = Validation.lang(call);
        StationPickupRequest request = StationPickupRequest.parse(call);
        return state.oncePerTransaction(
                request.partnerTransactionId(),
                (current, slot) -> createPickup(call, externalId, lang, request, current, slot));
    }

    private Answer createPickup(
            Call call,
            String externalId,
            String lang,
            StationPickupRequest request,
            Inventory current,
            Inventory.TransactionSlot slot) {
        Station station = workingStation(current, externalId, lang);
        String locale = locale(station, lang);
        if (request.paymentFails()) {
            throw new ApiException(400, "payment_failed", null).at(locale);
        }
        String couponType =
                request.auth0Id() == null ? null : state.seed.accounts().get(request.auth0Id());
        Amounts amounts = Pricing.stationPickup(station.tariff(), station.prices(), "free_charge".equals(couponType));
        // the ejected powerbank: a new battery, rented now, that can be returned at any counter
        String batteryId = externalId.toUpperCase(Locale.ROOT) + "-"
                + String.format(Locale.ROOT, "%06d", ejectedBatteries.incrementAndGet());
        Instant now = state.clock.instant();
        Rental rental = new Rental(
                PosState.newHashedRentalId(),
                "pickup",
                batteryId,
                locale,
                station.tariff().currency(),
                amounts,
                null);
        Battery battery = new Battery(batteryId, BatteryState.RENTED, now);
        battery.moveTo(BatteryState.RENTED, now, rental);
        current.batteries.put(batteryId, battery);

        Map<String, Object> resource = resource("pickup_completed", null, Messages.text("ok_everything", locale));
        resource.put("rental_type", "pickup");
        resource.put("payment_via", "app");
        resource.put("hashed_rental_id", rental.hashedId());
        resource.put("coupon_type", couponType);
        resource.put("charge_currency", station.tariff().currency());
        resource.put("vat_rate", station.tariff().vatRateText());
        resource.put("total_amounts", amounts.toJson());
        resource.put("battery_id", batteryId);
        resource.put("external_id", station.externalId());
        resource.put("payment_gateway", request.paymentGateway());
        resource.put("partner_transaction_id", request.partnerTransactionId());
        byte[] answer = Json.write(envelope("rental", resource, locale, call));
        rental.firstAnswer(answer);
        if (slot != null) {
            slot.rental = rental;
        }
        state.counters.rentalCreated();
        return new Answer(200, answer);
    }

    private static Station workingStation(Inventory current, String externalId, String lang) {
        Station station = current.stations.get(externalId);
        if (station == null) {
            throw new ApiException(404, "station_not_found", null).at(lang == null ? "en" : lang);
        }
        String errorType = station.state().errorType();
        if (errorType != null) {
            throw new ApiException(400, errorType, null).at(locale(station, lang));
        }
        return station;
    }

    private static String locale(Station station, String lang) {
        return lang == null ? station.locale() : lang + "-" + station.tariff().country();
    }
}
