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

/**
 * A {@link TokenProvider} that operators can observe and act on: status snapshot, lifecycle listeners and the reset of
 * a credentials lockout (wired to health checks, JMX and the dev console by the component).
 */
public interface ObservableTokenProvider extends TokenProvider {

    /** A consistent snapshot of state and counters, without secrets. */
    TokenProviderStatus status();

    /**
     * Ends a credentials lockout before its quiet period is over, e.g. after the password was fixed. The next
     * {@link #getToken()} tries again. Does nothing when no lockout is active.
     */
    void resetCredentialsLockout();

    void addListener(TokenProviderListener listener);

    void removeListener(TokenProviderListener listener);

    /** How operators see this provider (JMX name, console, health, events); never a secret. */
    default TokenProviderIdentity identity() {
        return TokenProviderIdentity.custom(getClass());
    }
}
