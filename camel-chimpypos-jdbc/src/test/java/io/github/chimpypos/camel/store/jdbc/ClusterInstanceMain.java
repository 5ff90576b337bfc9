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
package io.github.chimpypos.camel.store.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;

/**
 * One instance of {@link JdbcTokenStoreClusterTest} in a JVM of its own. Its settings come from the environment
 * ({@link StoreBackedInstanceSettings#fromEnvironment}). Once its Camel context runs it prints {@value #READY} and
 * waits for the test's {@code GO <deadline>} line on its standard input (the deadline in epoch millis, the same for
 * every instance, so a slow start does not shorten anyone's run); then steady traffic (one exchange every
 * {@value #PERIOD_MILLIS} ms) until the deadline, and one line with its tally.
 */
public final class ClusterInstanceMain {

    static final long PERIOD_MILLIS = 50;
    static final String READY = "READY";
    static final String RESULT = "RESULT";
    static final String GO = "GO";

    private ClusterInstanceMain() {}

    public static void main(String[] args) throws Exception {
        StoreBackedInstanceSettings settings = StoreBackedInstanceSettings.fromEnvironment(System.getenv());
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        try (StoreBackedInstanceSettings.Running running = settings.start()) {
            System.out.println(READY + " " + settings.name());
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long deadline = Long.parseLong(go.substring(GO.length() + 1).trim());
            traffic.scheduleAtFixedRate(
                    () -> {
                        Exchange exchange = running.checkBattery();
                        if (exchange.getException() == null) {
                            succeeded.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            System.out.println("FAILED " + exchange.getException());
                        }
                    },
                    0,
                    PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
            // the traffic runs on its own thread until the shared deadline
            new CountDownLatch(1).await(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            traffic.shutdown();
            traffic.awaitTermination(35, TimeUnit.SECONDS);
        }
        System.out.println(
                RESULT + " " + settings.name() + " succeeded=" + succeeded.get() + " failed=" + failed.get());
        System.exit(0);
    }
}
