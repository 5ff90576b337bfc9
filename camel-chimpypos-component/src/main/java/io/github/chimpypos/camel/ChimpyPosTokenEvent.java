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
package io.github.chimpypos.camel;

import java.time.Instant;
import java.util.Objects;

import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import org.apache.camel.spi.CamelEvent;

/**
 * A Camel event ({@link CamelEvent.Type#Custom}) about the access token of a shared token provider: obtained, renewed
 * or failed. Every {@link org.apache.camel.spi.EventNotifier} of the CamelContext receives it; the source is the
 * token provider. Carries no secret.
 */
public final class ChimpyPosTokenEvent implements CamelEvent {

    /** What happened to the token. */
    public enum Kind {
        /** A token was obtained while none was held (cold start, or after a 401). */
        OBTAINED,
        /** A new token replaced a previous one. */
        RENEWED,
        /** No token could be obtained (after the retries); see {@link #getFailureReason()}. */
        FAILED
    }

    private final Object source;
    private final Kind kind;
    private final TokenProviderIdentity provider;
    private final String grantType;
    private final Instant expiresAt;
    private final TokenFailureReason failureReason;
    private final String failureMessage;
    private long timestamp;

    public ChimpyPosTokenEvent(
            Object source,
            Kind kind,
            TokenProviderIdentity provider,
            String grantType,
            Instant expiresAt,
            TokenFailureReason failureReason,
            String failureMessage,
            long timestamp) {
        this.source = Objects.requireNonNull(source, "source");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.grantType = grantType;
        this.expiresAt = expiresAt;
        this.failureReason = failureReason;
        this.failureMessage = failureMessage;
        this.timestamp = timestamp;
    }

    @Override
    public Type getType() {
        return Type.Custom;
    }

    /** The token provider. */
    @Override
    public Object getSource() {
        return source;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public Kind getKind() {
        return kind;
    }

    /** Which provider: client id, token service, grant. */
    public TokenProviderIdentity getProvider() {
        return provider;
    }

    /** {@code password}, {@code client_credentials} or {@code refresh_token}; null for {@link Kind#FAILED}. */
    public String getGrantType() {
        return grantType;
    }

    /** Expiry of the new token; null for {@link Kind#FAILED}. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Why no token could be obtained; null unless {@link Kind#FAILED}. */
    public TokenFailureReason getFailureReason() {
        return failureReason;
    }

    /** The failure's message (never holds a secret); null unless {@link Kind#FAILED}. */
    public String getFailureMessage() {
        return failureMessage;
    }

    @Override
    public String toString() {
        return kind == Kind.FAILED
                ? "ChimpyPosTokenEvent[FAILED " + provider.displayName() + ": " + failureReason + "]"
                : "ChimpyPosTokenEvent[" + kind + " " + provider.displayName() + " via " + grantType + ", expires "
                        + expiresAt + "]";
    }
}
