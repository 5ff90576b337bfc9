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

import java.util.Objects;

/**
 * One request to the token service: which grant, and the refresh token when the grant is {@code refresh_token}. The
 * credentials themselves come from {@link TokenProviderSettings}. {@link #toString()} never shows the refresh token.
 */
public final class TokenRequest {

    /** Grant name of the resource-owner password grant. */
    public static final String PASSWORD = "password";
    /** Grant name of the client credentials grant. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    /** Grant name of a renewal with a refresh token. */
    public static final String REFRESH_TOKEN = "refresh_token";

    private final String grantType;
    private final String refreshToken;

    private TokenRequest(String grantType, String refreshToken) {
        this.grantType = grantType;
        this.refreshToken = refreshToken;
    }

    /** A request for the configured grant (password or client credentials). */
    public static TokenRequest grant(GrantType grantType) {
        return new TokenRequest(Objects.requireNonNull(grantType, "grantType").name(), null);
    }

    /** A renewal with the given refresh token. */
    public static TokenRequest refresh(String refreshToken) {
        return new TokenRequest(REFRESH_TOKEN, Objects.requireNonNull(refreshToken, "refreshToken"));
    }

    /** The OAuth {@code grant_type}: {@code password}, {@code client_credentials} or {@code refresh_token}. */
    public String grantType() {
        return grantType;
    }

    /** The refresh token to present, or null for the other grants. Never log it. */
    public String refreshToken() {
        return refreshToken;
    }

    public boolean isRefresh() {
        return refreshToken != null;
    }

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + (refreshToken != null ? ", refreshToken=******" : "") + "]";
    }
}
