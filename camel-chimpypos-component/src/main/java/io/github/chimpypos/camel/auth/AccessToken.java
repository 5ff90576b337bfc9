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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token with the instant it expires, as the client computed it (request start plus {@code expires_in}).
 * Immutable. {@link #toString()} never shows the token value.
 */
public final class AccessToken {

    private final String value;
    private final Instant obtainedAt;
    private final Instant expiresAt;
    /** Built once: every request of the token's life sends it. */
    private final String authorizationHeader;

    public AccessToken(String value, Instant obtainedAt, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.obtainedAt = Objects.requireNonNull(obtainedAt, "obtainedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.authorizationHeader = "Bearer " + value;
    }

    /** The raw token. Never log it. */
    public String value() {
        return value;
    }

    /** The value of the {@code Authorization} header that carries this token. */
    public String authorizationHeader() {
        return authorizationHeader;
    }

    public Instant obtainedAt() {
        return obtainedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Duration lifetime() {
        return Duration.between(obtainedAt, expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + ", value=******]";
    }
}
