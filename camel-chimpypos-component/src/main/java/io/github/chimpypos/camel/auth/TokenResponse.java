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
 * A successful answer of the token service, already validated: an access token, a positive {@code expires_in} and a
 * bearer token type. {@link #toString()} never shows the access or refresh token.
 *
 * @param accessToken  the access token (a JWT with Auth0, but treated as opaque)
 * @param refreshToken the (possibly rotated) refresh token, or null when none was returned
 * @param expiresIn    validity in seconds, counted from the moment the request was sent
 * @param tokenType    the token type, {@code Bearer}
 * @param scope        granted scope, or null when the service did not say
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType, String scope) {

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        if (expiresIn <= 0) {
            throw new IllegalArgumentException("expiresIn must be positive but was " + expiresIn);
        }
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=******, refreshToken=" + (refreshToken == null ? "null" : "******")
                + ", expiresIn=" + expiresIn + ", tokenType=" + tokenType + ", scope=" + scope + "]";
    }
}
