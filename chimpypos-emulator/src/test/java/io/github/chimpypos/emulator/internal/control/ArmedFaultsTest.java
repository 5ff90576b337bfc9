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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.emulator.Fault;
import org.junit.jupiter.api.Test;

class ArmedFaultsTest {

    @Test
    void concurrentCallsTakeExactlyTheArmedNumberOfFaults() throws Exception {
        ArmedFaults faults = new ArmedFaults();
        faults.arm(50, Fault.status(503));
        faults.arm(25, Fault.status(500));
        ConcurrentLinkedQueue<Fault> taken = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                start.await();
                faults.take().ifPresent(taken::add);
                return null;
            });
        }

        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(taken).hasSize(75);
        assertThat(taken.stream().filter(f -> f.httpStatus() == 503)).hasSize(50);
        assertThat(faults.take()).isEmpty();
    }
}
