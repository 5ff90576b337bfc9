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

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The page's minimal pom (minimal-pom.xml) asks for what this module runs on, in the versions the build uses. */
class MinimalPomTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void hasThisModulesRuntimeDependenciesInTheBuildsVersions() throws Exception {
        Document minimal = parse(MODULE.resolve("minimal-pom.xml"));
        Document module = parse(MODULE.resolve("pom.xml"));
        Document parent = parse(MODULE.resolve("../../pom.xml"));

        Map<String, String> asked = dependencies(minimal);
        Map<String, String> used = dependencies(module);
        used.values().removeIf("test"::equals);
        assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(used.keySet());

        String projectVersion = text(parent.getDocumentElement(), "version");
        assertThat(versionOf(minimal, "camel-chimpypos")).isEqualTo(projectVersion);
        assertThat(versionOf(minimal, "chimpypos-emulator")).isEqualTo(projectVersion);
        assertThat(versionOf(minimal, "camel-bom")).isEqualTo(property(parent, "camel.version"));
        assertThat(versionOf(minimal, "log4j-slf4j2-impl")).isEqualTo(property(parent, "log4j2.version"));
        assertThat(versionOf(minimal, "exec-maven-plugin")).isEqualTo(property(parent, "exec-maven-plugin.version"));
        assertThat(property(minimal, "maven.compiler.release")).isEqualTo(property(parent, "maven.compiler.release"));
    }

    /** groupId:artifactId to scope (empty for compile) of the project's own dependencies. */
    private static Map<String, String> dependencies(Document pom) {
        Element list = child(pom.getDocumentElement(), "dependencies");
        Map<String, String> result = new TreeMap<>();
        NodeList nodes = list.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            result.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), text(dependency, "scope"));
        }
        return result;
    }

    private static String versionOf(Document pom, String artifactId) {
        NodeList artifacts = pom.getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            if (artifacts.item(i).getTextContent().equals(artifactId)) {
                return text((Element) artifacts.item(i).getParentNode(), "version");
            }
        }
        throw new AssertionError("No " + artifactId + " in the minimal pom");
    }

    private static String property(Document pom, String name) {
        return text(child(pom.getDocumentElement(), "properties"), name);
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("No <" + name + "> under <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
