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
package io.github.chimpypos.camel.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConsumer;
import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.EmulatorCounters;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one base of route tests: a Camel context whose chimpypos component talks HTTPS to a fresh emulator (one per
 * test class, state reset before each test), trusting the emulator's certificate through {@link SSLContextParameters}
 * as a user would. A test class that needs another emulator (its clock, token lifetime) declares a static
 * {@code EMULATOR_SETTINGS} builder (see {@link ClassEmulatorExtension}).
 */
public abstract class ChimpyPosTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ClassEmulatorExtension EMULATOR = new ClassEmulatorExtension();

    protected static ChimpyPosEmulator emulator() {
        return EMULATOR.emulator();
    }

    protected static EmulatorCounters counters() {
        return emulator().control().counters();
    }

    protected static DemoCredentials credentials() {
        return emulator().credentials();
    }

    protected static SSLContextParameters emulatorTrust() {
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

    /** Options of a consumer polled by the test: no scheduler, no spreading. */
    protected static final String POLLED_BY_TEST = "startScheduler=false&spreadRequests=false";

    protected ChimpyPosConsumer consumer(String routeId) {
        return (ChimpyPosConsumer) context.getRoute(routeId).getConsumer();
    }

    /**
     * Runs one scheduled poll of the route's consumer, the very task Camel's scheduler runs (backoff, error counters
     * and the error handler bridge included), and returns the exchanges it routed to {@code mock}. Consumer routes
     * start with {@link #POLLED_BY_TEST}, so no timer polls beside the test.
     */
    protected List<Exchange> poll(String routeId, String mock) {
        return poll(routeId, mock, 1);
    }

    /** Runs {@code times} polls and returns every exchange they routed to {@code mock}. */
    protected List<Exchange> poll(String routeId, String mock, int times) {
        MockEndpoint endpoint = getMockEndpoint(mock);
        int before = endpoint.getReceivedCounter();
        for (int i = 0; i < times; i++) {
            consumer(routeId).run();
        }
        List<Exchange> received = endpoint.getReceivedExchanges();
        return List.copyOf(received.subList(before, received.size()));
    }

    protected static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /** The outermost IllegalArgumentException in the cause chain: what the component threw. */
    protected static Throwable illegalArgument(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t;
            }
        }
        throw new AssertionError("No IllegalArgumentException in the cause chain of " + failure, failure);
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
