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
package io.github.chimpypos.camel.operability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.apache.camel.util.json.JsonObject;

/**
 * One token provider's status as operators see it: an ordered list of entries without secrets, which the dev console
 * (text and JSON), the health details, the JMX MBean ({@link ManagedTokenProvider}) and the Spring Boot starter's
 * metrics read. Each entry carries its name in each rendering, so that the views differ in format only, never in
 * content or order. Absent values are left out everywhere.
 */
public final class TokenStatusView {

    // The JSON keys are also the names of the JMX attributes that show the same values.
    public static final String STATE = "state";
    public static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";
    public static final String TIME_TO_RENEWAL = "timeToRenewalMillis";
    public static final String REFRESH_TOKEN_HELD = "refreshTokenHeld";
    public static final String TOKEN_CALLS = "tokenCalls";
    public static final String GRANTS_BY_TYPE = "grantsByType";
    public static final String REFRESHES = "refreshes";
    public static final String UNAUTHORIZED_RENEWALS = "unauthorizedRenewals";
    public static final String FAILURES_BY_REASON = "failuresByReason";
    public static final String CONSECUTIVE_FAILURES = "consecutiveFailures";
    public static final String LAST_FAILURE_REASON = "lastFailureReason";
    public static final String LAST_ERROR_CLASS = "lastErrorClass";
    public static final String LAST_ERROR_MESSAGE = "lastErrorMessage";
    public static final String LAST_SUCCESS_AT = "lastSuccessAt";
    public static final String NEXT_ATTEMPT_NOT_BEFORE = "nextAttemptNotBefore";
    public static final String CLOCK_SKEW = "clockSkewMillis";
    public static final String TOKEN_STORE = "tokenStore";

    /**
     * One line of the view.
     *
     * @param label     in the console text, e.g. {@code Token expires at}
     * @param jsonKey   in the console JSON and JMX, e.g. {@code tokenExpiresAt}; durations are milliseconds there
     * @param detailKey in the health details, e.g. {@code token.expires.at}; null when not a health detail
     * @param value     the raw value: an instant, duration, enum, number, boolean, text or map; null when absent
     */
    public record Entry(String label, String jsonKey, String detailKey, Object value) {}

    private final List<Entry> entries;
    private final Map<String, Entry> byJsonKey = new HashMap<>();
    private final Instant tokenExpiresAt;

    private TokenStatusView(List<Entry> entries, Instant tokenExpiresAt) {
        this.entries = entries;
        this.tokenExpiresAt = tokenExpiresAt;
        entries.forEach(entry -> byJsonKey.put(entry.jsonKey(), entry));
    }

    public static TokenStatusView of(TokenProviderStatus status) {
        return new TokenStatusView(
                List.of(
                        new Entry("State", STATE, "token.state", status.state()),
                        new Entry("Token expires at", TOKEN_EXPIRES_AT, "token.expires.at", status.tokenExpiresAt()),
                        new Entry("Renewal due in", TIME_TO_RENEWAL, "token.renewal.in", status.timeToRenewal()),
                        new Entry(
                                "Refresh token held",
                                REFRESH_TOKEN_HELD,
                                "token.refresh.held",
                                status.refreshTokenHeld()),
                        new Entry("Token calls", TOKEN_CALLS, "token.calls", status.tokenCalls()),
                        new Entry("Grants", GRANTS_BY_TYPE, null, status.grantsByType()),
                        new Entry("Refreshes", REFRESHES, null, status.refreshes()),
                        new Entry("401 renewals", UNAUTHORIZED_RENEWALS, null, status.unauthorizedRenewals()),
                        new Entry("Failures", FAILURES_BY_REASON, null, status.failuresByReason()),
                        new Entry(
                                "Consecutive failures",
                                CONSECUTIVE_FAILURES,
                                "consecutive.failures",
                                status.consecutiveFailures()),
                        new Entry(
                                "Last failure", LAST_FAILURE_REASON, "last.failure.reason", status.lastFailureReason()),
                        new Entry("Last error class", LAST_ERROR_CLASS, "last.error.class", status.lastErrorClass()),
                        new Entry("Last error", LAST_ERROR_MESSAGE, "last.error.message", status.lastErrorMessage()),
                        new Entry("Last success at", LAST_SUCCESS_AT, "last.success.at", status.lastSuccessAt()),
                        new Entry(
                                "Next attempt not before",
                                NEXT_ATTEMPT_NOT_BEFORE,
                                "next.attempt.not.before",
                                status.nextAttemptNotBefore()),
                        new Entry("Clock skew", CLOCK_SKEW, "clock.skew", status.estimatedClockSkew()),
                        new Entry("Token store", TOKEN_STORE, "token.store", status.tokenStore())),
                status.tokenExpiresAt());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The health details: durations as ISO-8601 in whole seconds, instants and enums as text. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.detailKey() != null && entry.value() != null) {
                details.put(entry.detailKey(), text(entry.value()));
            }
        }
        return details;
    }

    /** The console text: one indented {@code label: value} line per entry with a value. */
    public void appendText(StringBuilder text) {
        for (Entry entry : entries) {
            Object value = entry.value();
            if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
                text.append("        ")
                        .append(entry.label())
                        .append(": ")
                        .append(text(value))
                        .append('\n');
            }
        }
    }

    /** The console JSON: durations in milliseconds, instants and enums as text, maps as objects. */
    public void putJson(JsonObject json) {
        for (Entry entry : entries) {
            Object value = entry.value();
            if (value instanceof Map<?, ?> map) {
                JsonObject object = new JsonObject();
                map.forEach((key, count) -> object.put(String.valueOf(text(key)), count));
                json.put(entry.jsonKey(), object);
            } else if (value != null) {
                json.put(entry.jsonKey(), machineValue(value));
            }
        }
    }

    /**
     * One entry as the console JSON and JMX show it: durations in milliseconds, instants and enums as text, others
     * as they are; null when absent.
     */
    public Object value(String jsonKey) {
        return machineValue(entry(jsonKey).value());
    }

    /** A counter, e.g. {@link #TOKEN_CALLS}. */
    public long count(String jsonKey) {
        return ((Number) entry(jsonKey).value()).longValue();
    }

    /** One count of a counter by kind, e.g. {@link #GRANTS_BY_TYPE} of {@code password}; 0 when none. */
    public long count(String jsonKey, String kind) {
        Map<?, ?> counts = (Map<?, ?>) entry(jsonKey).value();
        for (Map.Entry<?, ?> count : counts.entrySet()) {
            if (kind.equals(String.valueOf(text(count.getKey())))) {
                return ((Number) count.getValue()).longValue();
            }
        }
        return 0;
    }

    /** How long the held token stays valid after {@code now}; zero without a valid token. */
    public Duration timeToExpiry(Instant now) {
        if (tokenExpiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, tokenExpiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Entry entry(String jsonKey) {
        Entry entry = byJsonKey.get(jsonKey);
        if (entry == null) {
            throw new IllegalArgumentException("No status entry " + jsonKey + "; known: " + byJsonKey.keySet());
        }
        return entry;
    }

    private static Object machineValue(Object value) {
        return value instanceof Duration duration ? Long.valueOf(duration.toMillis()) : text(value);
    }

    /** Durations as ISO-8601 in whole seconds (e.g. {@code PT59M30S}), instants and enums as text, others as is. */
    static Object text(Object value) {
        if (value instanceof Duration duration) {
            return duration.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value instanceof Instant ? value.toString() : value;
    }
}
