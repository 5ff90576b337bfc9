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
package io.github.chimpypos.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.chimpypos.camel.ChimpyPosComponent;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/** Which properties hold secrets, from the component catalog ({@code "secret": true}) and Spring Boot's heuristics. */
final class ChimpyPosSecrets {

    static final String CATALOG = "META-INF/io/github/chimpypos/camel/chimpypos.json";

    private static final String NORMALIZED_PREFIX = normalize(ChimpyPosComponentAutoConfiguration.PREFIX);

    private ChimpyPosSecrets() {}

    /**
     * Masks the value of every key that is likely a credential (ends in password, secret, key or token, or contains
     * credentials, in any case and separator style) and of every chimpypos option the catalog marks secret, in
     * properties, relaxed names and environment variables alike.
     */
    static SanitizingFunction sanitizingFunction() {
        Set<String> secretOptions = secretOptionNames();
        return SanitizingFunction.sanitizeValue()
                .ifLikelyCredential()
                .ifMatches((SanitizableData data) -> isSecretOption(data.getKey(), secretOptions));
    }

    /** The names of the component options marked secret in the catalog, e.g. password and clientSecret. */
    static Set<String> secretOptionNames() {
        try (InputStream in = ChimpyPosComponent.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("The chimpypos component catalog " + CATALOG + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonObject catalog = (JsonObject) Jsoner.deserialize(reader);
                Set<String> names = new TreeSet<>();
                for (Map.Entry<?, ?> option :
                        catalog.getMap("componentProperties").entrySet()) {
                    if (Boolean.TRUE.equals(((Map<?, ?>) option.getValue()).get("secret"))) {
                        names.add(String.valueOf(option.getKey()));
                    }
                }
                return names;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DeserializationException e) {
            throw new IllegalStateException("The chimpypos component catalog " + CATALOG + " is not JSON", e);
        }
    }

    static boolean isSecretOption(String key, Set<String> secretOptions) {
        if (key == null) {
            return false;
        }
        String normalized = normalize(key);
        if (!normalized.startsWith(NORMALIZED_PREFIX)) {
            return false;
        }
        String option = normalized.substring(NORMALIZED_PREFIX.length());
        return secretOptions.stream().anyMatch(secret -> option.equals(normalize(secret)));
    }

    /** camel.component.chimpypos.client-secret, CAMEL_COMPONENT_CHIMPYPOS_CLIENTSECRET, ... all become one form. */
    private static String normalize(String key) {
        StringBuilder normalized = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                normalized.append(Character.toLowerCase(c));
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
    }
}
