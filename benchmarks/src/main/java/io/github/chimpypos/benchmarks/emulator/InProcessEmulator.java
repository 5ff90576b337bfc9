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
package io.github.chimpypos.benchmarks.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorControl;

/** An emulator in this JVM, for scenarios that steer it (token lifetime, latency) and read its counters. */
public final class InProcessEmulator implements AutoCloseable {

    private final ChimpyPosEmulator emulator;
    private final Target target;

    private InProcessEmulator(ChimpyPosEmulator emulator) {
        this.emulator = emulator;
        var credentials = emulator.credentials();
        this.target = new Target(
                URI.create(String.valueOf(emulator.tokenUrl())),
                URI.create(String.valueOf(emulator.apiUrl())),
                emulator.clientSslContext(),
                Path.of(String.valueOf(emulator.trustStorePath())),
                String.valueOf(emulator.trustStorePassword()),
                credentials.clientId(),
                credentials.audience(),
                credentials.username(),
                credentials.password(),
                credentials.clientSecret());
    }

    public static InProcessEmulator start(Duration accessTokenLifetime, int workerThreads) {
        return new InProcessEmulator(ChimpyPosEmulator.builder()
                .clock(Clock.systemUTC())
                .accessTokenLifetime(accessTokenLifetime)
                .workerThreads(workerThreads)
                .start());
    }

    public Target target() {
        return target;
    }

    public EmulatorControl control() {
        return emulator.control();
    }

    public long tokenCalls() {
        return emulator.control().counters().tokenCalls();
    }

    /** How often the PoS API answered station pricing with 401 (a token it no longer accepted). */
    public long unauthorizedPricingCalls() {
        return emulator.control().counters().apiCalls("getStationPricing", 401);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
