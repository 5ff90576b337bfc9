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

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.chimpypos.camel.client.PathTemplate;

/**
 * Fails fast, before any network call, with an {@link IllegalArgumentException} that names the option (or header)
 * and the accepted values. Messages never contain a secret.
 */
final class ChimpyPosValidation {

    static final String RENTAL_TYPES = "pickup, return";
    static final Set<Integer> SLIP_WIDTHS = Set.of(32, 42);

    private ChimpyPosValidation() {}

    /** Everything that does not depend on the message. */
    static void validateEndpointConfiguration(ChimpyPosConfiguration configuration) {
        requireUrl("apiUrl", configuration.getApiUrl(), configuration.isAllowInsecureHttp());
        if (configuration.getTokenProvider() == null) {
            requireUrl("tokenUrl", configuration.getTokenUrl(), configuration.isAllowInsecureHttp());
            configuration.toTokenProviderSettings(null, Clock.systemUTC()).validate();
        }
        if (configuration.getRentalType() != null) {
            rentalType("option rentalType", configuration.getRentalType());
        }
        if (configuration.getSlipWidth() != null) {
            slipWidth("option slipWidth", configuration.getSlipWidth());
        }
        requirePositive("connectTimeout", configuration.getConnectTimeout());
        requirePositive("responseTimeout", configuration.getResponseTimeout());
        requireNotNegative("ioErrorReplays", configuration.getIoErrorReplays());
        requirePositive("maxConnections", configuration.getMaxConnections());
        for (ChimpyPosOperation operation : ChimpyPosOperation.values()) {
            pathTemplate(operation, configuration);
        }
    }

    /** Parses the path template of an operation and checks it uses only the variables the operation fills. */
    static PathTemplate pathTemplate(ChimpyPosOperation operation, ChimpyPosConfiguration configuration) {
        String option = ChimpyPosRequests.pathOption(operation);
        String template = ChimpyPosRequests.pathTemplate(operation, configuration);
        PathTemplate parsed;
        try {
            parsed = PathTemplate.parse(template);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option " + option + ": " + e.getMessage(), e);
        }
        Set<String> accepted = ChimpyPosRequests.pathVariables(operation);
        for (String variable : parsed.variables()) {
            if (!accepted.contains(variable)) {
                throw new IllegalArgumentException("Invalid option " + option + ": unknown variable {" + variable
                        + "}; accepted variables: "
                        + accepted.stream().map(v -> "{" + v + "}").collect(Collectors.joining(", ")));
            }
        }
        return parsed;
    }

    /** An absolute https:// URL with a host, without user info, query or fragment. */
    static URI requireUrl(String option, String value, boolean allowInsecureHttp) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing required option " + option + " (an https:// URL)");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Invalid option " + option + ": not a URL (" + e.getReason() + " at index " + e.getIndex() + ")",
                    e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException(
                    "Invalid option " + option + ": the URL must start with https:// but was " + safe(uri));
        }
        if ("http".equals(scheme) && !allowInsecureHttp) {
            throw new IllegalArgumentException("Invalid option " + option + ": plain http:// is rejected because"
                    + " tokens and credentials would travel in clear text; use https:// (allowInsecureHttp=true"
                    + " exists for tests against a local server only)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Invalid option " + option + ": the URL has no host: " + safe(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Invalid option " + option
                    + ": credentials in the URL are not supported; use the username and password options");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "Invalid option " + option + ": the URL must not have a query or fragment: " + safe(uri));
        }
        return uri;
    }

    static String rentalType(String source, String value) {
        if (!"pickup".equals(value) && !"return".equals(value)) {
            throw new IllegalArgumentException(
                    "Invalid " + source + " '" + value + "'; accepted values: " + RENTAL_TYPES);
        }
        return value;
    }

    static Integer slipWidth(String source, Integer value) {
        if (!SLIP_WIDTHS.contains(value)) {
            throw new IllegalArgumentException("Invalid " + source + " " + value + "; accepted values: 32, 42");
        }
        return value;
    }

    /**
     * Checks a raw enum option value before Camel converts it, so that a typo names the option and the accepted
     * values instead of failing deep in the type conversion. Matching is case-insensitive like Camel's.
     */
    static <E extends Enum<E>> void enumOption(String option, Object value, Class<E> type) {
        if (!(value instanceof String text) || text.startsWith("#")) {
            return;
        }
        boolean known =
                Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equalsIgnoreCase(text));
        if (!known) {
            throw new IllegalArgumentException("Invalid option " + option + " '" + text + "'; accepted values: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Checks a raw integer option value before Camel converts it. */
    static void integerOption(String option, Object value) {
        if (value instanceof String text
                && !text.startsWith("#")
                && !text.trim().matches("-?\\d+")) {
            throw new IllegalArgumentException("Invalid option " + option + " '" + text + "'; expected an integer"
                    + ("slipWidth".equals(option) ? " (accepted values: 32, 42)" : ""));
        }
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid option " + option + " " + value + "; must be positive");
        }
    }

    private static void requireNotNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid option " + option + " " + value + "; must not be negative");
        }
    }

    /** The URL without user info, which may hold credentials. */
    private static String safe(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : "(URL with credentials)";
    }
}
