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

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where the provider's thread gets a token from, chosen once when the provider is built: straight from the token
 * service with this provider's own refresh token, or through a token store shared with restarts and other instances
 * ({@link StoredTokenSource}). The provider's state machine (single flight, timing, failure ladder) is the same for
 * both.
 */
interface TokenSource {

    /** The source for these settings: a {@link StoredTokenSource} when they name a token store. */
    static TokenSource of(TokenProviderSettings settings, CredentialLockouts jvmLockouts, Sleeper sleeper) {
        return settings.tokenStore() == null
                ? new Direct(jvmLockouts)
                : StoredTokenSource.create(settings, jvmLockouts, sleeper);
    }

    /**
     * One acquisition, on the provider's thread.
     *
     * @param own        an acquisition with this provider's own refresh token (its in-memory family)
     * @param handedOver builds an acquisition with a refresh token the source hands over instead
     */
    TokenAcquisition.Obtained obtain(TokenAcquisition own, HandedOver handedOver) throws InterruptedException;

    /** Where rejected credentials are counted for the failure ladder. */
    CredentialLockouts lockouts();

    /** The status with what this source adds (the token store's state). */
    default TokenProviderStatus describe(TokenProviderStatus status) {
        return status;
    }

    /** An acquisition that presents {@code refreshToken} (null: the grant) and reports replacements to {@code keep}. */
    @FunctionalInterface
    interface HandedOver {
        TokenAcquisition with(Supplier<String> refreshToken, BiConsumer<String, String> keep, BooleanSupplier mayRetry);
    }

    /** Without a store: every token comes from the token service, and only this JVM counts rejections. */
    record Direct(CredentialLockouts lockouts) implements TokenSource {

        @Override
        public TokenAcquisition.Obtained obtain(TokenAcquisition own, HandedOver handedOver)
                throws InterruptedException {
            return own.run();
        }
    }
}
