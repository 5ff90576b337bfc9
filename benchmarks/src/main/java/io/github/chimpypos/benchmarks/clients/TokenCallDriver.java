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
package io.github.chimpypos.benchmarks.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.chimpypos.benchmarks.emulator.Target;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Token calls at a fixed period on a thread and connection of their own, with nobody waiting for them: what renewals
 * cost the token service (and the machine it shares with the client), without any renewal logic in the client
 * measured beside it. The control of the renewal-stall scenario.
 */
public final class TokenCallDriver implements AutoCloseable {

    private final CloseableHttpClient http;
    private final ScheduledExecutorService timer;
    private final AtomicLong failures = new AtomicLong();

    private TokenCallDriver(Target target, Duration period) {
        this.http = Http5.pooled(target.sslContext(), 1);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "token-call-driver");
            thread.setDaemon(true);
            return thread;
        });
        long millis = period.toMillis();
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        Http5.fetchPasswordToken(http, target);
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    public static TokenCallDriver start(Target target, Duration period) {
        return new TokenCallDriver(target, period);
    }

    /** Token calls that failed; a control run with failures does not control anything. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            http.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
