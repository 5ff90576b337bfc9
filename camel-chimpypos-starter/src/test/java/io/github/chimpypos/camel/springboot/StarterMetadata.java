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
package io.github.chimpypos.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.springboot.docs.StarterPropertyTable;

/**
 * The two descriptions of the chimpypos options: the component catalog (what the component accepts) and the Spring
 * Boot configuration metadata generated from {@link ChimpyPosComponentConfiguration} (what the starter offers).
 */
final class StarterMetadata {

    static final String PREFIX = ChimpyPosComponentAutoConfiguration.PREFIX + ".";
    static final String SPRING_METADATA = "META-INF/spring-configuration-metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StarterMetadata() {}

    /** The component options of the catalog, by option name, in catalog order. */
    static Map<String, JsonNode> catalogOptions() {
        JsonNode catalog = read(ChimpyPosComponent.class.getClassLoader(), ChimpyPosSecrets.CATALOG);
        Map<String, JsonNode> options = new LinkedHashMap<>();
        catalog.get("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    /** The starter's properties, by full property name. */
    static Map<String, JsonNode> starterProperties() {
        JsonNode metadata = springMetadata();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            // token-store.* belongs to ChimpyPosTokenStoreProperties: what the starter builds, not a component option
            if (name.startsWith(PREFIX) && !name.startsWith(ChimpyPosTokenStoreProperties.PREFIX + ".")) {
                properties.put(name, property);
            }
        }
        return properties;
    }

    /** The value hints of the starter's properties, by full property name. */
    static Map<String, JsonNode> starterHints() {
        JsonNode metadata = springMetadata();
        Map<String, JsonNode> hints = new LinkedHashMap<>();
        for (JsonNode hint : metadata.path("hints")) {
            hints.put(hint.get("name").asText(), hint);
        }
        return hints;
    }

    /** authUrl becomes camel.component.chimpypos.auth-url, as Spring Boot names it. */
    static String propertyName(String option) {
        return StarterPropertyTable.propertyName(option);
    }

    /** Every starter on the class path has one: this starter's is the one that describes its configuration class. */
    private static JsonNode springMetadata() {
        try {
            for (URL url : Collections.list(
                    ChimpyPosComponentConfiguration.class.getClassLoader().getResources(SPRING_METADATA))) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = JSON.readTree(in);
                    for (JsonNode group : metadata.path("groups")) {
                        if (ChimpyPosComponentConfiguration.class
                                .getName()
                                .equals(group.path("type").asText())) {
                            return metadata;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(
                "No " + SPRING_METADATA + " describes " + ChimpyPosComponentConfiguration.class);
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
