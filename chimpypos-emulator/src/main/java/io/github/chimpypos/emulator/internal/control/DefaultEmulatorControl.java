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

import java.time.Duration;
import java.util.Objects;

import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.EmulatorControl;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.internal.auth.AccessTokens;
import io.github.chimpypos.emulator.internal.auth.AuthSettings;
import io.github.chimpypos.emulator.internal.auth.BruteForceGuard;
import io.github.chimpypos.emulator.internal.auth.RefreshTokens;
import io.github.chimpypos.emulator.internal.pos.PosApi;

/** The Java control API, wired to the emulator's parts; the HTTP control API calls the same methods. */
public final class DefaultEmulatorControl implements EmulatorControl {

    private final LiveCounters counters;
    private final PosApi posApi;
    private final AuthSettings authSettings;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final BruteForceGuard bruteForce;
    private final ArmedFaults tokenFaults;
    private final ArmedFaults apiFaults;
    private final Latency tokenLatency;
    private final Latency apiLatency;

    public DefaultEmulatorControl(
            LiveCounters counters,
            PosApi posApi,
            AuthSettings authSettings,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            BruteForceGuard bruteForce,
            ArmedFaults tokenFaults,
            ArmedFaults apiFaults,
            Latency tokenLatency,
            Latency apiLatency) {
        this.counters = counters;
        this.posApi = posApi;
        this.authSettings = authSettings;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.bruteForce = bruteForce;
        this.tokenFaults = tokenFaults;
        this.apiFaults = apiFaults;
        this.tokenLatency = tokenLatency;
        this.apiLatency = apiLatency;
    }

    @Override
    public EmulatorCounters counters() {
        return counters.snapshot();
    }

    @Override
    public void resetCounters() {
        counters.reset();
    }

    @Override
    public void resetState() {
        tokenFaults.clear();
        apiFaults.clear();
        tokenLatency.set(Duration.ZERO);
        apiLatency.set(Duration.ZERO);
        authSettings.resetAccessTokenLifetime();
        refreshTokens.clear();
        bruteForce.clear();
        posApi.reset();
    }

    @Override
    public void setAccessTokenLifetime(Duration lifetime) {
        authSettings.accessTokenLifetime(lifetime);
    }

    @Override
    public void revokeAllTokens() {
        accessTokens.revokeAll();
        refreshTokens.revokeAll();
    }

    @Override
    public void revokeAccessTokens() {
        accessTokens.revokeAll();
    }

    @Override
    public void failNextTokenCalls(int count, Fault fault) {
        tokenFaults.arm(count, Objects.requireNonNull(fault, "fault"));
    }

    @Override
    public void failNextApiCalls(int count, Fault fault) {
        if (Objects.requireNonNull(fault, "fault").grantsToken()) {
            throw new IllegalArgumentException(fault + " plays on token calls only: use failNextTokenCalls");
        }
        apiFaults.arm(count, fault);
    }

    @Override
    public void setTokenLatency(Duration latency) {
        tokenLatency.set(latency);
    }

    @Override
    public void setApiLatency(Duration latency) {
        apiLatency.set(latency);
    }

    @Override
    public void setStationState(String externalId, StationState state) {
        posApi.setStationState(externalId, state);
    }

    @Override
    public void setBatteryState(String batteryId, BatteryState state) {
        posApi.setBatteryState(batteryId, state);
    }

    @Override
    public void setStationPrices(String externalId, StationPrices prices) {
        posApi.setStationPrices(externalId, prices);
    }

    /** Current state of a battery, or {@code null} when unknown. */
    public BatteryState batteryState(String batteryId) {
        return posApi.batteryState(batteryId);
    }
}
