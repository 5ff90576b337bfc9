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
package io.github.chimpypos.emulator.internal.control;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.emulator.Fault;

/**
 * Faults waiting to be played, in the order they were armed: "fail the next 2 calls with 503, then 1 with 429". Each
 * call takes at most one fault; concurrent calls never play the same shot twice.
 */
public final class ArmedFaults {

    private final ConcurrentLinkedQueue<Batch> batches = new ConcurrentLinkedQueue<>();

    public void arm(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        batches.add(new Batch(fault, count));
    }

    /** The fault this call must play, if one is armed. */
    public Optional<Fault> take() {
        Batch head;
        while ((head = batches.peek()) != null) {
            if (head.remaining.getAndDecrement() > 0) {
                return Optional.of(head.fault);
            }
            batches.remove(head);
        }
        return Optional.empty();
    }

    public void clear() {
        batches.clear();
    }

    private static final class Batch {
        final Fault fault;
        final AtomicInteger remaining;

        Batch(Fault fault, int count) {
            this.fault = fault;
            this.remaining = new AtomicInteger(count);
        }
    }
}
