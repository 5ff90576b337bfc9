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
package io.github.chimpypos.karaf.exchange;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activator of a test-only bundle that {@code karaf-check.sh} deploys into a real Karaf: an OSGi-aware
 * CamelContext (camel-core-osgi, as camel-karaf's Blueprint support builds it) with one route that prices a station
 * once through the component against the emulator, then once more through a plain camel-http endpoint with the
 * component's {@code bearerAuthConfigurer()}, and logs both answers. It stands in for the Blueprint route of
 * examples/karaf, because camel-blueprint is a camel-karaf bundle that does not resolve on this project's machines.
 *
 * <p>The connection comes from {@code etc/io.github.chimpypos.cfg}, the example's config admin file, read through
 * Camel property placeholders: the password is in no route and no URI.
 */
public final class KarafExchangeActivator implements BundleActivator {

    /** The script looks for these words in Karaf's log. */
    static final String SUCCESS = "KARAF-CHECK exchange succeeded";

    static final String FAILURE = "KARAF-CHECK exchange failed";

    static final String HEALTH = "KARAF-CHECK readiness";

    static final String HTTP_SUCCESS = "KARAF-CHECK camel-http exchange succeeded";

    private static final Logger LOG = LoggerFactory.getLogger(KarafExchangeActivator.class);

    private CamelContext camel;

    @Override
    public void start(BundleContext bundle) throws Exception {
        camel = new OsgiDefaultCamelContext(bundle);
        camel.getPropertiesComponent()
                .setLocation("file:" + bundle.getProperty("karaf.etc") + "/io.github.chimpypos.cfg");
        ChimpyPosComponent chimpypos = component(camel);
        camel.addComponent("chimpypos", chimpypos);
        // a plain camel-http endpoint (found through camel-core-osgi's extender) with the component's token
        camel.getRegistry().bind("chimpyAuth", chimpypos.bearerAuthConfigurer());
        camel.getRegistry().bind("emulatorTrust", emulatorTrust(camel));
        // camel-core-osgi's factory finder scans all bundles in findClass only; Camel 4.14's health check resolver
        // calls findOptionalClass, which looks through this bundle's class loader and cannot see camel-health's
        // META-INF/services. The resolver asks the registry first, so the repository is bound under that name.
        camel.getRegistry().bind("producers-health-check-repository", new ProducersHealthCheckRepository());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).log(FAILURE + ": ${exception}");
                from("timer:karaf-check?repeatCount=1")
                        .routeId("karaf-check")
                        .to("chimpypos:getStationPricing?stationId={{chimpypos.stationId}}")
                        .log(SUCCESS + " inside Karaf on Camel "
                                + getCamelContext().getVersion()
                                + ": station {{chimpypos.stationId}} priced, HTTP ${header.CamelChimpyPosHttpStatus}")
                        .process(exchange -> logProducerReadiness(exchange.getContext()))
                        .process(exchange -> exchange.getMessage().setBody(null))
                        .setHeader("CamelHttpMethod", constant("GET"))
                        .to("{{chimpypos.apiUrl}}/api/v2/stations/{{chimpypos.stationId}}/pricing"
                                + "?httpClientConfigurer=#chimpyAuth&sslContextParameters=#emulatorTrust")
                        .log(HTTP_SUCCESS + " inside Karaf: the same station through camel-http with the component's"
                                + " token, HTTP ${header.CamelHttpResponseCode}");
            }
        });
        camel.start();
    }

    @Override
    public void stop(BundleContext bundle) {
        if (camel != null) {
            camel.stop();
        }
    }

    // the same component the Blueprint example declares, values from the config admin file
    private static ChimpyPosComponent component(CamelContext camel) {
        ChimpyPosConfiguration configuration = new ChimpyPosConfiguration();
        configuration.setApiUrl(property(camel, "apiUrl"));
        configuration.setTokenUrl(property(camel, "tokenUrl"));
        configuration.setClientId(property(camel, "clientId"));
        configuration.setAudience(property(camel, "audience"));
        configuration.setUsername(property(camel, "username"));
        configuration.setPassword(property(camel, "password"));
        configuration.setSslContextParameters(emulatorTrust(camel));
        ChimpyPosComponent component = new ChimpyPosComponent();
        component.setConfiguration(configuration);
        return component;
    }

    private static SSLContextParameters emulatorTrust(CamelContext camel) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + property(camel, "truststore"));
        trustStore.setPassword(property(camel, "truststorePassword"));
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    // camel-health is optional for the component: show that its producer check registered and answers in Karaf
    private static void logProducerReadiness(CamelContext camel) {
        WritableHealthCheckRepository producers =
                HealthCheckHelper.getHealthCheckRepository(camel, "producers", WritableHealthCheckRepository.class);
        if (producers == null) {
            LOG.info("{}: no producers health check repository (camel-health missing)", HEALTH);
            return;
        }
        // Camel keeps producer checks off unless enabled (camel.health.producersEnabled)
        producers.setEnabled(true);
        HealthCheckHelper.invokeReadiness(camel).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:chimpypos"))
                .forEach(result ->
                        LOG.info("{}: {} {}", HEALTH, result.getCheck().getId(), result.getState()));
    }

    private static String property(CamelContext camel, String name) {
        return camel.resolvePropertyPlaceholders("{{chimpypos." + name + "}}");
    }
}
