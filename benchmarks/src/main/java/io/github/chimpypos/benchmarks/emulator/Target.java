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
package io.github.chimpypos.benchmarks.emulator;

import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * Where a client under test sends its traffic: the token service and the PoS API of one emulator, the trust material
 * for its self-signed certificate, and the sandbox credentials.
 */
public record Target(
        URI tokenUrl,
        URI apiUrl,
        SSLContext sslContext,
        Path trustStorePath,
        String trustStorePassword,
        String clientId,
        String audience,
        String username,
        String password,
        String clientSecret) {

    /** The station every benchmark asks for; it exists in the emulator's seed. */
    public static final String STATION_ID = "abc1";

    public URI pricingUri() {
        return URI.create(trimSlash(apiUrl.toString()) + "/api/v2/stations/" + STATION_ID + "/pricing");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "Target[tokenUrl=" + tokenUrl + ", apiUrl=" + apiUrl + "]";
    }
}
