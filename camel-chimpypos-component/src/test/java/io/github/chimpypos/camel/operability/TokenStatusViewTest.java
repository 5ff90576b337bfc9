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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The console text, the console JSON and the health details render one view: same entries, same order. */
class TokenStatusViewTest {

    private static final Instant EXPIRY = Instant.parse("2026-05-01T12:00:00Z");

    private final TokenProviderStatus status = new TokenProviderStatus(
            TokenProviderState.VALID,
            EXPIRY,
            Duration.ofMinutes(59).plusMillis(30_500),
            true,
            3,
            Map.of("password", 1L, "refresh_token", 1L),
            1,
            Map.of(TokenFailureReason.RATE_LIMITED, 1L),
            0,
            0,
            TokenFailureReason.RATE_LIMITED,
            null,
            "rate limited",
            EXPIRY.minusSeconds(3600),
            null,
            Duration.ofMillis(-1500));

    @Test
    void everyRenderingShowsTheSameValuesInTheViewsOrder() {
        TokenStatusView view = TokenStatusView.of(status);
        String text = text(view);
        JsonObject json = json(view);

        assertThat(text.lines().map(line -> line.trim().split(":")[0]))
                .containsExactlyElementsOf(view.entries().stream()
                        .filter(entry -> entry.value() != null)
                        .map(TokenStatusView.Entry::label)
                        .toList());
        assertThat(json.keySet())
                .containsExactlyInAnyOrderElementsOf(view.entries().stream()
                        .filter(entry -> entry.value() != null)
                        .map(TokenStatusView.Entry::jsonKey)
                        .toList());
        assertThat(view.details().keySet())
                .containsExactlyElementsOf(view.entries().stream()
                        .filter(entry -> entry.value() != null && entry.detailKey() != null)
                        .map(TokenStatusView.Entry::detailKey)
                        .toList());
    }

    @Test
    void durationsAreWholeSecondsAsTextAndMillisecondsInJson() {
        TokenStatusView view = TokenStatusView.of(status);
        String text = text(view);
        JsonObject json = json(view);

        assertThat(view.details())
                .containsEntry("token.state", "VALID")
                .containsEntry("token.expires.at", "2026-05-01T12:00:00Z")
                .containsEntry("token.renewal.in", "PT59M30S")
                .containsEntry("token.calls", 3L)
                .containsEntry("clock.skew", "PT-1S")
                .doesNotContainKey("last.error.class");
        assertThat(text).contains("        Renewal due in: PT59M30S\n", "Failures: {RATE_LIMITED=1}");
        assertThat(json)
                .containsEntry("timeToRenewalMillis", 3_570_500L)
                .containsEntry("clockSkewMillis", -1500L)
                .containsEntry("lastFailureReason", "RATE_LIMITED");
        assertThat((JsonObject) json.get("failuresByReason")).containsEntry("RATE_LIMITED", 1L);
    }

    @Test
    void jmxAndMetricsReadTheJsonValuesAndCounts() {
        TokenStatusView view = TokenStatusView.of(status);
        JsonObject json = json(view);

        for (String key : List.of(
                TokenStatusView.STATE,
                TokenStatusView.TOKEN_EXPIRES_AT,
                TokenStatusView.TIME_TO_RENEWAL,
                TokenStatusView.LAST_FAILURE_REASON,
                TokenStatusView.CLOCK_SKEW)) {
            assertThat(view.value(key)).as(key).isEqualTo(json.get(key));
        }
        assertThat(view.value(TokenStatusView.LAST_ERROR_CLASS)).isNull();
        assertThat(view.count(TokenStatusView.TOKEN_CALLS)).isEqualTo(3);
        assertThat(view.count(TokenStatusView.GRANTS_BY_TYPE, "password")).isEqualTo(1);
        assertThat(view.count(TokenStatusView.GRANTS_BY_TYPE, "client_credentials"))
                .isZero();
        assertThat(view.count(TokenStatusView.FAILURES_BY_REASON, "RATE_LIMITED"))
                .isEqualTo(1);
        assertThat(view.timeToExpiry(EXPIRY.minusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(view.timeToExpiry(EXPIRY.plusSeconds(1))).isZero();
        assertThatThrownBy(() -> view.value("token")).hasMessageContaining("No status entry token");
    }

    private static String text(TokenStatusView view) {
        StringBuilder text = new StringBuilder();
        view.appendText(text);
        return text.toString();
    }

    private static JsonObject json(TokenStatusView view) {
        JsonObject json = new JsonObject();
        view.putJson(json);
        return json;
    }
}
