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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the option and header tables of the component page from the generated catalog JSON, between the markers
 * {@code // chimpypos option tables: START} and {@code END}, so that the page reads well outside the Camel website
 * (where the {@code include::partial$...} lines render nothing). Run by the build after the Camel tooling; CI fails
 * when the result differs from the committed page.
 */
public final class OptionTables {

    static final String START = "// chimpypos option tables: START";
    static final String END = "// chimpypos option tables: END";
    private static final List<String> GROUP_ORDER = List.of(
            "common",
            "consumer",
            "consumer (advanced)",
            "scheduler",
            "producer",
            "producer (advanced)",
            "security",
            "security (advanced)",
            "advanced");

    private OptionTables() {}

    /** Arguments: the catalog JSON, the component page. */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args[0]);
        Path page = Path.of(args[1]);
        String current = Files.readString(page, StandardCharsets.UTF_8);
        String updated = update(current, new ObjectMapper().readTree(json.toFile()));
        if (!updated.equals(current)) {
            Files.writeString(page, updated, StandardCharsets.UTF_8);
        }
    }

    static String update(String page, JsonNode catalog) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("The page needs the markers '" + START + "' and '" + END + "'");
        }
        return page.substring(0, start) + START + "\n" + render(catalog) + page.substring(end);
    }

    static String render(JsonNode catalog) {
        StringBuilder out = new StringBuilder();
        JsonNode endpointOptions = catalog.path("properties");
        JsonNode componentOptions = catalog.path("componentProperties");

        List<JsonNode> componentOnly = new ArrayList<>();
        componentOptions.properties().forEach(e -> {
            if (!endpointOptions.has(e.getKey())) {
                componentOnly.add(named(e.getKey(), e.getValue()));
            }
        });
        out.append("== Options\n\n");
        out.append("=== Component options\n\n");
        List<String> endpointOnly = new ArrayList<>();
        endpointOptions.properties().forEach(e -> {
            if (!componentOptions.has(e.getKey())) {
                endpointOnly.add("`" + e.getKey() + "`");
            }
        });
        out.append(
                        "Every endpoint option below can also be set on the component, as the default of all its endpoints"
                                + " (for example `camel.component.chimpypos.api-url`), except these, which exist on endpoints only: ")
                .append(String.join(", ", endpointOnly))
                .append(". The component has these options of its own:\n\n");
        table(out, componentOnly);

        out.append("=== Endpoint options\n\n");
        out.append("Path parameter:\n\n");
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        endpointOptions.properties().forEach(e -> {
            JsonNode option = named(e.getKey(), e.getValue());
            ("path".equals(e.getValue().path("kind").asText()) ? path : query).add(option);
        });
        table(out, path);
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        GROUP_ORDER.forEach(group -> groups.put(group, new ArrayList<>()));
        for (JsonNode option : query) {
            groups.computeIfAbsent(option.path("group").asText(), k -> new ArrayList<>())
                    .add(option);
        }
        groups.forEach((group, options) -> {
            if (!options.isEmpty()) {
                out.append("Query parameters, group ").append(group).append(":\n\n");
                table(out, options);
            }
        });

        out.append("=== Message headers\n\n");
        out.append("[width=\"100%\",cols=\"3m,1m,6\",options=\"header\"]\n|===\n| Name | Type | Description\n");
        catalog.path("headers")
                .properties()
                .forEach(e -> out.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(simpleType(e.getValue().path("javaType").asText()))
                        .append(" | ")
                        .append(cell(e.getValue().path("description").asText()))
                        .append('\n'));
        out.append("|===\n\n");
        return out.toString();
    }

    private static JsonNode named(String name, JsonNode option) {
        return ((ObjectNode) option.deepCopy()).put("name", name);
    }

    private static void table(StringBuilder out, List<JsonNode> options) {
        out.append("[width=\"100%\",cols=\"3m,6,2m,2m\",options=\"header\"]\n|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (JsonNode option : options) {
            StringBuilder description = new StringBuilder();
            if (option.path("required").asBoolean()) {
                description.append("*Required* ");
            }
            if (option.path("secret").asBoolean()) {
                description.append("*Secret* ");
            }
            description.append(option.path("description").asText());
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.path("enum").forEach(v -> values.add(v.asText()));
                description
                        .append(" Accepted values: ")
                        .append(String.join(", ", values))
                        .append('.');
            }
            if (option.has("security")
                    && !"secret".equals(option.path("security").asText())) {
                description
                        .append(" Security: ")
                        .append(option.path("security").asText())
                        .append('.');
            }
            out.append("| ")
                    .append(option.path("name").asText())
                    .append(" | ")
                    .append(cell(description.toString()))
                    .append(" | ")
                    .append(cell(option.path("defaultValue").asText("")))
                    .append(" | ")
                    .append(type(option))
                    .append('\n');
        }
        out.append("|===\n\n");
    }

    /** Durations are longs in milliseconds that also accept 500ms, 60s, 5m, 1h... */
    private static String type(JsonNode option) {
        return "duration".equals(option.path("type").asText())
                ? "Duration"
                : simpleType(option.path("javaType").asText());
    }

    /** Without package names, also inside type arguments: {@code Supplier<Collection<String>>}. */
    private static String simpleType(String javaType) {
        return javaType.replaceAll("\\b[a-z][\\w]*\\.", "");
    }

    /** Table-safe text: a pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
