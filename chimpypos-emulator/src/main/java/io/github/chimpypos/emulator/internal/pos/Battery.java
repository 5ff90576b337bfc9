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

import java.time.Instant;

import io.github.chimpypos.emulator.BatteryState;

/**
 * One powerbank. Its fields are guarded by the object's monitor: every check-then-change of a rental happens inside
 * {@code synchronized (battery)}, so two parallel pickups of the same battery cannot both succeed.
 */
final class Battery {

    private final String id;
    private BatteryState state;
    private Instant rentedAt;
    /** The rental that last moved this battery, so a cancel can tell whether anything happened since. */
    private Rental lastRental;

    Battery(String id, BatteryState state, Instant rentedAt) {
        this.id = id;
        this.state = state;
        this.rentedAt = rentedAt;
    }

    String id() {
        return id;
    }

    synchronized BatteryState state() {
        return state;
    }

    synchronized Instant rentedAt() {
        return rentedAt;
    }

    synchronized Rental lastRental() {
        return lastRental;
    }

    synchronized void moveTo(BatteryState newState, Instant newRentedAt, Rental byRental) {
        this.state = newState;
        this.rentedAt = newRentedAt;
        this.lastRental = byRental;
    }
}
