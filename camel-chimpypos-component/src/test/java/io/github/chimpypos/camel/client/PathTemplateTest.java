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
package io.github.chimpypos.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private static final PathTemplate RENTAL =
            PathTemplate.parse("/api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]");

    @Test
    void expandsRequiredVariablesAndLeavesOutAnEmptyOptionalSection() {
        Map<String, String> values = new HashMap<>(
                Map.of("rental_type", "pickup", "location_id", "shop-zurich-hb", "battery_id", "BAT0001"));

        assertThat(RENTAL.expand(values)).isEqualTo("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001");

        values.put("user_coupon", "FREECHARGE1");
        assertThat(RENTAL.expand(values)).isEqualTo("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001/FREECHARGE1");
    }

    @Test
    void encodesValuesSoThatEachStaysOneSegment() {
        PathTemplate template = PathTemplate.parse("/api/v2/users/{user_coupon}");

        assertThat(template.expand(Map.of("user_coupon", "a/b c?d#e%f&ü")))
                .isEqualTo("/api/v2/users/a%2Fb%20c%3Fd%23e%25f%26%C3%BC");
    }

    @Test
    void reportsItsVariables() {
        assertThat(RENTAL.variables()).containsExactly("rental_type", "location_id", "battery_id", "user_coupon");
    }

    @Test
    void failsOnAMissingRequiredVariableNamingIt() {
        assertThatThrownBy(() -> RENTAL.expand(Map.of("rental_type", "pickup", "battery_id", "BAT0001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{location_id}");
    }

    @Test
    void rejectsMalformedTemplates() {
        assertThatThrownBy(() -> PathTemplate.parse("api/v2")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{x")).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{}")).hasMessageContaining("empty or malformed variable");
        assertThatThrownBy(() -> PathTemplate.parse("/a[/{x}")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{x}]")).hasMessageContaining("unbalanced ']'");
        assertThatThrownBy(() -> PathTemplate.parse("/a[/[{x}]]")).hasMessageContaining("nested '['");
        assertThatThrownBy(() -> PathTemplate.parse("/a/x}")).hasMessageContaining("unbalanced '}'");
    }
}
