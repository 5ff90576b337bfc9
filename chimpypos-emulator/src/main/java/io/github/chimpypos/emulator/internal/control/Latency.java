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

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** A real delay the server adds to each call, to play a slow token service or API (wall time, not the emulator clock). */
public final class Latency {

    private volatile Duration delay = Duration.ZERO;

    public void set(Duration newDelay) {
        Objects.requireNonNull(newDelay, "latency");
        if (newDelay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        delay = newDelay;
    }

    public Duration get() {
        return delay;
    }

    /** Holds the calling worker for the configured delay; an interrupt (server stop) ends the wait early. */
    public void apply() {
        Duration current = delay;
        if (current.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(current.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
