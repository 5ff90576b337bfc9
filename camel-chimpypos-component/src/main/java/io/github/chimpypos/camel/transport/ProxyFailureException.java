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

import java.io.IOException;

/**
 * The forward proxy refused the tunnel (CONNECT) to an https target, or could not be reached at all. Nothing reached
 * the target, so this is never the token service's or the API's answer. The message names the proxy
 * ({@code host:port}) and the target, never a credential.
 */
public class ProxyFailureException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String proxy;
    private final int statusCode;

    private ProxyFailureException(String proxy, int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.proxy = proxy;
        this.statusCode = statusCode;
    }

    /** The proxy answered the CONNECT with something other than 2xx. */
    public static ProxyFailureException refused(String proxy, String target, int statusCode, String reasonPhrase) {
        return new ProxyFailureException(
                proxy,
                statusCode,
                "The proxy " + proxy + " refused the tunnel (CONNECT) to " + target + ": HTTP " + statusCode
                        + (reasonPhrase != null && !reasonPhrase.isBlank() ? " " + reasonPhrase : "")
                        + hint(statusCode),
                null);
    }

    /** No connection to the proxy itself (refused, timed out, unknown host). */
    public static ProxyFailureException unreachable(String proxy, String target, IOException cause) {
        return new ProxyFailureException(
                proxy,
                0,
                "The proxy " + proxy + " could not be reached on the way to " + target + " ("
                        + cause.getClass().getSimpleName() + ") - check proxyHost and proxyPort (or the JVM's"
                        + " https.proxyHost and https.proxyPort)",
                cause);
    }

    /** {@code host:port} of the proxy. */
    public String getProxy() {
        return proxy;
    }

    /** The proxy's HTTP status (407, 403, 502, ...), 0 when it could not be reached. */
    public int getStatusCode() {
        return statusCode;
    }

    private static String hint(int status) {
        return switch (status) {
            case 407 -> " - the proxy wants (other) credentials: check proxyAuthUsername and proxyAuthPassword";
            case 401 ->
                " - the proxy answers 401 where it means 407 (proxy authentication): check"
                        + " proxyAuthUsername and proxyAuthPassword";
            case 403 ->
                " - the proxy's policy forbids this target: ask its operators to allow it, or list the host"
                        + " in nonProxyHosts if it is reachable directly";
            case 502, 503, 504 ->
                " - the proxy could not reach the target (check apiUrl or tokenUrl, and the"
                        + " proxy's outbound access)";
            default -> "";
        };
    }
}
