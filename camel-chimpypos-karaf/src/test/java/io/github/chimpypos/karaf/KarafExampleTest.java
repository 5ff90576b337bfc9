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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Karaf example takes every connection value from config admin and names no secret in the route file. */
class KarafExampleTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("example.dir"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(chimpypos\\.[A-Za-z]+)}}");

    @Test
    void everyPlaceholderOfTheRouteIsInTheConfigAdminFile() throws IOException {
        String route = Files.readString(EXAMPLE.resolve("deploy/chimpypos-station-pricing.xml"));
        Properties cfg = new Properties();
        try (Reader reader = Files.newBufferedReader(EXAMPLE.resolve("etc/io.github.chimpypos.cfg"))) {
            cfg.load(reader);
        }

        Matcher placeholders = PLACEHOLDER.matcher(route);
        int count = 0;
        while (placeholders.find()) {
            assertThat(cfg).containsKey(placeholders.group(1));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(8);
        assertThat(route).contains("persistent-id=\"io.github.chimpypos\"");
        assertThat(route).contains("<property name=\"password\" value=\"{{chimpypos.password}}\"/>");
        assertThat(route).doesNotContain(cfg.getProperty("chimpypos.password"));
    }
}
