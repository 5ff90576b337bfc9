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
package io.github.chimpypos.camel.auth;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The provider's one daemon thread, for as long as it is started: it sends the token requests (so a caller never
 * does, and a caller that gives up does not abort a request) and runs the renewal timer, which keeps idle routes
 * warm; correctness never depends on the timer. Calls that change the timer are made under the provider's lock.
 */
final class ProviderThread {

    /** The timer may fire a little early by our clock: it aims this much after the due instant. */
    static final Duration WAKE_UP_SLACK = Duration.ofMillis(20);

    private final ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> wakeUp;

    ProviderThread(String clientId) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ChimpyPos-TokenProvider-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} on the thread; throws {@link RejectedExecutionException} once it is shut down. */
    void execute(Runnable task) {
        executor.execute(task);
    }

    /** Replaces the pending wake-up, if any, by one at {@code dueMillis}; false when the thread is shut down. */
    boolean wakeUpAt(long dueMillis, long nowMillis, Runnable onWakeUp) {
        cancelWakeUp();
        try {
            wakeUp = executor.schedule(onWakeUp, wakeUpDelayMillis(dueMillis, nowMillis), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
    }

    /** Ends the thread; a request in flight is interrupted. */
    void shutdown() {
        executor.shutdownNow();
    }

    /** How long the timer waits for a renewal due at {@code dueMillis}: never negative, a little late rather than early. */
    static long wakeUpDelayMillis(long dueMillis, long nowMillis) {
        return Math.max(dueMillis - nowMillis, 0) + WAKE_UP_SLACK.toMillis();
    }
}
