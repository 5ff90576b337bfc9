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
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The component jar is an OSGi bundle whose manifest Karaf can resolve on every supported Camel LTS line. */
class BundleManifestTest {

    private static final String API_PACKAGE = "io.github.chimpypos.camel";

    private static Path bundle;
    private static Attributes manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        bundle = CodeSource.jarOf(ChimpyPosComponent.class);
        try (JarFile jar = new JarFile(bundle.toFile())) {
            manifest = jar.getManifest().getMainAttributes();
        }
    }

    @Test
    void isABundleWithAStableSymbolicName() {
        assertThat(manifest.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("io.github.chimpypos.camel-chimpypos");
        assertThat(Version.parseVersion(manifest.getValue("Bundle-Version")).getWithoutQualifier())
                .isEqualTo(apiVersion());
        assertThat(manifest.getValue("Require-Capability")).contains("(osgi.ee=JavaSE)(version=17)");
    }

    @Test
    void exportsExactlyTheApiPackagesAtTheBundleVersion() {
        Parameters exports = header("Export-Package");

        assertThat(exports.keySet())
                .containsExactlyInAnyOrder(
                        API_PACKAGE, API_PACKAGE + ".auth", API_PACKAGE + ".model", API_PACKAGE + ".store");
        exports.forEach((name, attrs) -> assertThat(Version.parseVersion(attrs.getVersion()))
                .as("version of exported %s", name)
                .isEqualTo(apiVersion()));
    }

    @Test
    void keepsEveryInternalPackagePrivate() throws IOException {
        Parameters exports = header("Export-Package");
        try (JarFile jar = new JarFile(bundle.toFile())) {
            assertThat(jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.endsWith(".class"))
                            .map(name ->
                                    name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
                            .distinct()
                            .filter(name -> !exports.containsKey(name)))
                    .as("packages inside the bundle that are not exported")
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(name).startsWith(API_PACKAGE + "."));
        }
    }

    @Test
    void importsCamelFromTheOldestSupportedLtsLineUpToTheNextMajor() {
        Map<String, Attrs> camel = imports("org.apache.camel");

        assertThat(camel).containsKeys("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support");
        camel.forEach((name, attrs) -> assertRange(name, attrs, "[4.14,5)"));
        for (String lts : new String[] {"4.14.5", "4.14.9", "4.18.0", "4.22.0"}) {
            assertThat(new VersionRange("[4.14,5)").includes(Version.parseVersion(lts)))
                    .isTrue();
        }
    }

    @Test
    void camelHealthAndManagementAreOptionalAndCoreCamelIsNot() {
        assertThat(resolution("org.apache.camel.impl.health")).isEqualTo("optional");
        assertThat(resolution("org.apache.camel.api.management")).isEqualTo("optional");
        assertThat(resolution("org.apache.camel")).isNull();
        assertThat(resolution("org.apache.camel.support")).isNull();
    }

    /**
     * Not optional: the component's own option type comes from camel-http, so without it the component class cannot
     * even load (camel-karaf's camel-http feature provides it, see the features XML).
     */
    @Test
    void camelHttpIsARequiredImportBecauseTheConfigurationCarriesItsType() throws Exception {
        Class<?> configurerType = ChimpyPosConfiguration.class
                .getDeclaredField("httpClientConfigurer")
                .getType();

        assertThat(configurerType.getPackageName()).isEqualTo("org.apache.camel.component.http");
        assertThat(ChimpyPosComponent.class.getMethod("bearerAuthConfigurer").getReturnType())
                .isEqualTo(configurerType);
        assertThat(resolution(configurerType.getPackageName())).isNull();
        assertRange(
                configurerType.getPackageName(),
                header("Import-Package").get(configurerType.getPackageName()),
                "[4.14,5)");
    }

    @Test
    void importsHttpClient56AndJacksonWithRanges() {
        imports("org.apache.hc.client5").forEach((name, attrs) -> assertRange(name, attrs, "[5.6,6)"));
        imports("org.apache.hc.core5").forEach((name, attrs) -> assertRange(name, attrs, "[5.4,6)"));
        imports("com.fasterxml.jackson").forEach((name, attrs) -> assertRange(name, attrs, "[2.16,3)"));
        assertThat(imports("org.apache.hc.client5")).containsKey("org.apache.hc.client5.http.impl.classic");
        assertThat(imports("com.fasterxml.jackson")).containsKey("com.fasterxml.jackson.databind");
    }

    @Test
    void everyThirdPartyImportIsVersioned() {
        header("Import-Package").forEach((name, attrs) -> {
            if (!name.startsWith("javax.") && !name.startsWith(API_PACKAGE)) {
                assertThat(attrs.getVersion())
                        .as("version range of imported %s", name)
                        .isNotNull();
            }
        });
        assertThat(header("Import-Package").keySet())
                .as("jjwt is a test-only dependency")
                .noneMatch(name -> name.startsWith("io.jsonwebtoken"));
    }

    @Test
    void carriesCamelsGeneratedServiceDescriptors() throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            for (String service : new String[] {
                "component/chimpypos",
                "configurer/chimpypos-component",
                "configurer/chimpypos-endpoint",
                "urifactory/chimpypos-endpoint",
                "dev-console/chimpypos"
            }) {
                assertThat(jar.getEntry("META-INF/services/org/apache/camel/" + service))
                        .as(service)
                        .isNotNull();
            }
        }
    }

    @Test
    void theEmulatorStaysAPlainJar() throws IOException {
        try (JarFile jar = new JarFile(CodeSource.jarOf(ChimpyPosEmulator.class).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                    .isNull();
        }
    }

    private static Version apiVersion() {
        return Version.parseVersion(header("Export-Package").get(API_PACKAGE).getVersion());
    }

    private static void assertRange(String name, Attrs attrs, String expected) {
        assertThat(new VersionRange(attrs.getVersion()).toString())
                .as("version range of imported %s", name)
                .isEqualTo(new VersionRange(expected).toString());
    }

    private static String resolution(String name) {
        Attrs attrs = header("Import-Package").get(name);
        assertThat(attrs).as("import of %s", name).isNotNull();
        return attrs.get("resolution:");
    }

    private static Map<String, Attrs> imports(String prefix) {
        Map<String, Attrs> selected = new TreeMap<>();
        header("Import-Package").forEach((name, attrs) -> {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                selected.put(name, attrs);
            }
        });
        return selected;
    }

    private static Parameters header(String name) {
        return new Parameters(manifest.getValue(name));
    }
}
