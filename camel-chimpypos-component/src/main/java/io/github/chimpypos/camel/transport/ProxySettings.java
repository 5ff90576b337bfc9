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
package io.github.chimpypos.camel.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hc.core5.http.HttpHost;

/**
 * The forward proxy of the token and API clients: explicit options, else the JVM's {@code https.proxyHost},
 * {@code https.proxyPort} and {@code http.nonProxyHosts} (read when a client is built), else none. An explicit proxy
 * applies to every target not listed in {@code nonProxyHosts}, loopback included; a proxy from the system properties
 * follows the JVM's own default, which reaches loopback directly. Equal settings share one pooled client, so the
 * password takes part in equality but never in {@link #toString()}.
 *
 * @param host          proxy host name or address; null: no proxy
 * @param port          proxy port
 * @param username      Basic proxy authentication user, or null
 * @param password      Basic proxy authentication password, or null (a secret)
 * @param nonProxyHosts hosts reached directly: the JVM's syntax (a vertical bar between entries, an asterisk at the
 *                      start or end of an entry as wildcard); commas separate entries too
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

    /** No proxy: every target is reached directly. */
    public static final ProxySettings NONE = new ProxySettings(null, 0, null, null, null);

    /** What the JVM reaches directly when {@code http.nonProxyHosts} is not set. */
    static final String JVM_DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    private static final int DEFAULT_HTTPS_PROXY_PORT = 443;

    /**
     * The explicit options when {@code proxyHost} is set, else the JVM system properties (with the nonProxyHosts
     * option, when given, instead of {@code http.nonProxyHosts}).
     *
     * @param port 0 or less: the port was not set, which is only valid without a host
     */
    public static ProxySettings resolve(String host, int port, String username, String password, String nonProxyHosts) {
        if (host != null && !host.isBlank()) {
            return new ProxySettings(host.trim(), port, blankToNull(username), password, blankToNull(nonProxyHosts));
        }
        ProxySettings jvm = fromSystemProperties(System::getProperty);
        if (jvm.isConfigured() && nonProxyHosts != null && !nonProxyHosts.isBlank()) {
            return new ProxySettings(jvm.host(), jvm.port(), null, null, nonProxyHosts);
        }
        return jvm;
    }

    /** {@code https.proxyHost}, {@code https.proxyPort} (default 443), {@code http.nonProxyHosts}. */
    static ProxySettings fromSystemProperties(UnaryOperator<String> properties) {
        String host = blankToNull(properties.apply("https.proxyHost"));
        if (host == null) {
            return NONE;
        }
        String portText = blankToNull(properties.apply("https.proxyPort"));
        int port;
        try {
            port = portText == null ? DEFAULT_HTTPS_PROXY_PORT : Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Invalid system property https.proxyPort '" + portText + "'; expected a port number", e);
        }
        String nonProxyHosts = properties.apply("http.nonProxyHosts");
        return new ProxySettings(
                host.trim(), port, null, null, nonProxyHosts == null ? JVM_DEFAULT_NON_PROXY_HOSTS : nonProxyHosts);
    }

    /**
     * Fails with a message naming the option when the settings cannot work; never shows the password.
     *
     * @throws IllegalArgumentException naming proxyHost, proxyPort, proxyAuthUsername or proxyAuthPassword
     */
    public ProxySettings validate() {
        if (host == null) {
            if (username != null || password != null) {
                throw new IllegalArgumentException("Invalid option proxyAuthUsername/proxyAuthPassword: proxy"
                        + " credentials need a proxy; set proxyHost and proxyPort as well");
            }
            return this;
        }
        if (host.contains("://") || host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException("Invalid option proxyHost '" + (host.contains("@") ? "(hidden)" : host)
                    + "'; expected a host name or address only, e.g. proxy.corp.example (the port goes in"
                    + " proxyPort, credentials in proxyAuthUsername and proxyAuthPassword)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "Invalid option proxyPort " + port + "; expected a port from 1 to 65535 when proxyHost is set");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(
                    username == null
                            ? "Missing option proxyAuthUsername: proxyAuthPassword is set, Basic proxy authentication needs"
                                    + " both"
                            : "Missing option proxyAuthPassword: proxyAuthUsername is set, Basic proxy authentication needs"
                                    + " both");
        }
        return this;
    }

    /** Whether a proxy is configured at all. */
    public boolean isConfigured() {
        return host != null;
    }

    /** The proxy to reach {@code targetHost} through, or null when it is reached directly. */
    public HttpHost proxyFor(String targetHost) {
        if (host == null || bypasses(targetHost)) {
            return null;
        }
        return new HttpHost("http", host, port);
    }

    /** Whether {@code targetHost} matches an entry of {@link #nonProxyHosts()} (case-insensitive). */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || targetHost == null) {
            return false;
        }
        String target = unbracket(targetHost.toLowerCase(Locale.ROOT));
        return entries().stream().anyMatch(entry -> matches(entry, target));
    }

    /** {@code host:port}, what error messages and logs name; never the credentials. */
    public String address() {
        return host == null ? "none" : host + ":" + port;
    }

    private List<String> entries() {
        return Arrays.stream(nonProxyHosts.split("[|,]"))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> unbracket(entry.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static boolean matches(String entry, String target) {
        String regex = Arrays.stream(entry.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return target.matches(regex);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + address() + (username != null ? ", user=" + username + ", password=******" : "")
                + (nonProxyHosts != null ? ", nonProxyHosts=" + nonProxyHosts : "") + "]";
    }
}
