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

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.internal.control.LiveCounters;

/**
 * The business side of the PoS API (reference §4, §5, §7), independent of HTTP: one method per operation, plus
 * what the control API changes. Validation failures are thrown as {@link ApiException}.
 */
public final class PosApi {

    private final PosState state;
    private final Checks checks;
    private final CounterRentals counterRentals;
    private final Cancellations cancellations;
    private final StationRentals stationRentals;

    public PosApi(Seed seed, Clock clock, LiveCounters counters) {
        this.state = new PosState(seed, clock, counters);
        this.checks = new Checks(state);
        this.counterRentals = new CounterRentals(state);
        this.cancellations = new Cancellations(state);
        this.stationRentals = new StationRentals(state);
    }

    /** Back to the seed; RENTED seed batteries count their rental days back from the current clock instant. */
    public void reset() {
        state.reset();
    }

    public Answer checkBattery(Call call, String batteryId) {
        return checks.checkBattery(call, batteryId);
    }

    public Answer checkUser(Call call, String couponCode) {
        return checks.checkUser(call, couponCode);
    }

    /** getRentalPricing ({@code create == false}) and createRental. */
    public Answer rental(
            Call call, boolean create, String rentalType, String locationId, String batteryId, String couponCode) {
        return counterRentals.rental(call, create, rentalType, locationId, batteryId, couponCode);
    }

    public Answer cancel(Call call, String partnerTransactionId) {
        return cancellations.cancel(call, partnerTransactionId);
    }

    public Answer stationPricing(Call call, String externalId) {
        return stationRentals.pricing(call, externalId);
    }

    public Answer stationPickup(Call call, String externalId) {
        return stationRentals.pickup(call, externalId);
    }

    public void setStationState(String externalId, StationState newState) {
        Objects.requireNonNull(newState, "state");
        station(externalId).state(newState);
    }

    public void setStationPrices(String externalId, StationPrices prices) {
        Objects.requireNonNull(prices, "prices");
        station(externalId).prices(prices);
    }

    /** Puts a battery into a state, creating it when unknown; a RENTED battery counts as rented now. */
    public void setBatteryState(String batteryId, BatteryState newState) {
        Objects.requireNonNull(newState, "state");
        if (batteryId == null || batteryId.isBlank()) {
            throw new IllegalArgumentException("battery id must not be blank");
        }
        Instant rentedAt = newState == BatteryState.RENTED ? state.clock.instant() : null;
        Battery battery =
                state.inventory().batteries.computeIfAbsent(batteryId, id -> new Battery(id, newState, rentedAt));
        battery.moveTo(newState, rentedAt, null);
    }

    /** Current state of a battery, or {@code null} when unknown (for tests and the control API). */
    public BatteryState batteryState(String batteryId) {
        Battery battery = state.inventory().batteries.get(batteryId);
        return battery == null ? null : battery.state();
    }

    private Station station(String externalId) {
        Station station = state.inventory().stations.get(externalId);
        if (station == null) {
            throw new IllegalArgumentException("Unknown station: " + externalId);
        }
        return station;
    }
}
