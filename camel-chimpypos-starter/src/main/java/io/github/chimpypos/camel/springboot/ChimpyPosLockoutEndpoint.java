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
package io.github.chimpypos.camel.springboot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/chimpypos}: reads the lockout state of every token provider bean (no secret) and, on a POST, resets
 * their credentials lockouts and waits, and forgets the lockouts this JVM remembers for credential sets no provider
 * uses any more. Exposed like any actuator endpoint ({@code management.endpoints.web.exposure.include}).
 */
@Endpoint(id = "chimpypos")
public class ChimpyPosLockoutEndpoint {

    private final Map<String, ObservableTokenProvider> providers;

    public ChimpyPosLockoutEndpoint(Map<String, ObservableTokenProvider> providers) {
        this.providers = providers;
    }

    @ReadOperation
    public Map<String, Map<String, Object>> lockouts() {
        Map<String, Map<String, Object>> view = new LinkedHashMap<>();
        providers.forEach((name, provider) -> {
            TokenProviderStatus status = provider.status();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", status.state().name());
            entry.put(
                    "lastFailureReason",
                    status.lastFailureReason() != null
                            ? status.lastFailureReason().name()
                            : null);
            Instant notBefore = status.nextAttemptNotBefore();
            entry.put("nextAttemptNotBefore", notBefore != null ? notBefore.toString() : null);
            view.put(name, entry);
        });
        return view;
    }

    @WriteOperation
    public Map<String, Map<String, Object>> resetCredentialsLockout() {
        providers.values().forEach(ObservableTokenProvider::resetCredentialsLockout);
        DefaultTokenProvider.forgetRememberedLockouts();
        return lockouts();
    }
}
