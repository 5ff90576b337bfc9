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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider's own thread: requests and wake-ups run there, never late by more than the slack, never after stop. */
class ProviderThreadTest {

    @ParameterizedTest(name = "due {0}, now {1}: wait {2} ms")
    @CsvSource({
        "1000, 0, 1020", // ahead: the wait, plus the slack so that it never fires early by our clock
        "1000, 1000, 20", // due now
        "1000, 5000, 20" // overdue: at once, never a negative delay
    })
    void wakeUpWaitsUntilDuePlusSlack(long due, long now, long delay) {
        assertThat(ProviderThread.wakeUpDelayMillis(due, now)).isEqualTo(delay);
    }

    @Test
    void tasksRunOnOneNamedDaemonThreadAndNothingRunsAfterShutdown() {
        ProviderThread thread = new ProviderThread("shop-1");
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Thread> wokeOn = new AtomicReference<>();
        try {
            thread.execute(() -> ranOn.set(Thread.currentThread()));
            assertThat(thread.wakeUpAt(0, 0, () -> wokeOn.set(Thread.currentThread())))
                    .isTrue();
            await().until(() -> ranOn.get() != null && wokeOn.get() != null);
            assertThat(ranOn.get().getName()).isEqualTo("ChimpyPos-TokenProvider-shop-1");
            assertThat(ranOn.get().isDaemon()).isTrue();
            assertThat(wokeOn.get()).isSameAs(ranOn.get());
        } finally {
            thread.shutdown();
        }
        assertThatThrownBy(() -> thread.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        assertThat(thread.wakeUpAt(0, 0, () -> {})).isFalse();
    }
}
