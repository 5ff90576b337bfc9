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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.internal.http.Responses;

/** Lock-free counters updated by the request handlers; {@link #snapshot()} copies them into an immutable value. */
public final class LiveCounters {

    /** Longest wait of {@link #reset()} for calls still being answered (a call with injected latency may be slower). */
    static final Duration QUIET_WAIT = Duration.ofSeconds(2);

    private static final long QUIET_POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final Map<String, Map<String, LongAdder>> tokenCalls = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> apiCalls = new ConcurrentHashMap<>();
    private final InFlight tokenInFlight = new InFlight();
    private final InFlight apiInFlight = new InFlight();
    private final LongAdder createdRentals = new LongAdder();
    private final LongAdder replayedRentals = new LongAdder();
    private final LongAdder canceledRentals = new LongAdder();
    private final LongAdder refreshTokenReuseDetections = new LongAdder();

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

    /** A refresh token that was already rotated away was presented again: its family was revoked. */
    public void refreshTokenReuseDetected() {
        refreshTokenReuseDetections.increment();
    }

    /**
     * Zeroes every counter. Calls still being answered are waited for first (at most {@link #QUIET_WAIT}), since they
     * are counted when their answer is ready: a test that resets between two cases must not find the previous case's
     * last call counted in its own.
     */
    public void reset() {
        awaitNoCallInFlight();
        tokenCalls.clear();
        apiCalls.clear();
        tokenInFlight.resetPeak();
        apiInFlight.resetPeak();
        createdRentals.reset();
        replayedRentals.reset();
        canceledRentals.reset();
        refreshTokenReuseDetections.reset();
    }

    private void awaitNoCallInFlight() {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        while ((tokenInFlight.current() > 0 || apiInFlight.current() > 0) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(QUIET_POLL_NANOS);
        }
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
                canceledRentals.sum(),
                refreshTokenReuseDetections.sum());
    }

    /**
     * Tracks calls in progress and the highest number seen at once. A call stops counting when its answer starts
     * (see {@link Responses}), not when the handler returns: a client may send its next request as soon as it has
     * read the answer, and that must not look like two calls at once.
     */
    public static final class InFlight {

        /**
         * The pending "leave" of every exchange in flight, by exchange identity. Not an exchange attribute: before
         * JDK 18 the JDK server keeps attributes per context, shared by every exchange at once.
         */
        private static final Map<HttpExchange, Runnable> PENDING = new ConcurrentHashMap<>();

        private final AtomicLong current = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();

        /** Counts the exchange as in flight until {@link #leave(HttpExchange)} is called for it. */
        public void enter(HttpExchange exchange) {
            PENDING.put(exchange, current::decrementAndGet);
            long now = current.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
        }

        /** Ends the in-flight period of the exchange; later calls for the same exchange do nothing. */
        public static void leave(HttpExchange exchange) {
            Runnable leave = PENDING.remove(exchange);
            if (leave != null) {
                leave.run();
            }
        }

        long current() {
            return current.get();
        }

        long peak() {
            return peak.get();
        }

        void resetPeak() {
            peak.set(current.get());
        }
    }
}
