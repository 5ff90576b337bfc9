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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.camel.auth.TokenProvider;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

/**
 * What the build generated from the component catalog (ChimpyPosComponentConfiguration, then Spring Boot's metadata)
 * offers exactly the component's options, with the catalog's descriptions, defaults, types and values, and every
 * object option is a bean reference the converter resolves.
 */
class ChimpyPosStarterCatalogTest {

    /** Properties of the auto-configuration itself, not component options. */
    private static final Set<String> STARTER_ONLY =
            Set.of(StarterMetadata.PREFIX + "enabled", StarterMetadata.PREFIX + "customizer.enabled");

    private final Map<String, JsonNode> catalog = StarterMetadata.catalogOptions();
    private final Map<String, JsonNode> starter = StarterMetadata.starterProperties();

    @Test
    void everyComponentOptionIsAStarterPropertyAndNothingElse() {
        Set<String> expected = new HashSet<>(STARTER_ONLY);
        catalog.keySet().forEach(option -> expected.add(StarterMetadata.propertyName(option)));
        assertThat(starter.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void descriptionsAreTheCatalogs() {
        List<String> drift = new ArrayList<>();
        catalog.forEach((option, model) -> {
            JsonNode property = starter.get(StarterMetadata.propertyName(option));
            if (property == null) {
                return; // reported by everyComponentOptionIsAStarterPropertyAndNothingElse
            }
            String expected = model.get("description").asText();
            if ("object".equals(model.get("type").asText())) {
                expected += " The option is a " + erasure(model.get("javaType").asText()) + " type.";
            }
            String actual = property.path("description").asText();
            if (!expected.equals(actual)) {
                drift.add(option + ":\n  catalog: " + expected + "\n  starter: " + actual);
            }
        });
        STARTER_ONLY.forEach(
                name -> assertThat(starter.get(name).path("description").asText())
                        .as(name)
                        .isNotBlank());
        assertThat(drift).isEmpty();
    }

    @Test
    void defaultsAreTheCatalogs() {
        List<String> drift = new ArrayList<>();
        catalog.forEach((option, model) -> {
            JsonNode property = starter.get(StarterMetadata.propertyName(option));
            if (property == null) {
                return;
            }
            String expected =
                    model.has("defaultValue") ? model.get("defaultValue").asText() : null;
            String actual =
                    property.has("defaultValue") ? property.get("defaultValue").asText() : null;
            if (expected == null ? actual != null : !expected.equals(actual)) {
                drift.add(option + ": catalog " + expected + ", starter " + actual);
            }
        });
        assertThat(drift).isEmpty();
    }

    @Test
    void typesMatchTheCatalogs() {
        List<String> drift = new ArrayList<>();
        catalog.forEach((option, model) -> {
            JsonNode property = starter.get(StarterMetadata.propertyName(option));
            if (property == null) {
                return;
            }
            String expected = starterType(
                    model.get("type").asText(), model.get("javaType").asText());
            String actual = property.get("type").asText().replace(" ", "");
            if (!expected.replace(" ", "").equals(actual)) {
                drift.add(option + ": expected " + expected + ", starter " + actual);
            }
        });
        assertThat(drift).isEmpty();
    }

    @Test
    void enumeratedValuesAreOfferedAsHints() {
        Map<String, JsonNode> hints = StarterMetadata.starterHints();
        catalog.forEach((option, model) -> {
            String javaType = model.get("javaType").asText();
            if (!model.has("enum") || !javaType.startsWith("java.lang.")) {
                return; // Java enums complete by themselves
            }
            JsonNode hint = hints.get(StarterMetadata.propertyName(option));
            assertThat(hint).as("hint of " + option).isNotNull();
            List<String> offered = new ArrayList<>();
            hint.get("values").forEach(value -> offered.add(value.get("value").asText()));
            List<String> accepted = new ArrayList<>();
            model.get("enum").forEach(value -> accepted.add(value.asText()));
            assertThat(offered).as("hint values of " + option).containsExactlyElementsOf(accepted);
        });
    }

    @Test
    void everyObjectOptionTakesABeanReference() {
        Set<Class<?>> objectTypes = new HashSet<>();
        catalog.forEach((option, model) -> {
            if ("object".equals(model.get("type").asText())) {
                objectTypes.add(load(erasure(model.get("javaType").asText())));
            }
        });
        assertThat(objectTypes).contains(TokenProvider.class, SSLContextParameters.class);
        assertThat(ChimpyPosComponentConfiguration.BEAN_REFERENCE_TYPES).isEqualTo(objectTypes);
    }

    @Test
    void theCatalogsSecretOptionsAreKnownAsSecrets() {
        Set<String> secret = new HashSet<>();
        catalog.forEach((option, model) -> {
            if (model.path("secret").asBoolean()) {
                secret.add(option);
            }
        });
        assertThat(secret).contains("password", "clientSecret");
        assertThat(ChimpyPosSecrets.secretOptionNames()).isEqualTo(secret);
    }

    private static Class<?> load(String javaType) {
        try {
            return Class.forName(javaType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** StateRepository for StateRepository<String, String>. */
    static String erasure(String javaType) {
        int generic = javaType.indexOf('<');
        return generic < 0 ? javaType : javaType.substring(0, generic);
    }

    /** The Java type a starter property has for a catalog option (wrappers, Duration for durations). */
    private static String starterType(String type, String javaType) {
        switch (type) {
            case "duration":
                return "java.time.Duration";
            case "boolean":
                return "java.lang.Boolean";
            case "integer":
                return "java.lang.Integer";
            case "string":
                return "java.lang.String";
            case "number":
                return "java.lang.Double";
            default:
                return "int".equals(javaType) ? "java.lang.Integer" : javaType;
        }
    }
}
