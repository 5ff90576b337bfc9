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
package io.github.chimpypos.camel.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Names a token provider for operators (health checks, JMX, the dev console, events) without any secret: the client
 * id, the token service (scheme, host, port and path only) and the grant.
 *
 * @param clientId  the client id
 * @param tokenUrl  the token service URL without user info, query or fragment
 * @param grantType {@code password} or {@code client_credentials}
 * @param audience  the API identifier requested, or null
 */
public record TokenProviderIdentity(String clientId, String tokenUrl, String grantType, String audience) {

    public static TokenProviderIdentity of(TokenProviderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new TokenProviderIdentity(
                settings.clientId(),
                withoutUserInfoAndQuery(settings.tokenUrl()),
                settings.grantType().name(),
                settings.audience());
    }

    /** A provider the user wrote: named by its class, nothing else is known. */
    public static TokenProviderIdentity custom(Class<?> type) {
        return new TokenProviderIdentity(type.getSimpleName(), null, "custom", null);
    }

    /** A short name such as {@code chimpy-client@auth.example/password}. */
    public String displayName() {
        if (tokenUrl == null) {
            return clientId + "/" + grantType;
        }
        String host = tokenUrl;
        try {
            URI uri = new URI(tokenUrl);
            if (uri.getHost() != null) {
                host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
            }
        } catch (URISyntaxException | NullPointerException e) {
            // keep the full URL
        }
        return clientId + "@" + host + "/" + grantType;
    }

    private static String withoutUserInfoAndQuery(URI url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
