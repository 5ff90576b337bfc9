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
package io.github.chimpypos.examples.firstroute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code blocks of the documentation that are copies of real, tested files. A block is bound to its source by a
 * comment line right above it: {@code <!-- snippet: path -->} in Markdown, {@code // snippet: path} in AsciiDoc,
 * with the path from the repository root and an optional {@code #tag} naming the region between the source's
 * {@code tag::name[]} and {@code end::name[]} lines (such lines never show). A whole file is shown without its licence header (for Java:
 * from the first import on).
 */
final class DocSnippets {

    /** One bound block: where it is, what it shows, and what its source says it must show. */
    record Snippet(String document, int line, String reference, String shown, String expected) {}

    private static final Pattern MARKER = Pattern.compile("^(?:<!--|//)\\s*snippet:\\s*(\\S+?)\\s*(?:-->)?\\s*$");

    private static final Pattern TAG_LINE = Pattern.compile("(tag|end)::[\\w-]+\\[]");

    private final Path root;

    DocSnippets(Path root) {
        this.root = root;
    }

    /** The bound blocks of a document, in order. */
    List<Snippet> of(String document) {
        List<String> lines = read(root.resolve(document));
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (marker.matches()) {
                snippets.add(new Snippet(
                        document, i + 1, marker.group(1), blockAfter(document, lines, i), source(marker.group(1))));
            }
        }
        return snippets;
    }

    /** The code blocks of a Markdown document that carry no snippet marker, by their first line number. */
    List<Integer> unboundMarkdownBlocks(String document, List<String> freeLanguages) {
        List<String> lines = read(root.resolve(document));
        List<Integer> unbound = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            if (!inBlock) {
                String language = line.substring(3).trim();
                boolean marked =
                        i > 0 && MARKER.matcher(lines.get(i - 1).trim()).matches();
                if (!marked && !freeLanguages.contains(language)) {
                    unbound.add(i + 1);
                }
            }
            inBlock = !inBlock;
        }
        return unbound;
    }

    private static String blockAfter(String document, List<String> lines, int marker) {
        int open = marker + 1;
        if (open < lines.size() && lines.get(open).startsWith("[source")) {
            open++;
        }
        if (open >= lines.size()) {
            throw new IllegalStateException(document + ":" + (marker + 1) + ": no code block after the snippet marker");
        }
        String fence =
                lines.get(open).startsWith("```") ? "```" : lines.get(open).equals("----") ? "----" : null;
        if (fence == null) {
            throw new IllegalStateException(
                    document + ":" + (marker + 1) + ": the snippet marker must stand right above a code block");
        }
        List<String> body = new ArrayList<>();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(fence)) {
                return String.join("\n", body);
            }
            body.add(lines.get(i));
        }
        throw new IllegalStateException(document + ":" + (marker + 1) + ": the code block is not closed");
    }

    private String source(String reference) {
        int hash = reference.indexOf('#');
        String path = hash < 0 ? reference : reference.substring(0, hash);
        List<String> lines = read(root.resolve(path));
        List<String> region =
                hash < 0 ? withoutLicence(path, lines) : tagged(reference, lines, reference.substring(hash + 1));
        List<String> withoutTags =
                region.stream().filter(line -> !TAG_LINE.matcher(line).find()).toList();
        return String.join("\n", dedent(trimBlankEdges(withoutTags)));
    }

    private static List<String> withoutLicence(String path, List<String> lines) {
        if (path.endsWith(".java")) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("import ")) {
                    return lines.subList(i, lines.size());
                }
            }
        }
        if (path.endsWith(".xml")) {
            int open = lines.indexOf("<!--");
            int close = lines.indexOf("-->");
            if (open >= 0
                    && close > open
                    && String.join("\n", lines.subList(open, close)).contains("Licensed")) {
                List<String> rest = new ArrayList<>(lines.subList(0, open));
                rest.addAll(lines.subList(close + 1, lines.size()));
                return rest;
            }
        }
        return lines;
    }

    private static List<String> tagged(String reference, List<String> lines, String tag) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).contains("end::" + tag + "[]")) {
                return lines.subList(start, i);
            }
        }
        throw new IllegalStateException("No region tag::" + tag + "[] ... end::" + tag + "[] in " + reference);
    }

    private static List<String> trimBlankEdges(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to).stream().map(String::stripTrailing).toList();
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
