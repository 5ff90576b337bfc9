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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.chimpypos.emulator.internal.Json;

/**
 * Immutable snapshot of what the emulator was asked, for assertions such as "exactly one token call" or "no
 * duplicate rental". Token calls are keyed by grant type ({@code password}, {@code refresh_token},
 * {@code client_credentials}, {@code missing} or {@code unsupported}) and outcome ({@code success}, the OAuth error
 * code, or {@code fault}). API calls are keyed both by operation name (e.g. {@code createRental}) and by route
 * (e.g. {@code POST /api/v2/rentals/{rental_type}/{location_id}/{battery_id}}); unmatched paths count as
 * {@code unknown}.
 */
public final class EmulatorCounters {

    private final Map<String, Map<String, Long>> tokenCalls;
    private final Map<String, Map<Integer, Long>> apiCalls;
    private final long maxConcurrentTokenCalls;
    private final long maxConcurrentApiCalls;
    private final long createdRentals;
    private final long replayedRentals;
    private final long canceledRentals;
    private final long refreshTokenReuseDetections;

    /**
     * @param tokenCalls grant type → outcome → count
     * @param apiCalls operation name or route → HTTP status → count
     */
    public EmulatorCounters(
            Map<String, Map<String, Long>> tokenCalls,
            Map<String, Map<Integer, Long>> apiCalls,
            long maxConcurrentTokenCalls,
            long maxConcurrentApiCalls,
            long createdRentals,
            long replayedRentals,
            long canceledRentals) {
        this(
                tokenCalls,
                apiCalls,
                maxConcurrentTokenCalls,
                maxConcurrentApiCalls,
                createdRentals,
                replayedRentals,
                canceledRentals,
                0);
    }

    /**
     * @param tokenCalls grant type → outcome → count
     * @param apiCalls operation name or route → HTTP status → count
     * @param refreshTokenReuseDetections refresh tokens presented again after rotation (each revoked its family)
     */
    public EmulatorCounters(
            Map<String, Map<String, Long>> tokenCalls,
            Map<String, Map<Integer, Long>> apiCalls,
            long maxConcurrentTokenCalls,
            long maxConcurrentApiCalls,
            long createdRentals,
            long replayedRentals,
            long canceledRentals,
            long refreshTokenReuseDetections) {
        this.refreshTokenReuseDetections = refreshTokenReuseDetections;
        this.tokenCalls = deepCopy(tokenCalls);
        this.apiCalls = deepCopy(apiCalls);
        this.maxConcurrentTokenCalls = maxConcurrentTokenCalls;
        this.maxConcurrentApiCalls = maxConcurrentApiCalls;
        this.createdRentals = createdRentals;
        this.replayedRentals = replayedRentals;
        this.canceledRentals = canceledRentals;
    }

    private static <K, V> Map<String, Map<K, V>> deepCopy(Map<String, Map<K, V>> source) {
        Map<String, Map<K, V>> copy = new TreeMap<>();
        source.forEach((key, inner) -> copy.put(key, Map.copyOf(inner)));
        return Map.copyOf(copy);
    }

    /** All calls of {@code POST /oauth/token}. */
    public long tokenCalls() {
        return tokenCalls.values().stream().mapToLong(EmulatorCounters::sum).sum();
    }

    public long tokenCalls(String grantType) {
        return sum(tokenCalls.getOrDefault(grantType, Map.of()));
    }

    /** @param outcome {@code success}, an OAuth error code such as {@code invalid_grant}, or {@code fault} */
    public long tokenCalls(String grantType, String outcome) {
        return tokenCalls.getOrDefault(grantType, Map.of()).getOrDefault(outcome, 0L);
    }

    /** All PoS API calls (the control API is not counted). */
    public long apiCalls() {
        // every call is recorded under its operation name and its route: count the operation names only
        return apiCalls.entrySet().stream()
                .filter(entry -> !entry.getKey().contains(" "))
                .mapToLong(entry -> sum(entry.getValue()))
                .sum();
    }

    public long apiCalls(String operationOrRoute) {
        return sum(apiCalls.getOrDefault(operationOrRoute, Map.of()));
    }

    public long apiCalls(String operationOrRoute, int status) {
        return apiCalls.getOrDefault(operationOrRoute, Map.of()).getOrDefault(status, 0L);
    }

    /** Highest number of token calls in flight at the same time. */
    public long maxConcurrentTokenCalls() {
        return maxConcurrentTokenCalls;
    }

    /** Highest number of PoS API calls in flight at the same time. */
    public long maxConcurrentApiCalls() {
        return maxConcurrentApiCalls;
    }

    /** Rentals really created (counter and station pickups and returns); idempotent replays are not counted. */
    public long createdRentals() {
        return createdRentals;
    }

    /** POSTs answered by replaying an earlier answer for the same {@code partner_transaction_id}. */
    public long replayedRentals() {
        return replayedRentals;
    }

    public long canceledRentals() {
        return canceledRentals;
    }

    /**
     * Refresh tokens presented again after they were rotated away (outside the reuse interval): each one revoked its
     * whole token family, as Auth0's reuse detection does. A client that keeps the latest refresh token never causes
     * one.
     */
    public long refreshTokenReuseDetections() {
        return refreshTokenReuseDetections;
    }

    private static <K> long sum(Map<K, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The snapshot as nested maps, the same shape as {@code GET /__admin/counters}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tokenCalls", tokenCalls());
        map.put("tokenCallsByGrantType", new TreeMap<>(tokenCalls));
        map.put("apiCalls", apiCalls());
        Map<String, Map<String, Long>> api = new TreeMap<>();
        apiCalls.forEach((route, byStatus) -> {
            Map<String, Long> statuses = new TreeMap<>();
            byStatus.forEach((status, count) -> statuses.put(String.valueOf(status), count));
            api.put(route, statuses);
        });
        map.put("apiCallsByRoute", api);
        map.put("maxConcurrentTokenCalls", maxConcurrentTokenCalls);
        map.put("maxConcurrentApiCalls", maxConcurrentApiCalls);
        map.put("createdRentals", createdRentals);
        map.put("replayedRentals", replayedRentals);
        map.put("canceledRentals", canceledRentals);
        map.put("refreshTokenReuseDetections", refreshTokenReuseDetections);
        return map;
    }

    /** The snapshot as JSON, exactly the body of {@code GET /__admin/counters}. */
    public String toJson() {
        return new String(Json.write(toMap()), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EmulatorCounters" + toMap();
    }
}
