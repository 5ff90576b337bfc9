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
package io.github.chimpypos.camel.operation;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.auth.GrantType;
import io.github.chimpypos.camel.auth.TokenRequestFormat;
import io.github.chimpypos.camel.transport.HttpsUrls;

/**
 * Fails fast, before any network call, with an {@link IllegalArgumentException} that names the option (or header)
 * and the accepted values. Messages never contain a secret.
 */
public final class OptionValidation {

    private static final String RENTAL_TYPES = "pickup, return";
    private static final Set<Integer> SLIP_WIDTHS = Set.of(32, 42);

    private OptionValidation() {}

    /** Before Camel converts the URI parameters: a typo names the option and the accepted values. */
    public static void rawUriOptions(Map<String, Object> parameters) {
        enumOption("grantType", parameters.get("grantType"), GrantType.class);
        enumOption("tokenRequestFormat", parameters.get("tokenRequestFormat"), TokenRequestFormat.class);
        integerOption("slipWidth", parameters.get("slipWidth"));
        integerOption("supportCode", parameters.get("supportCode"));
        integerOption("proxyPort", parameters.get("proxyPort"));
    }

    /** Everything of an endpoint that does not depend on the message; the component checks it at endpoint creation. */
    public static void endpoint(ChimpyPosConfiguration configuration) {
        HttpsUrls.require("apiUrl", configuration.getApiUrl(), configuration.isAllowInsecureHttp());
        if (configuration.getTokenProvider() == null) {
            tokenOptions(configuration);
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
        proxyOptions(configuration);
        OperationTable.all().forEach(spec -> spec.pathTemplate(configuration));
    }

    /**
     * The options of the token lifecycle, for an endpoint without its own tokenProvider and for the Spring Boot
     * starter's shared provider: {@link io.github.chimpypos.camel.auth.TokenProviderSettings#validate()}, the same
     * check a provider built in Java gets, with the option names as users set them.
     */
    public static void tokenOptions(ChimpyPosConfiguration configuration) {
        // first, so that the URL parses before it becomes the settings' URI
        HttpsUrls.require("tokenUrl", configuration.getTokenUrl(), configuration.isAllowInsecureHttp());
        // the token client goes through the same proxy as the API client
        proxyOptions(configuration);
        configuration.toTokenProviderSettings(null, Clock.systemUTC()).validate();
    }

    /**
     * proxyHost with a valid proxyPort, both proxy credentials or none, and no proxy option without proxyHost (it
     * would be silently ignored, or mixed with the JVM's proxy properties).
     */
    public static void proxyOptions(ChimpyPosConfiguration configuration) {
        boolean host = configuration.getProxyHost() != null
                && !configuration.getProxyHost().isBlank();
        if (!host) {
            String orphan = configuration.getProxyPort() != null
                    ? "proxyPort"
                    : configuration.getProxyAuthUsername() != null
                            ? "proxyAuthUsername"
                            : configuration.getProxyAuthPassword() != null ? "proxyAuthPassword" : null;
            if (orphan != null) {
                throw new IllegalArgumentException(
                        "Invalid option " + orphan + ": it needs proxyHost, the host of the forward proxy");
            }
            if (configuration.getProxyPort() == null && configuration.getNonProxyHosts() != null) {
                // nonProxyHosts alone is harmless only if the JVM names a proxy; say so rather than ignore it
                if (!configuration.toProxySettings().isConfigured()) {
                    throw new IllegalArgumentException("Invalid option nonProxyHosts: it needs proxyHost (or the"
                            + " JVM system property https.proxyHost), otherwise every host is reached directly");
                }
            }
        } else if (configuration.getProxyPort() == null) {
            throw new IllegalArgumentException(
                    "Missing option proxyPort: proxyHost " + configuration.getProxyHost() + " needs its port");
        }
        configuration.toProxySettings().validate();
    }

    /** What a consumer needs beside its keys (which {@code PollKeys} checks), at route start. */
    public static void consumer(long delay, ChimpyPosConfiguration configuration) {
        if (delay <= 0) {
            throw new IllegalArgumentException("Invalid option delay " + delay
                    + "; must be positive: the time between two polls (default 60000 ms)");
        }
        int concurrent = configuration.getMaxConcurrentRequests();
        if (concurrent < 1) {
            throw new IllegalArgumentException("Invalid option maxConcurrentRequests " + concurrent
                    + "; must be at least 1 (1 polls the keys one after the other)");
        }
        if (configuration.getHttpClient() == null && concurrent > configuration.getMaxConnections()) {
            throw new IllegalArgumentException("Invalid option maxConcurrentRequests " + concurrent
                    + "; must not exceed maxConnections (" + configuration.getMaxConnections() + ")");
        }
        if (configuration.getMaxRequestsPerPoll() < 0) {
            throw new IllegalArgumentException("Invalid option maxRequestsPerPoll "
                    + configuration.getMaxRequestsPerPoll() + "; must not be negative (0 polls every key every time)");
        }
        if (configuration.isClusteredPolling() && configuration.getTokenStore() == null) {
            throw new IllegalArgumentException("Option clusteredPolling needs option tokenStore: the instances share"
                    + " the poll lease and the last-seen state through it (a JdbcTokenStore or HazelcastTokenStore"
                    + " bean that every instance uses)");
        }
        double fraction = configuration.getSpreadFraction();
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "Invalid option spreadFraction " + fraction + "; must be above 0 and at most 1");
        }
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
    private static <E extends Enum<E>> void enumOption(String option, Object value, Class<E> type) {
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
    private static void integerOption(String option, Object value) {
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
}
