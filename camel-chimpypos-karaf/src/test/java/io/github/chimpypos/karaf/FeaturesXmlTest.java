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
package io.github.chimpypos.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import io.github.chimpypos.camel.ChimpyPosComponent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The features repository is valid Karaf XML and its feature fits the camel-karaf repository it builds on. */
class FeaturesXmlTest {

    private static final String FEATURES_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";

    // the features of camel-karaf that karaf-check-features.xml replaces with test-only stand-ins
    private static final Map<String, String> STAND_INS =
            Map.of("camel-core", "camel-core-upstream", "camel-http", "camel-http-upstream");

    private final Path features = Path.of(System.getProperty("features.xml"));
    private final Path camelKarafFeatures = Path.of(System.getProperty("camel-karaf.features.xml"));
    // test only: what karaf-check.sh installs to run a real exchange without camel-karaf's bundles
    private final Path karafCheckFeatures = Path.of(System.getProperty("karaf-check.features.xml"));

    @Test
    void isValidAgainstTheKarafFeaturesSchema() throws Exception {
        assertValidFeaturesXml(features);
    }

    @Test
    void theKarafCheckRepositoryIsValidToo() throws Exception {
        assertValidFeaturesXml(karafCheckFeatures);
    }

    private void assertValidFeaturesXml(Path file) throws Exception {
        URL xsd = getClass().getResource("/org/apache/karaf/features/karaf-features-1.6.0.xsd");
        assertThat(xsd).as("the XSD inside org.apache.karaf.features.core").isNotNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(xsd)
                .newValidator()
                .validate(new StreamSource(file.toFile()));
        assertThat(Files.readString(file)).doesNotContain("${");
    }

    /**
     * The exchange karaf-check.sh runs proves our feature only if the check feature brings the same bundles, with
     * camel-karaf's camel-core and camel-http swapped for stand-ins built from the Camel release camel-karaf
     * repackages.
     */
    @Test
    void theKarafCheckFeatureIsOursWithCamelCoreAndCamelHttpSwappedForTheUpstreamStandIns() throws Exception {
        Document check = parse(karafCheckFeatures);
        Document camelKaraf = parse(camelKarafFeatures);
        Element ours = feature(parse(features), "camel-chimpypos").orElseThrow();
        Element checkFeature = feature(check, "camel-chimpypos-karaf-check").orElseThrow();
        Element standIn = feature(check, "camel-core-upstream").orElseThrow();
        String camelVersion = standIn.getAttribute("version");

        assertThat(camelVersion).isEqualTo(camelKarafVersion(camelKaraf));
        assertThat(texts(checkFeature, "bundle"))
                .containsExactlyElementsOf(Stream.concat(
                                texts(ours, "bundle").stream(),
                                Stream.of("mvn:io.github.chimpypos/camel-chimpypos-karaf-check/"
                                        + System.getProperty("project.version")))
                        .toList());
        assertThat(texts(checkFeature, "feature"))
                .containsExactlyElementsOf(texts(ours, "feature").stream()
                        .map(name -> STAND_INS.getOrDefault(name, name))
                        .toList());
        Element jackson = requirement(checkFeature, "jackson");
        Element oursJackson = requirement(ours, "jackson");
        assertThat(new VersionRange(oursJackson.getAttribute("version"))
                        .includes(Version.parseVersion(jackson.getAttribute("version"))))
                .isTrue();
        assertThat(texts(standIn, "bundle"))
                .allSatisfy(url -> assertThat(url)
                        .matches("wrap:mvn:org\\.apache\\.camel/camel-[a-z-]+/" + camelVersion.replace(".", "\\.")
                                + "\\$.*Export-Package=org\\.apache\\.camel\\.\\*;version=.*"
                                + "|mvn:org\\.apache\\.camel\\.karaf/camel-core-osgi/.*"))
                .contains("mvn:org.apache.camel.karaf/camel-core-osgi/" + camelKarafVersion(camelKaraf));
    }

    /**
     * camel-karaf's camel-http feature rebuilt: the camel-http jars of the Camel line it repackages (camel-http itself
     * from the same 4.14 line, as 4.14.5's is not served here), wrapped like the core stand-in, on that stand-in and on
     * the servlet API version camel-karaf's feature accepts.
     */
    @Test
    void theCamelHttpStandInWrapsTheCamelHttpJarsOfTheSameLine() throws Exception {
        Document check = parse(karafCheckFeatures);
        Document camelKaraf = parse(camelKarafFeatures);
        Element standIn = feature(check, "camel-http-upstream").orElseThrow();
        Element camelKarafHttp = feature(camelKaraf, "camel-http").orElseThrow();
        String camelVersion = camelKarafVersion(camelKaraf);

        assertThat(standIn.getAttribute("version")).isEqualTo(camelVersion);
        assertThat(texts(standIn, "bundle"))
                .allSatisfy(url -> assertThat(url)
                        .matches("wrap:mvn:org\\.apache\\.camel/camel-http(-base|-common)?/4\\.14\\.[0-9]+\\$.*"
                                + "Export-Package=org\\.apache\\.camel\\.\\*;version=4\\.14\\.[0-9]+&.*"))
                .anySatisfy(url -> assertThat(url).startsWith("wrap:mvn:org.apache.camel/camel-http/4.14."))
                .contains(
                        wrappedCamelJar("camel-http-base", camelVersion),
                        wrappedCamelJar("camel-http-common", camelVersion));
        assertThat(requirement(standIn, "camel-core-upstream").getAttribute("version"))
                .isEqualTo(camelVersion);
        VersionRange servletRange =
                new VersionRange(requirement(camelKarafHttp, "jakarta-servlet").getAttribute("version"));
        assertThat(servletRange.includes(Version.parseVersion(
                        requirement(standIn, "jakarta-servlet").getAttribute("version"))))
                .isTrue();
    }

    private static String wrappedCamelJar(String artifact, String version) {
        return "wrap:mvn:org.apache.camel/" + artifact + "/" + version + "$Bundle-SymbolicName=wrap_org.apache.camel."
                + artifact + "&Bundle-Version=" + version + "&Export-Package=org.apache.camel.*;version=" + version
                + "&Import-Package=*;resolution:=optional";
    }

    @Test
    void requiresCamelCoreCamelHttpAndJacksonThatTheCamelKarafRepositoryProvides() throws Exception {
        Document ours = parse(features);
        Document camelKaraf = parse(camelKarafFeatures);
        Element feature = feature(ours, "camel-chimpypos").orElseThrow();

        assertThat(texts(ours.getDocumentElement(), "repository"))
                .containsExactly(
                        "mvn:org.apache.camel.karaf/apache-camel/" + camelKarafVersion(camelKaraf) + "/xml/features");
        List<Element> required = children(feature, "feature");
        assertThat(required)
                .extracting(Element::getTextContent)
                .containsExactlyInAnyOrder("camel-core", "camel-http", "jackson");
        for (Element requirement : required) {
            VersionRange range = new VersionRange(requirement.getAttribute("version"));
            assertThat(versionsOf(camelKaraf, requirement.getTextContent()))
                    .as("camel-karaf's %s versions within %s", requirement.getTextContent(), range)
                    .anyMatch(range::includes);
        }
    }

    @Test
    void bringsTheHttpClientTheBundleImportsBecauseCamelKarafsIsTooOld() throws Exception {
        Parameters imports = componentImports();
        VersionRange client = new VersionRange(
                imports.get("org.apache.hc.client5.http.impl.classic").getVersion());
        VersionRange core =
                new VersionRange(imports.get("org.apache.hc.core5.http").getVersion());
        Element feature = feature(parse(features), "camel-chimpypos").orElseThrow();
        List<String> bundles = texts(feature, "bundle");

        assertThat(bundles).anySatisfy(url -> assertWrapped(url, "httpclient5", client));
        assertThat(bundles).anySatisfy(url -> assertWrapped(url, "httpcore5", core));
        assertThat(bundles)
                .contains("mvn:io.github.chimpypos/camel-chimpypos/" + System.getProperty("project.version"));
        assertThat(versionsOf(parse(camelKarafFeatures), "http-client"))
                .as("camel-karaf's http-client feature cannot serve the component")
                .noneMatch(client::includes);
    }

    private static void assertWrapped(String url, String artifact, VersionRange range) {
        assertThat(url).startsWith("wrap:mvn:").contains("/" + artifact + "/");
        String version = url.substring(url.indexOf("/" + artifact + "/") + artifact.length() + 2, url.indexOf('$'));
        assertThat(range.includes(Version.parseVersion(version))).as(url).isTrue();
        assertThat(url).contains("Export-Package=*;version=" + version);
    }

    private static Parameters componentImports() throws IOException {
        try (JarFile jar =
                new JarFile(CodeSource.jarOf(ChimpyPosComponent.class).toFile())) {
            return new Parameters(jar.getManifest().getMainAttributes().getValue("Import-Package"));
        }
    }

    private static String camelKarafVersion(Document camelKaraf) {
        return camelKaraf.getDocumentElement().getAttribute("name").replace("camel-", "");
    }

    private static Stream<Version> versionsOf(Document document, String name) {
        return children(document.getDocumentElement(), "feature").stream()
                .filter(feature -> feature.getAttribute("name").equals(name))
                .map(feature -> Version.parseVersion(feature.getAttribute("version")));
    }

    private static Element requirement(Element feature, String name) {
        return children(feature, "feature").stream()
                .filter(f -> f.getTextContent().trim().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(feature.getAttribute("name") + " does not require " + name));
    }

    private static Optional<Element> feature(Document document, String name) {
        return children(document.getDocumentElement(), "feature").stream()
                .filter(feature -> feature.getAttribute("name").equals(name))
                .findFirst();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream()
                .map(e -> e.getTextContent().trim())
                .toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(FEATURES_NS, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
