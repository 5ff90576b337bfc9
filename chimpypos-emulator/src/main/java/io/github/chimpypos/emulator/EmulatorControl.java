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

import java.time.Duration;

/**
 * Steers a running emulator from tests and benchmarks. The same operations are served over HTTP under
 * {@code /__admin} (see docs/emulator.md). All methods are thread-safe and take effect for the next call.
 */
public interface EmulatorControl {

    /** An immutable snapshot of the call counters. */
    EmulatorCounters counters();

    void resetCounters();

    /**
     * Puts the emulator back to its seed: batteries, rentals, refresh tokens, brute-force locks, armed faults, latency
     * and the access-token lifetime. Access tokens already issued stay valid unless they were revoked.
     */
    void resetState();

    /** Lifetime of access tokens issued from now on. */
    void setAccessTokenLifetime(Duration lifetime);

    /** Every access and refresh token issued so far becomes invalid. */
    void revokeAllTokens();

    /** Every access token issued so far becomes invalid; refresh tokens keep working. */
    void revokeAccessTokens();

    /** The next {@code count} calls of {@code POST /oauth/token} play {@code fault}. */
    void failNextTokenCalls(int count, Fault fault);

    /**
     * The next {@code count} calls of the PoS API play {@code fault}.
     *
     * @throws IllegalArgumentException for a fault that only token calls can play ({@link Fault#grantsToken()})
     */
    void failNextApiCalls(int count, Fault fault);

    /** Real server-side delay added to every token call. */
    void setTokenLatency(Duration latency);

    /** Real server-side delay added to every PoS API call. */
    void setApiLatency(Duration latency);

    /** Changes the state of a seeded station. */
    void setStationState(String externalId, StationState state);

    /** Changes the state of a battery, creating it when unknown (a RENTED battery counts as rented now). */
    void setBatteryState(String batteryId, BatteryState state);

    /** Changes the prices a seeded station quotes. */
    void setStationPrices(String externalId, StationPrices prices);
}
