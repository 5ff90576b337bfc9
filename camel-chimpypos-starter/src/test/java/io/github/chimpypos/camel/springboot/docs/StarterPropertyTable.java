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
package io.github.chimpypos.camel.springboot.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosComponent;

/**
 * Renders the property table of {@code docs/spring-boot.md} from the configuration metadata Spring Boot's processor
 * generated for the starter, grouped as the component catalog groups the options, between the markers
 * {@value #START} and {@value #END}. Run by the build after the tests compile; CI fails when the result differs
 * from the committed page.
 */
public final class StarterPropertyTable {

    static final String START = "<!-- starter properties: START (rendered by the build, do not edit) -->";
    static final String END = "<!-- starter properties: END -->";
    static final String PREFIX = "camel.component.chimpypos.";
    static final String CATALOG = "META-INF/io/github/chimpypos/camel/chimpypos.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StarterPropertyTable() {}

    /** Arguments: the starter's spring-configuration-metadata.json, the page. */
    public static void main(String[] args) throws IOException {
        Path metadata = Path.of(args[0]);
        Path page = Path.of(args[1]);
        String current = Files.readString(page, StandardCharsets.UTF_8);
        String updated = update(current, JSON.readTree(metadata.toFile()), catalog());
        if (!updated.equals(current)) {
            Files.writeString(page, updated, StandardCharsets.UTF_8);
        }
    }

    static String update(String page, JsonNode metadata, JsonNode catalog) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("The page needs the markers '" + START + "' and '" + END + "'");
        }
        return page.substring(0, start) + START + "\n" + render(metadata, catalog) + page.substring(end);
    }

    static String render(JsonNode metadata, JsonNode catalog) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith(PREFIX)) {
                properties.put(name, property);
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("starter", new ArrayList<>(List.of(PREFIX + "enabled", PREFIX + "customizer.enabled")));
        catalog.path("componentProperties")
                .properties()
                .forEach(option -> groups.computeIfAbsent(
                                option.getValue().path("group").asText(), group -> new ArrayList<>())
                        .add(propertyName(option.getKey())));

        StringBuilder out = new StringBuilder();
        groups.forEach((group, names) -> {
            out.append("\n#### ").append(title(group)).append("\n\n");
            out.append("| Property | Description | Default | Type |\n");
            out.append("|---|---|---|---|\n");
            for (String name : names) {
                JsonNode property = properties.get(name);
                if (property == null) {
                    throw new IllegalStateException("The starter has no property " + name);
                }
                out.append("| `")
                        .append(name)
                        .append("` | ")
                        .append(cell(property.path("description").asText()))
                        .append(secret(catalog, name))
                        .append(" | ")
                        .append(
                                property.has("defaultValue")
                                        ? "`" + property.get("defaultValue").asText() + "`"
                                        : "")
                        .append(" | ")
                        .append(simpleType(property.path("type").asText()))
                        .append(" |\n");
            }
        });
        out.append('\n');
        return out.toString();
    }

    private static String secret(JsonNode catalog, String name) {
        String option = optionName(name);
        return catalog.path("componentProperties").path(option).path("secret").asBoolean()
                ? " **Secret**: masked by actuator, bind it from the environment."
                : "";
    }

    private static String title(String group) {
        return group.equals("starter")
                ? "Auto-configuration"
                : Character.toUpperCase(group.charAt(0)) + group.substring(1) + " options";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String simpleType(String type) {
        return type.startsWith("java.lang.") ? type.substring("java.lang.".length()) : type;
    }

    /** authUrl becomes camel.component.chimpypos.auth-url, as Spring Boot names it. */
    public static String propertyName(String option) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static String optionName(String property) {
        String dashed = property.substring(PREFIX.length());
        StringBuilder option = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                option.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return option.toString();
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = ChimpyPosComponent.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path");
            }
            return JSON.readTree(in);
        }
    }
}
