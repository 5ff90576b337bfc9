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
package io.github.chimpypos.camel.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The token part of a {@link TokenRecord}, in clear text: only {@link EncryptingTokenStore} engines ever see it, and
 * they seal both token values before anything leaves the JVM.
 *
 * @param accessToken  the access token
 * @param obtainedAt   when it was obtained
 * @param expiresAt    when it expires
 * @param refreshToken the refresh token of the current family, or {@code null}: none issued, or taken by a lease
 *                     holder (a refresh token is spent by whoever takes it, see {@link TokenStoreSession})
 */
public record StoredToken(String accessToken, Instant obtainedAt, Instant expiresAt, String refreshToken) {

    public StoredToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean hasRefreshToken() {
        return refreshToken != null;
    }

    public StoredToken withoutRefreshToken() {
        return refreshToken == null ? this : new StoredToken(accessToken, obtainedAt, expiresAt, null);
    }

    public StoredToken withRefreshToken(String value) {
        return new StoredToken(accessToken, obtainedAt, expiresAt, value);
    }

    @Override
    public String toString() {
        return "StoredToken[obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + ", accessToken=******"
                + (refreshToken == null ? "" : ", refreshToken=******") + "]";
    }
}
