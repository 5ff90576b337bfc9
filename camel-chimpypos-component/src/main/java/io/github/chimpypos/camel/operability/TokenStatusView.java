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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.apache.camel.util.json.JsonObject;

/**
 * One token provider's status as operators see it: an ordered list of entries without secrets, which the dev console
 * (text and JSON) and the health details render. Each entry carries its name in each rendering, so that the views
 * differ in format only, never in content or order. Absent values are left out everywhere.
 */
public final class TokenStatusView {

    /**
     * One line of the view.
     *
     * @param label     in the console text, e.g. {@code Token expires at}
     * @param jsonKey   in the console JSON, e.g. {@code tokenExpiresAt}; durations are milliseconds there
     * @param detailKey in the health details, e.g. {@code token.expires.at}; null when not a health detail
     * @param value     the raw value: an instant, duration, enum, number, boolean, text or map; null when absent
     */
    public record Entry(String label, String jsonKey, String detailKey, Object value) {}

    private final List<Entry> entries;

    private TokenStatusView(List<Entry> entries) {
        this.entries = entries;
    }

    public static TokenStatusView of(TokenProviderStatus status) {
        return new TokenStatusView(List.of(
                new Entry("State", "state", "token.state", status.state()),
                new Entry("Token expires at", "tokenExpiresAt", "token.expires.at", status.tokenExpiresAt()),
                new Entry("Renewal due in", "timeToRenewalMillis", "token.renewal.in", status.timeToRenewal()),
                new Entry("Refresh token held", "refreshTokenHeld", "token.refresh.held", status.refreshTokenHeld()),
                new Entry("Token calls", "tokenCalls", "token.calls", status.tokenCalls()),
                new Entry("Grants", "grantsByType", null, status.grantsByType()),
                new Entry("Refreshes", "refreshes", null, status.refreshes()),
                new Entry("401 renewals", "unauthorizedRenewals", null, status.unauthorizedRenewals()),
                new Entry("Failures", "failuresByReason", null, status.failuresByReason()),
                new Entry(
                        "Consecutive failures",
                        "consecutiveFailures",
                        "consecutive.failures",
                        status.consecutiveFailures()),
                new Entry("Last failure", "lastFailureReason", "last.failure.reason", status.lastFailureReason()),
                new Entry("Last error class", "lastErrorClass", "last.error.class", status.lastErrorClass()),
                new Entry("Last error", "lastErrorMessage", "last.error.message", status.lastErrorMessage()),
                new Entry("Last success at", "lastSuccessAt", "last.success.at", status.lastSuccessAt()),
                new Entry(
                        "Next attempt not before",
                        "nextAttemptNotBefore",
                        "next.attempt.not.before",
                        status.nextAttemptNotBefore()),
                new Entry("Clock skew", "clockSkewMillis", "clock.skew", status.estimatedClockSkew()),
                new Entry("Token store", "tokenStore", "token.store", status.tokenStore())));
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
            if (value instanceof Duration duration) {
                json.put(entry.jsonKey(), duration.toMillis());
            } else if (value instanceof Map<?, ?> map) {
                JsonObject object = new JsonObject();
                map.forEach((key, count) -> object.put(String.valueOf(text(key)), count));
                json.put(entry.jsonKey(), object);
            } else if (value != null) {
                json.put(entry.jsonKey(), text(value));
            }
        }
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
