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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.chimpypos.emulator.BatteryState;

/**
 * All mutable PoS state, built from the seed. A reset builds a fresh inventory and swaps it in at once, so a call
 * never sees half-reset data.
 */
final class Inventory {

    final Map<String, Battery> batteries = new ConcurrentHashMap<>();
    final Map<String, Station> stations = new ConcurrentHashMap<>();
    /** partner_transaction_id → slot; slots are never removed so two racing POSTs always meet in the same one. */
    final Map<String, TransactionSlot> transactions = new ConcurrentHashMap<>();

    Inventory(Seed seed, Instant now) {
        seed.batteries()
                .forEach(b -> batteries.put(
                        b.id(),
                        new Battery(
                                b.id(),
                                b.state(),
                                b.state() == BatteryState.RENTED
                                        ? now.minus(Duration.ofDays(b.rentedDaysAgo()))
                                        : null)));
        seed.stations().values().forEach(s -> stations.put(s.externalId(), new Station(s)));
    }

    TransactionSlot slot(String partnerTransactionId) {
        return transactions.computeIfAbsent(partnerTransactionId, id -> new TransactionSlot());
    }

    /** Holds the rental created for one partner_transaction_id; its monitor serialises POSTs with that id. */
    static final class TransactionSlot {
        Rental rental;
    }
}
