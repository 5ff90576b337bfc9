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

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.BiFunction;

import io.github.chimpypos.emulator.internal.control.LiveCounters;

/** What the PoS operations share: seed, clock, counters and the current inventory (swapped whole on reset). */
final class PosState {

    private static final SecureRandom RANDOM = new SecureRandom();

    final Seed seed;
    final Clock clock;
    final LiveCounters counters;
    private volatile Inventory inventory;

    PosState(Seed seed, Clock clock, LiveCounters counters) {
        this.seed = seed;
        this.clock = clock;
        this.counters = counters;
        this.inventory = new Inventory(seed, clock.instant());
    }

    /** The current inventory; an operation reads it once so a concurrent reset never splits it. */
    Inventory inventory() {
        return inventory;
    }

    void reset() {
        inventory = new Inventory(seed, clock.instant());
    }

    /**
     * Runs a creating POST at most once per {@code partner_transaction_id}: POSTs with the same id are serialised on
     * its slot, and once one created a rental the others get its first answer replayed byte for byte.
     *
     * @param create evaluates the POST; it stores the rental in the slot when it creates one
     */
    Answer oncePerTransaction(
            String partnerTransactionId, BiFunction<Inventory, Inventory.TransactionSlot, Answer> create) {
        Inventory current = inventory;
        if (partnerTransactionId == null) {
            return create.apply(current, null);
        }
        Inventory.TransactionSlot slot = current.slot(partnerTransactionId);
        synchronized (slot) {
            if (slot.rental != null) {
                counters.rentalReplayed();
                return new Answer(200, slot.rental.firstAnswer());
            }
            return create.apply(current, slot);
        }
    }

    static String newHashedRentalId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "hr_" + HexFormat.of().formatHex(bytes);
    }
}
