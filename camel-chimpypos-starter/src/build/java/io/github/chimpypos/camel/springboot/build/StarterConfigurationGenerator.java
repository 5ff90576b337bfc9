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
package io.github.chimpypos.camel.springboot.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Writes the starter's {@code ChimpyPosComponentConfiguration} from the component catalog, so that every option the
 * component gains becomes a {@code camel.component.chimpypos.*} property without anyone copying it: one field per
 * catalog option, its Javadoc the catalog description (Spring Boot's configuration processor turns it into the
 * property's description), its initialiser the catalog default. An object option takes a bean reference; its type joins
 * {@code BEAN_REFERENCE_TYPES}, the types {@code ChimpyPosComponentConverter} resolves.
 *
 * <p>Run by the starter's build at generate-sources, as a single-file program on the compile class path (where the
 * component jar carries the catalog). Arguments: the generated-sources directory.
 */
public final class StarterConfigurationGenerator {

    static final String CATALOG = "META-INF/io/github/chimpypos/camel/chimpypos.json";
    static final String PACKAGE = "io.github.chimpypos.camel.springboot";
    static final String CLASS_NAME = "ChimpyPosComponentConfiguration";

    private static final int LINE_WIDTH = 116;
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private StarterConfigurationGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: StarterConfigurationGenerator <generated-sources directory>");
        }
        Path target = Path.of(args[0], PACKAGE.replace('.', '/'), CLASS_NAME + ".java");
        String source = render(readCatalog());
        // an unchanged file keeps its timestamp, so that an unchanged catalog recompiles nothing
        if (!Files.exists(target)
                || !Files.readString(target, StandardCharsets.UTF_8).equals(source)) {
            Files.createDirectories(target.getParent());
            Files.writeString(target, source, StandardCharsets.UTF_8);
        }
    }

    static JsonObject readCatalog() throws IOException {
        try (InputStream in =
                StarterConfigurationGenerator.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("The component catalog " + CATALOG
                        + " is not on the class path: build camel-chimpypos-component first");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static JsonObject parse(Reader reader) throws IOException {
        try {
            return (JsonObject) Jsoner.deserialize(reader);
        } catch (DeserializationException e) {
            throw new IllegalStateException("The component catalog " + CATALOG + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The Java source of the configuration class for the options of the catalog, in catalog order. */
    static String render(JsonObject catalog) {
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<?, ?> option : catalog.getMap("componentProperties").entrySet()) {
            properties.add(Property.of(String.valueOf(option.getKey()), new JsonObject(asMap(option.getValue()))));
        }
        StringBuilder out = new StringBuilder(64 * 1024);
        header(out);
        beanReferenceTypes(out, properties);
        for (Property property : properties) {
            property.field(out);
        }
        for (Property property : properties) {
            property.accessors(out);
        }
        out.append("}\n");
        return out.toString();
    }

    private static void header(StringBuilder out) {
        out.append(LICENCE).append(HEADER.formatted(PACKAGE, CLASS_NAME));
    }

    private static void beanReferenceTypes(StringBuilder out, List<Property> properties) {
        List<String> types = new ArrayList<>();
        for (Property property : properties) {
            if (property.beanReference && !types.contains(property.erasure())) {
                types.add(property.erasure());
            }
        }
        out.append("    /** The types of the options that take a bean reference. */\n")
                .append("    static final Set<Class<?>> BEAN_REFERENCE_TYPES = Set.of(");
        for (int i = 0; i < types.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n")
                    .append("            ")
                    .append(types.get(i))
                    .append(".class");
        }
        out.append(");\n\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** One option of the catalog as a property of the configuration class. */
    record Property(
            String name,
            String javaType,
            String initialiser,
            String description,
            boolean beanReference,
            boolean deprecated) {

        static Property of(String name, JsonObject model) {
            String type = model.getString("type");
            String catalogJavaType = model.getString("javaType");
            String defaultValue = model.containsKey("defaultValue") ? String.valueOf(model.get("defaultValue")) : null;
            String description = model.getStringOrDefault("description", "");
            boolean deprecated = Boolean.TRUE.equals(model.get("deprecated"));
            switch (type) {
                case "string":
                    return new Property(name, "String", literal(defaultValue), description, false, deprecated);
                case "boolean":
                case "integer":
                case "number": {
                    String boxed = boxed(catalogJavaType);
                    return new Property(name, boxed, number(boxed, defaultValue), description, false, deprecated);
                }
                case "duration":
                    return new Property(name, "Duration", duration(name, defaultValue), description, false, deprecated);
                case "enum":
                    return enumerated(name, catalogJavaType, defaultValue, description, deprecated);
                case "object": {
                    String erasure = StarterConfigurationGenerator.erasure(catalogJavaType);
                    // the sentence Camel's generated starters add, so that the IDE tells what bean to reference
                    String withType =
                            (description.isEmpty() ? "" : description + " ") + "The option is a " + erasure + " type.";
                    return new Property(name, catalogJavaType, null, withType, true, deprecated);
                }
                default:
                    throw new IllegalStateException("The catalog option " + name + " has the type " + type
                            + ", which StarterConfigurationGenerator does not map to a property type yet");
            }
        }

        private static Property enumerated(
                String name, String javaType, String defaultValue, String description, boolean deprecated) {
            if (javaType.equals("java.lang.String")) {
                return new Property(name, "String", literal(defaultValue), description, false, deprecated);
            }
            if (javaType.startsWith("java.lang.")) {
                String boxed = boxed(javaType);
                return new Property(name, boxed, number(boxed, defaultValue), description, false, deprecated);
            }
            String initialiser = defaultValue == null ? null : javaType + "." + defaultValue;
            return new Property(name, javaType, initialiser, description, false, deprecated);
        }

        String erasure() {
            return StarterConfigurationGenerator.erasure(javaType);
        }

        void field(StringBuilder out) {
            javadoc(out, description);
            out.append("    private ").append(javaType).append(' ').append(name);
            if (initialiser != null) {
                out.append(" = ").append(initialiser);
            }
            out.append(";\n\n");
        }

        void accessors(StringBuilder out) {
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (beanReference) {
                // Jackson (actuator configprops) must not walk a bean that may hold the CamelContext or secrets
                out.append("    @JsonIncludeProperties({})\n");
            }
            if (deprecated) {
                out.append("    @Deprecated\n");
            }
            out.append("    public ")
                    .append(javaType)
                    .append(" get")
                    .append(suffix)
                    .append("() {\n        return ")
                    .append(name)
                    .append(";\n    }\n\n");
            if (deprecated) {
                out.append("    @Deprecated\n");
            }
            out.append("    public void set")
                    .append(suffix)
                    .append('(')
                    .append(javaType)
                    .append(' ')
                    .append(name)
                    .append(") {\n        this.")
                    .append(name)
                    .append(" = ")
                    .append(name)
                    .append(";\n    }\n\n");
        }
    }

    /** Wrapped so that no line starts with {@code @}, which Javadoc would read as a block tag. */
    static void javadoc(StringBuilder out, String text) {
        String safe = text.replace("*/", "*&#47;").trim();
        out.append("    /**\n");
        StringBuilder line = new StringBuilder();
        for (String word : safe.split("\\s+")) {
            boolean fits = line.length() + 1 + word.length() <= LINE_WIDTH - 7;
            if (line.length() > 0 && (fits || word.startsWith("@"))) {
                line.append(' ').append(word);
            } else {
                if (line.length() > 0) {
                    out.append("     * ").append(line).append('\n');
                }
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            out.append("     * ").append(line).append('\n');
        }
        out.append("     */\n");
    }

    static String erasure(String javaType) {
        int generic = javaType.indexOf('<');
        return generic < 0 ? javaType : javaType.substring(0, generic);
    }

    private static String boxed(String javaType) {
        switch (javaType) {
            case "boolean":
                return "Boolean";
            case "int":
                return "Integer";
            case "long":
                return "Long";
            case "double":
                return "Double";
            case "float":
                return "Float";
            default:
                return javaType.startsWith("java.lang.") ? javaType.substring("java.lang.".length()) : javaType;
        }
    }

    private static String number(String boxed, String defaultValue) {
        if (defaultValue == null) {
            return null;
        }
        switch (boxed) {
            case "Long":
                return defaultValue + "L";
            case "Float":
                return defaultValue + "F";
            default:
                return defaultValue;
        }
    }

    /** 10s, 5m, 500ms as Duration.ofSeconds(10) ...: the forms Spring Boot's processor shows as the default. */
    private static String duration(String option, String defaultValue) {
        if (defaultValue == null) {
            return null;
        }
        Matcher matcher = SIMPLE_DURATION.matcher(defaultValue.trim());
        if (!matcher.matches()) {
            throw new IllegalStateException("The default " + defaultValue + " of the catalog option " + option
                    + " is not a single amount with one unit (ms, s, m, h, d), which StarterConfigurationGenerator"
                    + " can write as a Duration");
        }
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        String factory = switch (unit) {
            case "ms" -> "ofMillis";
            case "s" -> "ofSeconds";
            case "m" -> "ofMinutes";
            case "h" -> "ofHours";
            default -> "ofDays";
        };
        // Spring Boot's processor reads the default only from Duration.ofX(n) written with the simple name
        return "Duration." + factory + "(" + matcher.group(1) + ")";
    }

    private static String literal(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                default -> literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    private static final String LICENCE = """
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
            """;

    private static final String HEADER = """
            package %s;

            import java.time.Duration;
            import java.util.Set;

            import com.fasterxml.jackson.annotation.JsonIncludeProperties;
            import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
            import org.springframework.boot.context.properties.ConfigurationProperties;

            /**
             * The {@code camel.component.chimpypos.*} properties: one for every option of the chimpypos component,
             * with the description and default of the component catalog. Generated from the catalog by
             * {@code StarterConfigurationGenerator} (camel-chimpypos-starter/src/build/java); do not edit.
             *
             * <p>Object options take a bean reference, {@code #bean:name}, and show as {@code {}} in
             * {@code /actuator/configprops}: their beans are referenced, not described. Secret options are bound
             * like any property and masked by the actuator endpoints; this class has no {@code toString()} that
             * could print them.
             */
            @ConfigurationProperties(prefix = "camel.component.chimpypos")
            public class %s extends ComponentConfigurationPropertiesCommon {

            """;
}
