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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.operation.OperationParameter;
import io.github.chimpypos.camel.operation.OperationSpec;
import io.github.chimpypos.camel.operation.OperationSpec.PollKey;
import io.github.chimpypos.camel.operation.OperationSpec.Required;
import io.github.chimpypos.camel.operation.OperationTable;

/**
 * The keys a consumer polls (station ids, battery ids or user coupons, by operation) and whose turn it is: each poll
 * takes the next keys in turn, so that with {@code maxRequestsPerPoll} every key is polled, and a poll that fails
 * half-way resumes at the key that failed.
 */
public final class PollKeys {

    /** Every option that lists keys, for the check that a consumer uses only its own. */
    private static final Map<String, Function<ChimpyPosConfiguration, String>> KEY_OPTIONS = keyOptions();

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
        PollKey pollKey = OperationTable.spec(operation).pollKey();
        if (pollKey == null) {
            throw new IllegalArgumentException("Operation " + operation + " cannot be polled: it changes data. A"
                    + " consumer (from) supports " + OperationTable.pollableOperations() + "; use " + operation
                    + " in a to(...)");
        }
        String keysOption = pollKey.keysOption();
        KEY_OPTIONS.forEach((option, value) -> {
            if (!option.equals(keysOption) && !isBlank(value.apply(configuration))) {
                throw new IllegalArgumentException("Option " + option + " does not apply to a consumer of " + operation
                        + "; it polls the keys of option " + keysOption);
            }
        });
        for (Required required : pollKey.required()) {
            OperationParameter parameter = required.parameter();
            Object value = parameter.optionValue(configuration);
            if (value == null || isBlank(value.toString())) {
                throw new IllegalArgumentException("Missing option " + parameter.option() + ": a consumer of "
                        + operation + " needs it (" + required.what() + ")");
            }
        }
        String scope = scope(operation, pollKey, configuration);
        if (configuration.getKeysSupplier() != null) {
            return new PollKeys(pollKey.key(), scope, null, configuration.getKeysSupplier());
        }
        String listed = pollKey.keys().apply(configuration);
        List<String> keys = listed == null ? List.of() : normalize(Arrays.asList(listed.split(",")));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Missing option " + keysOption + ": a consumer of " + operation
                    + " needs the keys to poll, comma separated (e.g. " + keysOption + "=" + pollKey.example()
                    + "), or keysSupplier for a list that changes at run time");
        }
        return new PollKeys(pollKey.key(), scope, List.copyOf(keys), null);
    }

    private static Map<String, Function<ChimpyPosConfiguration, String>> keyOptions() {
        Map<String, Function<ChimpyPosConfiguration, String>> options = new LinkedHashMap<>();
        for (OperationSpec spec : OperationTable.all()) {
            if (spec.pollable()) {
                options.putIfAbsent(spec.pollKey().keysOption(), spec.pollKey().keys());
            }
        }
        return Map.copyOf(options);
    }

    /**
     * The part of the state key that tells apart what one key's answer depends on beside the key itself, so that
     * several consumers may share a state repository as long as they do not poll the same keys the same way.
     */
    private static String scope(ChimpyPosOperation operation, PollKey pollKey, ChimpyPosConfiguration configuration) {
        return operation + "("
                + pollKey.scope().stream()
                        .map(parameter -> parameter.optionValue(configuration))
                        .map(value -> encode(value == null ? null : value.toString()))
                        .collect(Collectors.joining(","))
                + "):";
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
