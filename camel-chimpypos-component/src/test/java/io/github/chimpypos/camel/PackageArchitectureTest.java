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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/architecture.md, read from the main sources: the root holds the Camel anatomy and the
 * public API only, and no sub-package depends on one that depends on it back (sub-packages may use the root's public
 * types: exceptions, constants, the operation enum, the configuration).
 */
class PackageArchitectureTest {

    private static final String BASE = "io.github.chimpypos.camel";
    private static final Path MAIN = Path.of("src/main/java/io/github/chimpypos/camel");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.chimpypos\\.camel\\.([a-z]\\w*)\\.");

    /** The Camel anatomy and the public API; exceptions are recognised by their superclass. */
    private static final Set<String> ROOT = Set.of(
            "ChimpyPosComponent",
            "ChimpyPosEndpoint",
            "ChimpyPosConfiguration",
            "ChimpyPosConstants",
            "ChimpyPosOperation",
            "ChimpyPosProducer",
            "ChimpyPosConsumer",
            "ChimpyPosException",
            // received by users' Camel event notifiers
            "ChimpyPosTokenEvent");

    @Test
    void theRootHoldsTheCamelAnatomyAndThePublicApiOnly() throws IOException {
        List<String> others = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String name = file.getFileName().toString().replace(".java", "");
                if (!ROOT.contains(name) && !isException(file)) {
                    others.add(name);
                }
            });
        }

        assertThat(others)
                .as("classes in the root package that are neither Camel anatomy nor public API")
                .isEmpty();
    }

    @Test
    void noSubPackageDependsOnOneThatDependsOnItBack() {
        Map<String, Set<String>> dependencies = dependencies();

        assertThat(dependencies).containsKeys("auth", "client", "model", "operability", "operation", "polling");
        assertThat(dependencies.get("auth"))
                .as("auth reaches HTTP through transport only")
                .doesNotContain("client");
        assertThat(dependencies.get("transport"))
                .as("transport is the bottom layer")
                .isEmpty();
        assertThat(cycles(dependencies)).isEmpty();
    }

    @Test
    void theCycleCheckFindsACycle() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
                .containsExactly("a -> b -> c -> a");
    }

    private static boolean isException(Path file) {
        return read(file).contains("extends ChimpyPos") && file.toString().endsWith("Exception.java");
    }

    /** Sub-package to the sub-packages its sources name, through imports or fully qualified names. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    return;
                }
                String from = relative.getName(0).toString();
                Set<String> to = dependencies.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(read(file));
                while (reference.find()) {
                    if (!reference.group(1).equals(from)) {
                        to.add(reference.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }

    /** Every cycle, as {@code a -> b -> a}, found from each package in name order. */
    static List<String> cycles(Map<String, Set<String>> dependencies) {
        Set<String> reported = new TreeSet<>();
        List<String> cycles = new ArrayList<>();
        for (String start : new TreeSet<>(dependencies.keySet())) {
            Deque<String> path = new ArrayDeque<>();
            path.addLast(start);
            walk(start, start, dependencies, path, cycles, reported);
        }
        return cycles;
    }

    private static void walk(
            String start,
            String current,
            Map<String, Set<String>> dependencies,
            Deque<String> path,
            List<String> cycles,
            Set<String> reported) {
        for (String next : new TreeSet<>(dependencies.getOrDefault(current, Set.of()))) {
            if (next.equals(start)) {
                if (reported.add(new TreeSet<>(path).toString())) {
                    cycles.add(String.join(" -> ", path) + " -> " + start);
                }
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.addLast(next);
                walk(start, next, dependencies, path, cycles, reported);
                path.removeLast();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
