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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

/**
 * What the generator writes for options the component does not have yet, as other branches add them: an interface
 * typed bean option, a secret, a port, a duration default.
 */
class StarterConfigurationGeneratorTest {

    /** Fills a Javadoc line, so that the next word would start the following one. */
    private static final String LONG_WORD = "w".repeat(108);

    private static final String CATALOG = "{\"componentProperties\": {"
            + "\"httpClientConfigurer\": {\"type\": \"object\", \"javaType\":"
            + " \"org.apache.camel.component.http.HttpClientConfigurer\", \"description\": \"Adjusts the client.\"},"
            + "\"proxyAuthPassword\": {\"type\": \"string\", \"javaType\": \"java.lang.String\", \"secret\": true,"
            + " \"description\": \"Password of the proxy.\"},"
            + "\"proxyPort\": {\"type\": \"integer\", \"javaType\": \"java.lang.Integer\", \"description\": \"Port.\"},"
            + "\"tokenStoreTimeout\": {\"type\": \"duration\", \"javaType\": \"long\", \"defaultValue\": \"2m\","
            + " \"description\": \"" + LONG_WORD + " @TokenStore waits.\"},"
            + "\"oldOption\": {\"type\": \"boolean\", \"javaType\": \"boolean\", \"defaultValue\": true,"
            + " \"deprecated\": true, \"description\": \"Gone soon.\"}"
            + "}}";

    private final String source = render(CATALOG);

    @Test
    void aBeanOptionOfAnInterfaceTypeIsAReferenceTheConverterResolves() {
        assertThat(source)
                .contains("org.apache.camel.component.http.HttpClientConfigurer.class);")
                .contains(
                        "     * Adjusts the client. The option is a org.apache.camel.component.http.HttpClientConfigurer"
                                + " type.\n")
                .contains("private org.apache.camel.component.http.HttpClientConfigurer httpClientConfigurer;")
                .contains("    @JsonIncludeProperties({})\n"
                        + "    public org.apache.camel.component.http.HttpClientConfigurer getHttpClientConfigurer()");
    }

    @Test
    void aSecretIsAPlainPropertyWithoutToString() {
        // ChimpyPosSecrets masks it by the catalog's secret flag; nothing here may print it
        assertThat(source).contains("private String proxyAuthPassword;").doesNotContain("String toString()");
    }

    @Test
    void valuesAreBoxedAndDefaultsWrittenAsSpringBootReadsThem() {
        assertThat(source)
                .contains("private Integer proxyPort;")
                .contains("private Duration tokenStoreTimeout = Duration.ofMinutes(2);")
                .contains("private Boolean oldOption = true;")
                .contains("    @Deprecated\n    public Boolean getOldOption()");
    }

    @Test
    void noJavadocLineStartsWithATag() {
        // Javadoc would read "@TokenStore waits." as a block tag and drop it from the description
        assertThat(source).contains(LONG_WORD + " @TokenStore\n");
        assertThat(source.lines()).noneMatch(line -> line.matches("\\s+\\* @.*"));
    }

    @Test
    void anUnknownCatalogTypeStopsTheBuildNamingTheOption() {
        String catalog =
                "{\"componentProperties\": {\"hosts\": {\"type\": \"array\", \"javaType\": \"java.util.List\"}}}";
        assertThatThrownBy(() -> render(catalog))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hosts")
                .hasMessageContaining("array");
    }

    @Test
    void aCompositeDurationDefaultStopsTheBuildNamingTheOption() {
        String catalog = "{\"componentProperties\": {\"pause\": {\"type\": \"duration\", \"javaType\": \"long\","
                + " \"defaultValue\": \"1m30s\"}}}";
        assertThatThrownBy(() -> render(catalog)).hasMessageContaining("pause").hasMessageContaining("1m30s");
    }

    private static String render(String catalog) {
        try {
            return StarterConfigurationGenerator.render(StarterConfigurationGenerator.parse(new StringReader(catalog)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
