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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one rule for the URLs the component calls (PoS API, token service): https, a host, nothing secret. */
public final class HttpsUrls {

    private HttpsUrls() {}

    /**
     * An absolute https:// URL with a host, without user info, query or fragment.
     *
     * @param  option                   the option named in the error
     * @throws IllegalArgumentException naming the option, never showing credentials
     */
    public static URI require(String option, String value, boolean allowInsecureHttp) {
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

    /** The URL without user info, which may hold credentials. */
    private static String safe(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : "(URL with credentials)";
    }
}
