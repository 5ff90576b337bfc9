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
package io.github.chimpypos.examples.quickstart;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Where the quickstart connects: a real Chimpy sandbox when its URLs and credentials are given through the
 * environment, otherwise an embedded emulator started here, so the quickstart runs without an account.
 */
final class SandboxConnection implements AutoCloseable {

    static final String ENV_API_URL = "CHIMPY_API_URL";
    static final String ENV_TOKEN_URL = "CHIMPY_TOKEN_URL";
    static final String ENV_CLIENT_ID = "CHIMPY_CLIENT_ID";
    static final String ENV_AUDIENCE = "CHIMPY_AUDIENCE";
    static final String ENV_USERNAME = "CHIMPY_USERNAME";
    static final String ENV_PASSWORD = "CHIMPY_PASSWORD";

    private final String apiUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String audience;
    private final String username;
    private final String password;
    private final ChimpyPosEmulator emulator;

    private SandboxConnection(
            String apiUrl,
            String tokenUrl,
            String clientId,
            String audience,
            String username,
            String password,
            ChimpyPosEmulator emulator) {
        this.apiUrl = apiUrl;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.audience = audience;
        this.username = username;
        this.password = password;
        this.emulator = emulator;
    }

    static SandboxConnection open(Map<String, String> environment, Clock clock, Duration tokenLifetime) {
        String apiUrl = environment.get(ENV_API_URL);
        if (apiUrl != null && !apiUrl.isBlank()) {
            return new SandboxConnection(
                    apiUrl,
                    required(environment, ENV_TOKEN_URL),
                    required(environment, ENV_CLIENT_ID),
                    required(environment, ENV_AUDIENCE),
                    required(environment, ENV_USERNAME),
                    required(environment, ENV_PASSWORD),
                    null);
        }
        ChimpyPosEmulator emulator = ChimpyPosEmulator.builder()
                .clock(clock)
                .accessTokenLifetime(tokenLifetime)
                .start();
        DemoCredentials credentials = emulator.credentials();
        return new SandboxConnection(
                emulator.apiUrl().toString(),
                emulator.tokenUrl().toString(),
                credentials.clientId(),
                credentials.audience(),
                credentials.username(),
                credentials.password(),
                emulator);
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Environment variable " + name + " must be set when " + ENV_API_URL + " points to a real sandbox");
        }
        return value;
    }

    /** Points the component's configuration at this sandbox; the emulator's certificate is the only one trusted. */
    void configure(ChimpyPosConfiguration configuration) {
        configuration.setApiUrl(apiUrl);
        configuration.setTokenUrl(tokenUrl);
        configuration.setClientId(clientId);
        configuration.setAudience(audience);
        configuration.setUsername(username);
        configuration.setPassword(password);
        if (emulator != null) {
            configuration.setSslContextParameters(trustOnly(emulator));
        }
    }

    private static SSLContextParameters trustOnly(ChimpyPosEmulator emulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + emulator.trustStorePath());
        trustStore.setPassword(emulator.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    /** The embedded emulator, when the quickstart runs without a real sandbox. */
    Optional<ChimpyPosEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
