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
package io.github.chimpypos.camel.polling;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.operation.OperationParameter;

/**
 * The keys a consumer polls (station ids, battery ids or user coupons, by operation) and whose turn it is: each poll
 * takes the next keys in turn, so that with {@code maxRequestsPerPoll} every key is polled, and a poll that fails
 * half-way resumes at the key that failed.
 */
public final class PollKeys {

    private static final Map<ChimpyPosOperation, OperationParameter> KEY_PARAMETERS = Map.of(
            ChimpyPosOperation.getStationPricing, OperationParameter.STATION_ID,
            ChimpyPosOperation.checkBattery, OperationParameter.BATTERY_ID,
            ChimpyPosOperation.getRentalPricing, OperationParameter.BATTERY_ID,
            ChimpyPosOperation.checkUser, OperationParameter.USER_COUPON);

    /** The key options, with how to read each from the configuration. */
    private static final Map<String, Function<ChimpyPosConfiguration, String>> KEY_OPTIONS = Map.of(
            "stationIds", ChimpyPosConfiguration::getStationIds,
            "batteryIds", ChimpyPosConfiguration::getBatteryIds,
            "userCoupons", ChimpyPosConfiguration::getUserCoupons);

    private final OperationParameter keyParameter;
    private final String scope;
    private final List<String> fixedKeys;
    private final Supplier<Collection<String>> supplier;
    private int next;

    private PollKeys(
            OperationParameter keyParameter,
            String scope,
            List<String> fixedKeys,
            Supplier<Collection<String>> supplier) {
        this.keyParameter = keyParameter;
        this.scope = scope;
        this.fixedKeys = fixedKeys;
        this.supplier = supplier;
    }

    /**
     * The keys of a consumer of {@code operation}, checked at route start.
     *
     * @throws IllegalArgumentException naming the option: the operation cannot be polled, no keys, a key option of
     *                                  another operation, or a parameter the operation requires is missing
     */
    public static PollKeys of(ChimpyPosOperation operation, ChimpyPosConfiguration configuration) {
        OperationParameter keyParameter = KEY_PARAMETERS.get(operation);
        if (keyParameter == null) {
            throw new IllegalArgumentException("Operation " + operation + " cannot be polled: it changes data. A"
                    + " consumer (from) supports " + pollableOperations() + "; use " + operation + " in a to(...)");
        }
        String keysOption = keysOption(operation);
        KEY_OPTIONS.forEach((option, value) -> {
            if (!option.equals(keysOption) && !isBlank(value.apply(configuration))) {
                throw new IllegalArgumentException("Option " + option + " does not apply to a consumer of " + operation
                        + "; it polls the keys of option " + keysOption);
            }
        });
        requireParameters(operation, configuration);
        String scope = scope(operation, configuration);
        if (configuration.getKeysSupplier() != null) {
            return new PollKeys(keyParameter, scope, null, configuration.getKeysSupplier());
        }
        String listed = KEY_OPTIONS.get(keysOption).apply(configuration);
        List<String> keys = listed == null ? List.of() : normalize(Arrays.asList(listed.split(",")));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Missing option " + keysOption + ": a consumer of " + operation
                    + " needs the keys to poll, comma separated (e.g. " + keysOption + "=" + example(keyParameter)
                    + "), or keysSupplier for a list that changes at run time");
        }
        return new PollKeys(keyParameter, scope, List.copyOf(keys), null);
    }

    /** The option that lists the keys of a consumer of {@code operation}. */
    public static String keysOption(ChimpyPosOperation operation) {
        return switch (operation) {
            case getStationPricing -> "stationIds";
            case checkBattery, getRentalPricing -> "batteryIds";
            case checkUser -> "userCoupons";
            default -> throw new IllegalArgumentException("Operation " + operation + " cannot be polled");
        };
    }

    private static String pollableOperations() {
        return Stream.of(ChimpyPosOperation.values())
                .filter(KEY_PARAMETERS::containsKey)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    /** What the request needs beside the key, named as the producer would name it, but at route start. */
    private static void requireParameters(ChimpyPosOperation operation, ChimpyPosConfiguration configuration) {
        if (operation == ChimpyPosOperation.checkBattery || operation == ChimpyPosOperation.getRentalPricing) {
            require(operation, "rentalType", configuration.getRentalType(), "pickup or return");
        }
        if (operation == ChimpyPosOperation.getRentalPricing) {
            require(operation, "locationId", configuration.getLocationId(), "the shop's id");
        }
    }

    private static void require(ChimpyPosOperation operation, String option, String value, String what) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(
                    "Missing option " + option + ": a consumer of " + operation + " needs it (" + what + ")");
        }
    }

    /**
     * The part of the state key that tells apart what one key's answer depends on beside the key itself, so that
     * several consumers may share a state repository as long as they do not poll the same keys the same way.
     */
    private static String scope(ChimpyPosOperation operation, ChimpyPosConfiguration configuration) {
        List<String> context = switch (operation) {
            case checkBattery -> Arrays.asList(configuration.getRentalType());
            case getRentalPricing ->
                Arrays.asList(
                        configuration.getRentalType(), configuration.getLocationId(), configuration.getUserCoupon());
            case getStationPricing -> Arrays.asList(configuration.getAuth0Id());
            default -> List.of();
        };
        return operation + "(" + context.stream().map(PollKeys::encode).collect(Collectors.joining(",")) + "):";
    }

    private static String example(OperationParameter keyParameter) {
        return switch (keyParameter) {
            case STATION_ID -> "abc1,zrh1";
            case BATTERY_ID -> "BAT0001,BAT0002";
            default -> "COUPON1,COUPON2";
        };
    }

    /** Trimmed, without blanks and duplicates, in the given order. */
    private static List<String> normalize(Collection<String> keys) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                distinct.add(key.trim());
            }
        }
        return new ArrayList<>(distinct);
    }

    /** Percent-encoded, so that a key can hold no separator of the state key or of a file state repository. */
    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The parameter whose header carries the key into the request, e.g. CamelChimpyPosStationId. */
    public OperationParameter keyParameter() {
        return keyParameter;
    }

    /** The key of {@code key} in the state repository, e.g. {@code checkBattery(pickup):BAT0001}. */
    public String stateKey(String key) {
        return scope + encode(key);
    }

    /**
     * The keys of the next poll: the current keys (read from the supplier at every poll) from the one whose turn it
     * is, at most {@code max} of them (0: all).
     */
    public List<String> nextBatch(int max) {
        List<String> keys = fixedKeys != null ? fixedKeys : suppliedKeys();
        if (keys.isEmpty()) {
            return List.of();
        }
        int start = next % keys.size();
        int count = max > 0 ? Math.min(max, keys.size()) : keys.size();
        List<String> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(keys.get((start + i) % keys.size()));
        }
        next = start;
        return batch;
    }

    /** The first {@code done} keys of the last batch were polled: the next poll starts after them. */
    public void completed(int done) {
        next += done;
    }

    private List<String> suppliedKeys() {
        Collection<String> supplied = supplier.get();
        return supplied == null ? List.of() : normalize(supplied);
    }
}
