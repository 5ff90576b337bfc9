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

import java.util.HashMap;
import java.util.Map;

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.testsupport.EmulatorTrust;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.EmulatorCounters;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context whose chimpypos component talks HTTPS to a fresh emulator (one per test class, state reset before
 * each test), trusting the emulator's certificate through {@link SSLContextParameters} as a user would.
 */
abstract class ChimpyPosTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    static ChimpyPosEmulator emulator() {
        return EMULATOR.emulator();
    }

    static EmulatorCounters counters() {
        return emulator().control().counters();
    }

    static DemoCredentials credentials() {
        return emulator().credentials();
    }

    static SSLContextParameters emulatorTrust() {
        return EmulatorTrust.of(emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ChimpyPosComponent component = new ChimpyPosComponent();
        configure(component);
        context.addComponent("chimpypos", component);
        return context;
    }

    /** Configures the component before the context starts. */
    protected void configure(ChimpyPosComponent component) {
        configure(component.getConfiguration());
    }

    /** The component-level defaults every test starts from: the emulator's URLs, credentials and trust. */
    protected void configure(ChimpyPosConfiguration configuration) {
        configuration.setApiUrl(emulator().apiUrl().toString());
        configuration.setTokenUrl(emulator().tokenUrl().toString());
        configuration.setClientId(credentials().clientId());
        configuration.setAudience(credentials().audience());
        configuration.setUsername(credentials().username());
        configuration.setPassword(credentials().password());
        configuration.setSslContextParameters(emulatorTrust());
    }

    protected ChimpyPosComponent component() {
        return context.getComponent("chimpypos", ChimpyPosComponent.class);
    }

    /** Sends to the endpoint and returns the exchange; a failure is in {@link Exchange#getException()}. */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    protected Exchange send(String uri) {
        return send(uri, null, Map.of());
    }

    /**
     * The JVM remembers rejected credentials per credential set across providers, and the tests of a class talk to the
     * same emulator: an operator reset after each test (and forgetting what the JVM remembers for credential sets
     * whose providers are gone) keeps one test's lockout from the next.
     */
    @AfterEach
    void resetCredentialsLockouts() {
        context.getComponent("chimpypos", ChimpyPosComponent.class)
                .getTokenProviderRegistry()
                .providers()
                .forEach(ObservableTokenProvider::resetCredentialsLockout);
        DefaultTokenProvider.forgetRememberedLockouts();
    }
}
