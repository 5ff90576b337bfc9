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
package io.github.chimpypos.camel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/configuration.md and the option table of docs/token-lifecycle.md in step with the generated Camel catalog:
 * every option and header documented exactly once, with the catalog's scope, type and default. A new option fails
 * here until the page documents it.
 */
class ConfigurationDocTest {

    private static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");
    private static final Path TOKEN_LIFECYCLE = Path.of("..", "docs", "token-lifecycle.md");

    private static final Pattern OPTION_ROW = Pattern.compile(
            "^\\| `([A-Za-z0-9]+)` \\| (both|component|endpoint) \\| ([a-z]+) \\| ([^|]*?) \\| .+ \\|$");
    private static final Pattern HEADER_ROW =
            Pattern.compile("^\\| `(CamelChimpyPos[A-Za-z0-9]+)` \\| ([A-Za-z]+) \\| (in|out|in, out) \\| .+ \\|$");
    private static final Pattern LIFECYCLE_ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\| ([^|]+?) \\| .+ \\|$");

    private static JsonNode catalog;

    @BeforeAll
    static void readCatalog() throws IOException {
        try (InputStream in = ConfigurationDocTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/github/chimpypos/camel/chimpypos.json")) {
            assertThat(in).as("the generated catalog").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
    }

    /** Every option: documented once, with its scope (component, endpoint or both), catalog type and default. */
    @Test
    void everyOptionOfTheCatalogIsDocumentedOnceWithItsScopeTypeAndDefault() throws IOException {
        Map<String, List<String[]>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CONFIGURATION, StandardCharsets.UTF_8)) {
            Matcher row = OPTION_ROW.matcher(line);
            if (row.matches()) {
                documented
                        .computeIfAbsent(row.group(1), k -> new ArrayList<>())
                        .add(new String[] {row.group(2), row.group(3), row.group(4)});
            }
        }

        Map<String, JsonNode> options = new HashMap<>();
        catalog.path("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        catalog.path("properties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));

        assertThat(documented.keySet())
                .as("options documented in docs/configuration.md vs the catalog")
                .containsExactlyInAnyOrderElementsOf(options.keySet());
        List<String> mismatches = new ArrayList<>();
        documented.forEach((name, rows) -> {
            if (rows.size() != 1) {
                mismatches.add(name + " is documented " + rows.size() + " times");
                return;
            }
            String[] row = rows.get(0);
            JsonNode option = options.get(name);
            check(mismatches, name, "scope", row[0], scope(name));
            check(mismatches, name, "type", row[1], option.path("type").asText());
            check(mismatches, name, "default", row[2], defaultOf(option));
        });
        assertThat(mismatches).as("docs/configuration.md vs the catalog").isEmpty();
    }

    /** Every header: documented once, with the catalog's type. */
    @Test
    void everyHeaderOfTheCatalogIsDocumentedOnceWithItsType() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : Files.readAllLines(CONFIGURATION, StandardCharsets.UTF_8)) {
            Matcher row = HEADER_ROW.matcher(line);
            if (row.matches() && documented.put(row.group(1), row.group(2)) != null) {
                duplicates.add(row.group(1));
            }
        }

        Map<String, String> headers = new LinkedHashMap<>();
        catalog.path("headers").properties().forEach(e -> headers.put(e.getKey(), simpleType(e.getValue())));
        assertThat(duplicates).isEmpty();
        assertThat(documented)
                .as("headers in docs/configuration.md vs the catalog")
                .isEqualTo(headers);
    }

    /**
     * The option table of docs/token-lifecycle.md quotes the catalog defaults and names only real options (rows naming
     * several options at once are not checked).
     */
    @Test
    void theOptionTableOfTheTokenLifecyclePageQuotesTheCatalogDefaults() throws IOException {
        Map<String, JsonNode> options = new HashMap<>();
        catalog.path("properties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        List<String> page = Files.readAllLines(TOKEN_LIFECYCLE, StandardCharsets.UTF_8);
        int start = page.indexOf("## Options");
        assertThat(start).as("section '## Options' of docs/token-lifecycle.md").isNotNegative();
        for (String line : page.subList(start + 1, page.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = LIFECYCLE_ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String name = row.group(1);
            JsonNode option = options.get(name);
            if (option == null) {
                mismatches.add(name + " is not an option");
                continue;
            }
            rows++;
            String expected = defaultOf(option);
            String documented = row.group(2).replace("`", "");
            if (!"-".equals(expected) && !expected.equals(documented)) {
                mismatches.add(name + ": default " + documented + " but the catalog says " + expected);
            }
        }
        assertThat(rows).as("option rows in docs/token-lifecycle.md").isGreaterThan(10);
        assertThat(mismatches).isEmpty();
    }

    private static String scope(String name) {
        boolean component = catalog.path("componentProperties").has(name);
        boolean endpoint = catalog.path("properties").has(name);
        return component && endpoint ? "both" : component ? "component" : "endpoint";
    }

    private static String defaultOf(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        return value == null || value.isNull() ? "-" : value.asText();
    }

    private static String simpleType(JsonNode header) {
        String javaType = header.path("javaType").asText();
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static void check(List<String> mismatches, String name, String what, String documented, String expected) {
        if (!documented.equals(expected)) {
            mismatches.add(name + ": " + what + " '" + documented + "' but the catalog says '" + expected + "'");
        }
    }
}
