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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.internal.Json;
import io.github.chimpypos.emulator.internal.control.LiveCounters;

/**
 * The business side of the PoS API (reference §4, §5, §7): battery state machine, prices, idempotent rental creation
 * and cancel. HTTP-independent; validation failures are thrown as {@link ApiException}.
 */
public final class PosApi {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Seed seed;
    private final Clock clock;
    private final LiveCounters counters;
    private final AtomicLong stationBatterySequence = new AtomicLong();
    private volatile Inventory inventory;

    public PosApi(Seed seed, Clock clock, LiveCounters counters) {
        this.seed = seed;
        this.clock = clock;
        this.counters = counters;
        this.inventory = new Inventory(seed, clock.instant());
    }

    /** Back to the seed; RENTED seed batteries count their rental days back from the current clock instant. */
    public void reset() {
        inventory = new Inventory(seed, clock.instant());
    }

    // ---- battery and user checks -------------------------------------------------------------------------------

    public Answer checkBattery(Call call, String batteryId) {
        String lang = Validation.lang(call);
        String rentalType = Validation.rentalType(Objects.requireNonNullElse(call.param("rental_type"), "pickup"));
        String locale = lang == null ? "en" : lang;
        Battery battery = inventory.batteries.get(batteryId);
        String errorType = battery == null ? "battery_non_existing" : stateError(battery.state(), rentalType);
        Map<String, Object> resource = resource(
                errorType == null ? "ready_for_" + rentalType : "error",
                errorType,
                errorType == null ? Messages.text("ok_" + rentalType, locale) : Messages.text(errorType, locale));
        resource.put("battery_id", batteryId);
        resource.put("rental_type", rentalType);
        if (battery != null) {
            resource.put("battery_state", battery.state().name().toLowerCase(Locale.ROOT));
        }
        return ok(envelope("battery", resource, locale, call));
    }

    public Answer checkUser(Call call, String couponCode) {
        String lang = Validation.lang(call);
        String locale = lang == null ? "en" : lang;
        Coupon coupon = seed.coupons().get(couponCode);
        String errorType = couponError(coupon);
        Map<String, Object> resource = resource(
                errorType == null ? "valid" : "error",
                errorType,
                Messages.text(errorType == null ? "ok_user" : errorType, locale));
        resource.put("user_coupon", couponCode);
        resource.put("coupon_type", errorType == null ? coupon.couponType() : null);
        resource.put("payment_via", errorType == null ? coupon.paymentVia() : null);
        return ok(envelope("user", resource, locale, call));
    }

    // ---- counter rentals ---------------------------------------------------------------------------------------

    /** getRentalPricing ({@code create == false}, changes nothing) and createRental. */
    public Answer rental(
            Call call, boolean create, String rentalType, String locationId, String batteryId, String couponCode) {
        RentalRequest request = new RentalRequest(
                Validation.rentalType(rentalType),
                locationId,
                batteryId,
                couponCode,
                Validation.lang(call),
                Validation.slipWidth(call),
                Validation.supportCode(call),
                Validation.optionalId("partner_transaction_id", call.param("partner_transaction_id")),
                Validation.optionalId("partner_terminal_id", call.param("partner_terminal_id")));
        Inventory current = inventory;
        if (!create || request.partnerTransactionId() == null) {
            return evaluateRental(call, create, request, current, null);
        }
        Inventory.TransactionSlot slot = current.slot(request.partnerTransactionId());
        synchronized (slot) {
            if (slot.rental != null) {
                counters.rentalReplayed();
                return new Answer(200, slot.rental.firstAnswer());
            }
            return evaluateRental(call, true, request, current, slot);
        }
    }

    private Answer evaluateRental(
            Call call, boolean create, RentalRequest request, Inventory current, Inventory.TransactionSlot slot) {
        Location location = seed.locations().get(request.locationId());
        if (location == null) {
            String locale = request.lang() == null ? "en" : request.lang();
            return ok(rentalError(call, request, "undefined", locale, null));
        }
        String locale = request.lang() == null
                ? location.locale()
                : request.lang() + "-" + location.tariff().country();
        Coupon coupon = null;
        if (request.couponCode() != null) {
            coupon = seed.coupons().get(request.couponCode());
            String couponError = couponError(coupon);
            if (couponError != null) {
                return ok(rentalError(call, request, couponError, locale, location));
            }
        }
        Battery battery = current.batteries.get(request.batteryId());
        if (battery == null) {
            return ok(rentalError(call, request, "battery_non_existing", locale, location));
        }
        synchronized (battery) {
            String stateError = stateError(battery.state(), request.rentalType());
            if (stateError != null) {
                return ok(rentalError(call, request, stateError, locale, location));
            }
            Instant now = clock.instant();
            boolean pickup = request.pickup();
            Amounts amounts = pickup
                    ? Pricing.pickup(location.tariff(), coupon)
                    : Pricing.giveBack(
                            location.tariff(), coupon, battery.rentedAt(), now, request.supportCode() != null);
            if (!create) {
                return ok(rentalEnvelope(call, request, location, coupon, amounts, null, locale));
            }
            Rental rental = new Rental(
                    newHashedRentalId(),
                    request.rentalType(),
                    battery.id(),
                    locale,
                    location.tariff().currency(),
                    amounts,
                    battery.rentedAt());
            battery.moveTo(pickup ? BatteryState.RENTED : BatteryState.RETURNED, pickup ? now : null, rental);
            byte[] answer = Json.write(rentalEnvelope(call, request, location, coupon, amounts, rental, locale));
            rental.firstAnswer(answer);
            if (slot != null) {
                slot.rental = rental;
            }
            counters.rentalCreated();
            return new Answer(200, answer);
        }
    }

    private Map<String, Object> rentalEnvelope(
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
        resource.put("battery_id", request.batteryId());
        resource.put("location_id", request.locationId());
        resource.put("partner_transaction_id", request.partnerTransactionId());
        resource.put("partner_terminal_id", request.partnerTerminalId());
        resource.put(
                "slip",
                Slips.rental(
                        request, location.tariff().currency(), amounts, rental == null ? null : rental.hashedId()));
        return envelope("rental", resource, locale, call);
    }

    private Map<String, Object> rentalError(
            Call call, RentalRequest request, String errorType, String locale, Location location) {
        Map<String, Object> resource = resource("error", errorType, Messages.text(errorType, locale));
        resource.put("rental_type", request.rentalType());
        resource.put("payment_via", null);
        resource.put("hashed_rental_id", null);
        resource.put("coupon_type", null);
        resource.put(
                "charge_currency", location == null ? null : location.tariff().currency());
        resource.put("total_amounts", null);
        resource.put("battery_id", request.batteryId());
        resource.put("location_id", request.locationId());
        resource.put("partner_transaction_id", request.partnerTransactionId());
        resource.put("partner_terminal_id", request.partnerTerminalId());
        resource.put("slip", null);
        return envelope("rental", resource, locale, call);
    }

    // ---- cancel ------------------------------------------------------------------------------------------------

    public Answer cancel(Call call, String partnerTransactionId) {
        String lang = Validation.lang(call);
        int slipWidth = Validation.slipWidth(call);
        String fallbackLocale = lang == null ? "en" : lang;
        Inventory current = inventory;
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
            Battery battery = current.batteries.get(rental.batteryId());
            boolean pickup = rental.rentalType().equals("pickup");
            if (battery == null) {
                throw new ApiException(409, "general_error", "the battery no longer exists").at(locale);
            }
            synchronized (battery) {
                BatteryState expected = pickup ? BatteryState.RENTED : BatteryState.RETURNED;
                if (battery.state() != expected || battery.lastRental() != rental) {
                    throw new ApiException(409, "general_error", "the battery was used again after this rental")
                            .at(locale);
                }
                if (pickup) {
                    battery.moveTo(BatteryState.IN_STOCK, null, null);
                } else {
                    battery.moveTo(BatteryState.RENTED, rental.previousRentedAt(), null);
                }
            }
            rental.markCanceled();
            counters.rentalCanceled();
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

    // ---- stations ----------------------------------------------------------------------------------------------

    public Answer stationPricing(Call call, String externalId) {
        String lang = Validation.lang(call);
        String auth0Id = Validation.optionalId("auth0_id", call.param("auth0_id"));
        Station station = workingStation(inventory, externalId, lang);
        String locale = stationLocale(station, lang);
        String couponType = auth0Id == null ? null : seed.accounts().get(auth0Id);
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
        // the documented sample puts locale and country inside data; they are repeated at the top for symmetry
        data.put("locale", locale);
        data.put("country", station.tariff().country());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("locale", locale);
        body.put("req", call.echo());
        return ok(body);
    }

    public Answer stationPickup(Call call, String externalId) {
        String lang = Validation.lang(call);
        StationPickupRequest request = StationPickupRequest.parse(call);
        if (request.partnerTransactionId() == null) {
            return evaluateStationPickup(call, externalId, lang, request, inventory, null);
        }
        Inventory current = inventory;
        Inventory.TransactionSlot slot = current.slot(request.partnerTransactionId());
        synchronized (slot) {
            if (slot.rental != null) {
                counters.rentalReplayed();
                return new Answer(200, slot.rental.firstAnswer());
            }
            return evaluateStationPickup(call, externalId, lang, request, current, slot);
        }
    }

    private Answer evaluateStationPickup(
            Call call,
            String externalId,
            String lang,
            StationPickupRequest request,
            Inventory current,
            Inventory.TransactionSlot slot) {
        Station station = workingStation(current, externalId, lang);
        String locale = stationLocale(station, lang);
        if (request.paymentFails()) {
            throw new ApiException(400, "payment_failed", null).at(locale);
        }
        String couponType = request.auth0Id() == null ? null : seed.accounts().get(request.auth0Id());
        Amounts amounts = Pricing.stationPickup(station.tariff(), station.prices(), "free_charge".equals(couponType));
        String batteryId = externalId.toUpperCase(Locale.ROOT) + "-"
                + String.format(Locale.ROOT, "%06d", stationBatterySequence.incrementAndGet());
        Instant now = clock.instant();
        Rental rental = new Rental(
                newHashedRentalId(),
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
        counters.rentalCreated();
        return new Answer(200, answer);
    }

    private static Station workingStation(Inventory current, String externalId, String lang) {
        Station station = current.stations.get(externalId);
        if (station == null) {
            throw new ApiException(404, "station_not_found", null).at(lang == null ? "en" : lang);
        }
        String errorType = station.state().errorType();
        if (errorType != null) {
            throw new ApiException(400, errorType, null).at(stationLocale(station, lang));
        }
        return station;
    }

    private static String stationLocale(Station station, String lang) {
        return lang == null ? station.locale() : lang + "-" + station.tariff().country();
    }

    // ---- control -----------------------------------------------------------------------------------------------

    public void setStationState(String externalId, StationState state) {
        Objects.requireNonNull(state, "state");
        station(externalId).state(state);
    }

    public void setStationPrices(String externalId, StationPrices prices) {
        Objects.requireNonNull(prices, "prices");
        station(externalId).prices(prices);
    }

    public void setBatteryState(String batteryId, BatteryState state) {
        Objects.requireNonNull(state, "state");
        if (batteryId == null || batteryId.isBlank()) {
            throw new IllegalArgumentException("battery id must not be blank");
        }
        Instant rentedAt = state == BatteryState.RENTED ? clock.instant() : null;
        Battery battery = inventory.batteries.computeIfAbsent(batteryId, id -> new Battery(id, state, rentedAt));
        battery.moveTo(state, rentedAt, null);
    }

    /** Current state of a battery, or {@code null} when unknown (for tests and the control API). */
    public BatteryState batteryState(String batteryId) {
        Battery battery = inventory.batteries.get(batteryId);
        return battery == null ? null : battery.state();
    }

    private Station station(String externalId) {
        Station station = inventory.stations.get(externalId);
        if (station == null) {
            throw new IllegalArgumentException("Unknown station: " + externalId);
        }
        return station;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** §5.1: which error a battery in {@code state} gives for a pickup or return, or {@code null} when allowed. */
    static String stateError(BatteryState state, String rentalType) {
        boolean pickup = rentalType.equals("pickup");
        return switch (state) {
            case IN_STOCK -> pickup ? null : "battery_not_rented_out";
            case RENTED -> pickup ? "battery_already_used" : null;
            case RETURNED -> pickup ? "battery_already_used" : "battery_already_returned";
            case EXPIRED -> "battery_expired";
        };
    }

    private static String couponError(Coupon coupon) {
        if (coupon == null) {
            return "user_hash_invalid";
        }
        return coupon.active() ? null : "user_inactive";
    }

    private static Map<String, Object> resource(String status, String errorType, String errorMessage) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("status", status);
        resource.put("error_type", errorType);
        resource.put("error_message", errorMessage);
        return resource;
    }

    private static Map<String, Object> envelope(String key, Map<String, Object> resource, String locale, Call call) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, resource);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("locale", locale);
        body.put("req", call.echo());
        return body;
    }

    private static Answer ok(Map<String, Object> body) {
        return new Answer(200, Json.write(body));
    }

    private static String newHashedRentalId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "hr_" + HexFormat.of().formatHex(bytes);
    }
}
