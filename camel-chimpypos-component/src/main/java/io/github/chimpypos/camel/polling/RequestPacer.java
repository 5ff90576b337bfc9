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
package io.github.chimpypos.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Spreads the requests of one poll evenly over a window instead of sending them in a burst: request {@code i} of
 * {@code n} starts no earlier than {@code i * window / n} after the first. Time comes from a {@link Clock} and waiting
 * from a {@link PauseBetweenRequests} (the system clock and a real sleep by default), so tests pace on a fake clock without
 * waiting.
 */
public final class RequestPacer {

    /** Waits between two requests of a poll; the real one sleeps the thread. */
    @FunctionalInterface
    public interface PauseBetweenRequests {

        PauseBetweenRequests REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

        void pause(Duration duration) throws InterruptedException;
    }

    /** Longest single wait, so that a stopping consumer is not held up by a long pause. */
    private static final Duration MAX_SINGLE_WAIT = Duration.ofSeconds(1);

    public static final RequestPacer REAL = new RequestPacer(Clock.systemUTC(), PauseBetweenRequests.REAL);

    private final Clock clock;
    private final PauseBetweenRequests pause;

    public RequestPacer(Clock clock, PauseBetweenRequests pause) {
        this.clock = clock;
        this.pause = pause;
    }

    /** The pace of a poll of {@code requests} requests spread over {@code window}; zero sends them at once. */
    public Pace start(int requests, Duration window) {
        Duration interval = requests > 0 ? window.dividedBy(requests) : Duration.ZERO;
        return new Pace(clock.instant(), interval);
    }

    /** The start times of one poll's requests. */
    public final class Pace {
        private final Instant first;
        private final Duration interval;

        private Pace(Instant first, Duration interval) {
            this.first = first;
            this.interval = interval;
        }

        /**
         * Waits until request {@code index} (from 0) may start; called in order, once request {@code index - 1}
         * started.
         *
         * @param  running              false when the consumer stops: the wait ends early
         * @return                      whether the request may start (false: the consumer is stopping)
         * @throws InterruptedException when interrupted while waiting
         */
        public boolean awaitTurn(int index, BooleanSupplier running) throws InterruptedException {
            Duration wait = Duration.between(clock.instant(), first.plus(interval.multipliedBy(index)));
            // called once the previous request started: never more than one interval, even if the clock was set back
            if (wait.compareTo(interval) > 0) {
                wait = interval;
            }
            while (wait.compareTo(Duration.ZERO) > 0) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                Duration step = wait.compareTo(MAX_SINGLE_WAIT) > 0 ? MAX_SINGLE_WAIT : wait;
                pause.pause(step);
                wait = wait.minus(step);
            }
            return running.getAsBoolean();
        }
    }
}
