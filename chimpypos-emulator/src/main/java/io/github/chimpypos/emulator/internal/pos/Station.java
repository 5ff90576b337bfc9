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

import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;

/** Run-time state of a seeded station; state and prices change through the control API. */
final class Station {

    private final StationSeed seed;
    private volatile StationState state;
    private volatile StationPrices prices;

    Station(StationSeed seed) {
        this.seed = seed;
        this.state = seed.state();
        this.prices = seed.prices();
    }

    String externalId() {
        return seed.externalId();
    }

    Tariff tariff() {
        return seed.tariff();
    }

    String locale() {
        return seed.locale();
    }

    StationState state() {
        return state;
    }

    void state(StationState newState) {
        this.state = newState;
    }

    StationPrices prices() {
        return prices;
    }

    void prices(StationPrices newPrices) {
        this.prices = newPrices;
    }
}
