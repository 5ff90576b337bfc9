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

import java.util.ArrayList;
import java.util.List;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Properties and TLS trust that point the starter at an emulator started by a test (HTTPS on loopback). */
final class EmulatorSupport {

    private EmulatorSupport() {}

    /**
     * The starter's auto-configuration (plus {@code more}) pointed at the emulator: its trust as the bean
     * {@code emulatorTrust} and the {@link #connectionProperties}.
     */
    static ApplicationContextRunner runner(ChimpyPosEmulator emulator, Class<?>... more) {
        List<Class<?>> configurations = new ArrayList<>(List.of(
                CamelAutoConfiguration.class,
                ChimpyPosComponentConverter.class,
                ChimpyPosComponentAutoConfiguration.class));
        configurations.addAll(List.of(more));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(configurations.toArray(Class<?>[]::new)))
                .withBean("emulatorTrust", SSLContextParameters.class, () -> trust(emulator))
                .withPropertyValues(connectionProperties(emulator));
    }

    /** The connection properties, credentials included, as a user would set them. */
    static String[] connectionProperties(ChimpyPosEmulator emulator) {
        DemoCredentials credentials = emulator.credentials();
        return new String[] {
            "camel.component.chimpypos.api-url=" + emulator.apiUrl(),
            "camel.component.chimpypos.token-url=" + emulator.tokenUrl(),
            "camel.component.chimpypos.client-id=" + credentials.clientId(),
            "camel.component.chimpypos.audience=" + credentials.audience(),
            "camel.component.chimpypos.username=" + credentials.username(),
            "camel.component.chimpypos.password=" + credentials.password(),
            "camel.component.chimpypos.ssl-context-parameters=#bean:emulatorTrust"
        };
    }

    /** Trusts the emulator's generated certificate and nothing else. */
    static SSLContextParameters trust(ChimpyPosEmulator emulator) {
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
}
