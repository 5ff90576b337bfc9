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
package io.github.chimpypos.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 200 parallel clients: state and counters must stay exact. */
class ConcurrencyTest {

    private static final int CLIENTS = 200;

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final String token = client.accessToken();

    @Test
    void duplicatePartnerTransactionIdsCreateExactlyOneRentalEach() throws Exception {
        // server-side latency makes the calls overlap for sure
        EMULATOR.emulator().control().setApiLatency(Duration.ofMillis(50));
        Map<String, List<String>> bodiesByTransaction = new ConcurrentHashMap<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            String path =
                    String.format("/api/v2/rentals/pickup/shop-zurich-hb/BAT%04d?partner_transaction_id=par-%d", i, i);
            String transaction = "par-" + i;
            for (int copy = 0; copy < 2; copy++) {
                calls.add(() -> {
                    TestClient.Reply reply = client.post(path, token);
                    bodiesByTransaction
                            .computeIfAbsent(transaction, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(reply.body());
                    return reply.status();
                });
            }
        }

        List<Integer> statuses = runTogether(calls);

        assertThat(statuses).hasSize(2 * CLIENTS).containsOnly(200);
        assertThat(bodiesByTransaction).hasSize(CLIENTS);
        bodiesByTransaction.forEach((transaction, bodies) -> {
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(0)).contains("pickup_completed").isEqualTo(bodies.get(1));
        });
        EmulatorCounters counters = EMULATOR.emulator().control().counters();
        assertThat(counters.createdRentals()).isEqualTo(CLIENTS);
        assertThat(counters.replayedRentals()).isEqualTo(CLIENTS);
        assertThat(counters.apiCalls("createRental", 200)).isEqualTo(2L * CLIENTS);
        assertThat(counters.apiCalls()).isEqualTo(2L * CLIENTS);
        assertThat(counters.maxConcurrentApiCalls()).isGreaterThan(1);
    }

    @Test
    void racingPickupsOfOneBatteryLetExactlyOneWin() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String path = "/api/v2/rentals/pickup/shop-zurich-hb/BAT0400?partner_transaction_id=race-" + i;
            calls.add(() -> {
                TestClient.Reply reply = client.post(path, token);
                statuses.add(reply.json().at("/data/rental/status").asText());
                return reply.status();
            });
        }

        assertThat(runTogether(calls)).containsOnly(200);

        assertThat(statuses).hasSize(CLIENTS);
        assertThat(statuses.stream().filter("pickup_completed"::equals)).hasSize(1);
        assertThat(statuses.stream().filter("error"::equals)).hasSize(CLIENTS - 1);
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void parallelTokenCallsAreAllServedAndCounted() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            calls.add(() -> client.passwordGrant(false).status());
        }

        assertThat(runTogether(calls)).hasSize(CLIENTS).containsOnly(200);
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("password", "success"))
                .isEqualTo(CLIENTS);
    }

    private static List<Integer> runTogether(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
