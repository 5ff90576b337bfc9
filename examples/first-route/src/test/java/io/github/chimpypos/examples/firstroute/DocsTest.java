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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documentation shows the code this module compiles and runs: every bound code block equals its source, the
 * first-route page has no unbound code, and no document points outside the repository.
 */
class DocsTest {

    private static final Path ROOT =
            Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Pattern RELATIVE_LINK =
            Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)|link:([^\\[\\s]+)\\[");

    private final DocSnippets snippets = new DocSnippets(ROOT);

    @ParameterizedTest
    @CsvSource({
        "docs/first-route.md, 6",
        "docs/emulator.md, 2",
        "docs/configuration.md, 1",
        "camel-chimpypos-component/src/main/docs/chimpypos-component.adoc, 2"
    })
    void boundCodeBlocksShowTheirSourceExactly(String document, int atLeast) {
        List<DocSnippets.Snippet> bound = snippets.of(document);

        assertThat(bound).hasSizeGreaterThanOrEqualTo(atLeast);
        for (DocSnippets.Snippet snippet : bound) {
            assertThat(snippet.shown())
                    .as("%s:%d shows %s", snippet.document(), snippet.line(), snippet.reference())
                    .isEqualTo(snippet.expected());
        }
    }

    @Test
    void theFirstRoutePageShowsOnlyTestedCode() {
        assertThat(snippets.unboundMarkdownBlocks("docs/first-route.md", List.of("bash", "text")))
                .as("lines of code blocks in docs/first-route.md without a snippet marker (bash and text are free)")
                .isEmpty();
    }

    @Test
    void noDocumentPointsOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path document : documents()) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            String name = ROOT.relativize(document).toString();
            if (text.contains("shared/chimpy-pos-api.md") || text.contains("../shared")) {
                outside.add(name + ": cites the shared notes, which are not in the repository");
            }
            Matcher link = RELATIVE_LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (target.contains("://") || target.startsWith("mailto:") || target.contains("$")) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    outside.add(name + ": " + target);
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".md") || file.toString().endsWith(".adoc"))
                    .filter(file -> {
                        String relative = ROOT.relativize(file).toString();
                        return !relative.contains("target/") && !relative.startsWith(".") && !relative.contains("/.");
                    })
                    .toList();
        }
    }
}
