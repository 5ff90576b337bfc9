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
package io.github.chimpypos.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For the {@code dev} profile: starts the Chimpy PoS sandbox emulator (HTTPS on loopback, free ports) before the
 * application binds its properties, and publishes where it runs as {@code chimpypos.emulator.*} properties, which
 * {@code application-dev.properties} hands to the component. The emulator is a bean ({@code chimpyPosEmulator}) that
 * stops with the application. {@code chimpypos.emulator.enabled=false} keeps it off.
 */
public class SandboxEmulatorEnvironment implements EnvironmentPostProcessor {

    static final String PROFILE = "dev";
    static final String BEAN_NAME = "chimpyPosEmulator";
    static final String PROPERTY_SOURCE = "chimpyPosEmulator";

    private final Log log;

    public SandboxEmulatorEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SandboxEmulatorEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)
                || !environment.getProperty("chimpypos.emulator.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        ChimpyPosEmulator emulator = ChimpyPosEmulator.builder().start();
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties(emulator)));
        log.info("Profile " + PROFILE + ": the chimpypos component talks to the sandbox emulator at "
                + emulator.apiUrl() + " (token service " + emulator.tokenUrl() + ")");
        application.addInitializers(context -> {
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton(BEAN_NAME, emulator);
            beans.registerDisposableBean(BEAN_NAME, emulator::close);
        });
    }

    private static Map<String, Object> properties(ChimpyPosEmulator emulator) {
        DemoCredentials credentials = emulator.credentials();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("chimpypos.emulator.api-url", emulator.apiUrl().toString());
        properties.put("chimpypos.emulator.token-url", emulator.tokenUrl().toString());
        properties.put("chimpypos.emulator.client-id", credentials.clientId());
        properties.put("chimpypos.emulator.audience", credentials.audience());
        properties.put("chimpypos.emulator.username", credentials.username());
        properties.put("chimpypos.emulator.password", credentials.password());
        properties.put("chimpypos.emulator.trust-store", "file:" + emulator.trustStorePath());
        properties.put("chimpypos.emulator.trust-store-password", emulator.trustStorePassword());
        return properties;
    }
}
