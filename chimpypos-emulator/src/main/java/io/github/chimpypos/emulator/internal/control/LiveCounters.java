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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.internal.http.Responses;

/** Lock-free counters updated by the request handlers; {@link #snapshot()} copies them into an immutable value. */
public final class LiveCounters {

    private final Map<String, Map<String, LongAdder>> tokenCalls = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> apiCalls = new ConcurrentHashMap<>();
    private final InFlight tokenInFlight = new InFlight();
    private final InFlight apiInFlight = new InFlight();
    private final LongAdder createdRentals = new LongAdder();
    private final LongAdder replayedRentals = new LongAdder();
    private final LongAdder canceledRentals = new LongAdder();

    public void tokenCall(String grantType, String outcome) {
        tokenCalls
                .computeIfAbsent(grantType, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> new LongAdder())
                .increment();
    }

    /** Records one API call under its operation name and under its route. */
    public void apiCall(String operation, String route, int status) {
        count(operation, status);
        if (route != null && !route.equals(operation)) {
            count(route, status);
        }
    }

    private void count(String key, int status) {
        apiCalls.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder())
                .increment();
    }

    public InFlight tokenInFlight() {
        return tokenInFlight;
    }

    public InFlight apiInFlight() {
        return apiInFlight;
    }

    public void rentalCreated() {
        createdRentals.increment();
    }

    public void rentalReplayed() {
        replayedRentals.increment();
    }

    public void rentalCanceled() {
        canceledRentals.increment();
    }

    public void reset() {
        tokenCalls.clear();
        apiCalls.clear();
        tokenInFlight.resetPeak();
        apiInFlight.resetPeak();
        createdRentals.reset();
        replayedRentals.reset();
        canceledRentals.reset();
    }

    public EmulatorCounters snapshot() {
        Map<String, Map<String, Long>> tokens = new HashMap<>();
        tokenCalls.forEach((grant, outcomes) -> {
            Map<String, Long> copy = new HashMap<>();
            outcomes.forEach((outcome, adder) -> copy.put(outcome, adder.sum()));
            tokens.put(grant, copy);
        });
        Map<String, Map<Integer, Long>> api = new HashMap<>();
        apiCalls.forEach((route, statuses) -> {
            Map<Integer, Long> copy = new HashMap<>();
            statuses.forEach((status, adder) -> copy.put(status, adder.sum()));
            api.put(route, copy);
        });
        return new EmulatorCounters(
                tokens,
                api,
                tokenInFlight.peak(),
                apiInFlight.peak(),
                createdRentals.sum(),
                replayedRentals.sum(),
                canceledRentals.sum());
    }

    /**
     * Tracks calls in progress and the highest number seen at once. A call stops counting when its answer starts
     * (see {@link Responses}), not when the handler returns: a client may send its next request as soon as it has
     * read the answer, and that must not look like two calls at once.
     */
    public static final class InFlight {

        private static final String ATTRIBUTE = InFlight.class.getName();

        private final AtomicLong current = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();

        /** Counts the exchange as in flight until {@link #leave(HttpExchange)} is called for it. */
        public void enter(HttpExchange exchange) {
            AtomicBoolean inFlight = new AtomicBoolean(true);
            exchange.setAttribute(ATTRIBUTE, (Runnable) () -> {
                if (inFlight.compareAndSet(true, false)) {
                    current.decrementAndGet();
                }
            });
            long now = current.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
        }

        /** Ends the in-flight period of the exchange; later calls for the same exchange do nothing. */
        public static void leave(HttpExchange exchange) {
            if (exchange.getAttribute(ATTRIBUTE) instanceof Runnable leave) {
                leave.run();
            }
        }

        long peak() {
            return peak.get();
        }

        void resetPeak() {
            peak.set(current.get());
        }
    }
}
