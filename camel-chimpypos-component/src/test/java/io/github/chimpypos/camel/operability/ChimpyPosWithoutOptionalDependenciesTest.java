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
package io.github.chimpypos.camel.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.testsupport.EmulatorTrust;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * camel-health, camel-console and camel-management are optional: a route works on a class path without them (the
 * test class path minus those jars, in a class loader of its own).
 */
class ChimpyPosWithoutOptionalDependenciesTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    /** The optional jars, and log4j so that the isolated run does not reopen the shared test log file. */
    private static final Pattern LEFT_OUT =
            Pattern.compile("(camel-health|camel-console|camel-management|log4j-core|log4j-slf4j2-impl)-[0-9].*\\.jar");

    @Test
    void aRouteWorksWithoutCamelHealthConsoleAndManagement() throws Exception {
        ChimpyPosEmulator emulator = EMULATOR.emulator();
        try (URLClassLoader isolated =
                new URLClassLoader(classPathWithoutOptionalJars(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("org.apache.camel.impl.health.AbstractHealthCheck"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> isolated.loadClass("org.apache.camel.impl.console.DefaultDevConsoleRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> isolated.loadClass("org.apache.camel.management.JmxManagementStrategy"))
                    .isInstanceOf(ClassNotFoundException.class);
            Method run = isolated.loadClass(IsolatedRoute.class.getName())
                    .getMethod("checkUser", String.class, String.class, String.class, String.class);
            // another class loader is another runtime package: package access does not reach it
            run.setAccessible(true);

            // Camel finds its factories through the thread context class loader: it must not see the optional jars
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            Object outcome;
            thread.setContextClassLoader(isolated);
            try {
                outcome = run.invoke(
                        null,
                        emulator.apiUrl().toString(),
                        emulator.tokenUrl().toString(),
                        emulator.trustStorePath().toString(),
                        emulator.trustStorePassword());
            } finally {
                thread.setContextClassLoader(previous);
            }

            assertThat(outcome).isEqualTo("status=valid, healthRegistry=false, managementAgent=false");
        }
        assertThat(emulator.control().counters().tokenCalls()).isEqualTo(1);
    }

    private static URL[] classPathWithoutOptionalJars() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!LEFT_OUT.matcher(path.getFileName().toString()).matches()) {
                urls.add(path.toUri().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** Loaded by the isolated class loader: one checkUser exchange through a fresh context. */
    static final class IsolatedRoute {

        private IsolatedRoute() {}

        public static String checkUser(String apiUrl, String tokenUrl, String trustStorePath, String trustStorePassword)
                throws Exception {
            DemoCredentials credentials = DemoCredentials.defaults();
            CamelContext context = new DefaultCamelContext();
            try {
                ChimpyPosComponent component = new ChimpyPosComponent();
                ChimpyPosConfiguration configuration = component.getConfiguration();
                configuration.setApiUrl(apiUrl);
                configuration.setTokenUrl(tokenUrl);
                configuration.setClientId(credentials.clientId());
                configuration.setAudience(credentials.audience());
                configuration.setUsername(credentials.username());
                configuration.setPassword(credentials.password());
                configuration.setSslContextParameters(EmulatorTrust.of(Path.of(trustStorePath), trustStorePassword));
                context.addComponent("chimpypos", component);
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                Object status = template.request("chimpypos:checkUser?userCoupon=APPUSER1", null)
                        .getMessage()
                        .getHeader(ChimpyPosConstants.STATUS);
                return "status=" + status + ", healthRegistry="
                        + (HealthCheckHelper.getHealthCheckRegistry(context) != null) + ", managementAgent="
                        + (context.getManagementStrategy().getManagementAgent() != null);
            } finally {
                context.stop();
            }
        }
    }
}
