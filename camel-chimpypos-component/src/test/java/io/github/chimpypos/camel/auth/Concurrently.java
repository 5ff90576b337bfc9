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

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Starts many threads on one task at once and waits until they are all parked, e.g. on a single in-flight request. */
final class Concurrently<T> {

    private final List<Thread> threads = new ArrayList<>();
    private final List<CompletableFuture<T>> results = new ArrayList<>();

    private Concurrently() {}

    static <T> Concurrently<T> run(int count, Supplier<T> task) throws InterruptedException {
        Concurrently<T> run = new Concurrently<>();
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            result.complete(task.get());
                        } catch (Throwable e) {
                            result.completeExceptionally(e);
                        }
                    },
                    "concurrent-caller-" + i);
            thread.setDaemon(true);
            run.threads.add(thread);
            run.results.add(result);
            thread.start();
        }
        ready.await();
        go.countDown();
        return run;
    }

    /** Waits until every thread is parked with a timeout (as in {@code Future.get(timeout)}) or is done. */
    Concurrently<T> awaitAllParked() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> threads.stream()
                        .allMatch(t ->
                                t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.TERMINATED));
        return this;
    }

    List<T> results() {
        return results.stream().map(CompletableFuture::join).toList();
    }

    List<CompletableFuture<T>> futures() {
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return results;
    }
}
