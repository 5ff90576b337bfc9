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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A path template such as {@code /api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]}: every
 * {@code {name}} is replaced by its percent-encoded value (a {@code /} inside a value stays inside its segment), and a
 * {@code [...]} section is kept only when all of its variables have a value. Immutable and thread-safe.
 */
public final class PathTemplate {

    private final String template;
    private final List<Part> parts;
    private final Set<String> variables;

    private PathTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
        Set<String> all = new LinkedHashSet<>();
        for (Part part : parts) {
            for (Part inner : part.flatten()) {
                if (inner instanceof Variable variable) {
                    all.add(variable.name);
                }
            }
        }
        this.variables = Collections.unmodifiableSet(all);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException when the template does not start with {@code /}, has unbalanced or nested
     *                                  brackets, or an empty variable name
     */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/' but was '" + template + "'");
        }
        List<Part> parts = new ArrayList<>();
        List<Part> section = null;
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in '" + template + "'");
                }
                String name = template.substring(i + 1, end).trim();
                if (name.isEmpty() || name.contains("{")) {
                    throw new IllegalArgumentException("empty or malformed variable name in '" + template + "'");
                }
                flushLiteral(literal, section != null ? section : parts);
                (section != null ? section : parts).add(new Variable(name));
                i = end + 1;
                continue;
            }
            if (c == '[') {
                if (section != null) {
                    throw new IllegalArgumentException("nested '[' in '" + template + "'");
                }
                flushLiteral(literal, parts);
                section = new ArrayList<>();
            } else if (c == ']') {
                if (section == null) {
                    throw new IllegalArgumentException("unbalanced ']' in '" + template + "'");
                }
                flushLiteral(literal, section);
                parts.add(new Section(section));
                section = null;
            } else if (c == '}') {
                throw new IllegalArgumentException("unbalanced '}' in '" + template + "'");
            } else {
                literal.append(c);
            }
            i++;
        }
        if (section != null) {
            throw new IllegalArgumentException("unclosed '[' in '" + template + "'");
        }
        flushLiteral(literal, parts);
        return new PathTemplate(template, parts);
    }

    private static void flushLiteral(StringBuilder literal, List<Part> target) {
        if (literal.length() > 0) {
            target.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Every variable name the template uses, in order. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Expands the template.
     *
     * @param  values                   variable values; null or missing means absent
     * @throws IllegalArgumentException when a required variable has no value
     */
    public String expand(Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        for (Part part : parts) {
            part.appendTo(path, values, template);
        }
        return path.toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a value always stays one path segment. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template);
    }

    @Override
    public String toString() {
        return template;
    }

    private abstract static class Part {
        abstract void appendTo(StringBuilder path, Map<String, String> values, String template);

        List<Part> flatten() {
            return List.of(this);
        }
    }

    private static final class Literal extends Part {
        private final String text;

        Literal(String text) {
            this.text = text;
        }

        @Override
        void appendTo(StringBuilder path, Map<String, String> values, String template) {
            path.append(text);
        }
    }

    private static final class Variable extends Part {
        private final String name;

        Variable(String name) {
            this.name = name;
        }

        @Override
        void appendTo(StringBuilder path, Map<String, String> values, String template) {
            String value = values.get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(
                        "No value for path variable {" + name + "} of path template " + template);
            }
            path.append(encode(value));
        }
    }

    private static final class Section extends Part {
        private final List<Part> parts;

        Section(List<Part> parts) {
            this.parts = List.copyOf(parts);
        }

        @Override
        void appendTo(StringBuilder path, Map<String, String> values, String template) {
            for (Part part : parts) {
                if (part instanceof Variable variable) {
                    String value = values.get(variable.name);
                    if (value == null || value.isEmpty()) {
                        return;
                    }
                }
            }
            for (Part part : parts) {
                part.appendTo(path, values, template);
            }
        }

        @Override
        List<Part> flatten() {
            return parts;
        }
    }
}
