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
package io.github.chimpypos.examples.bridge;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.model.UserCheck;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * One token for two kinds of route against the embedded sandbox emulator: a typed chimpypos operation
 * ({@code chimpypos:checkUser}) and an endpoint the component does not type, called with plain camel-http and the
 * component's {@code bearerAuthConfigurer()} bound as {@code chimpyAuth}. Prints what each answered and how many token
 * calls the emulator saw (one).
 */
public final class BridgeApplication {

    static final String COUPON = "APPUSER1";

    private BridgeApplication() {}

    public static void main(String[] args) throws Exception {
        BridgeReport report = run();
        System.out.println(report.render());
    }

    static BridgeReport run() throws Exception {
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.startDefault();
                CamelContext camel = new DefaultCamelContext()) {
            ChimpyPosComponent chimpypos = new ChimpyPosComponent();
            connect(chimpypos.getConfiguration(), emulator);
            camel.addComponent("chimpypos", chimpypos);
            // the component's shared token for camel-http endpoints: ...?httpClientConfigurer=#chimpyAuth
            camel.getRegistry().bind("chimpyAuth", chimpypos.bearerAuthConfigurer());
            camel.getRegistry().bind("sandboxTrust", trust(emulator));
            camel.getPropertiesComponent()
                    .addInitialProperty("chimpy.api-url", emulator.apiUrl().toString());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:typed")
                            .routeId("typed")
                            .to("chimpypos:checkUser")
                            .log(LoggingLevel.INFO, "bridge", "typed checkUser: ${header.CamelChimpyPosStatus}");
                    // any Chimpy endpoint, here the user check again, as raw JSON through camel-http
                    from("direct:untyped")
                            .routeId("untyped")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .toD("{{chimpy.api-url}}/api/v2/users/${header.CamelChimpyPosUserCoupon}"
                                    + "?httpClientConfigurer=#chimpyAuth&sslContextParameters=#sandboxTrust")
                            .convertBodyTo(String.class)
                            .log(LoggingLevel.INFO, "bridge", "untyped GET: HTTP ${header.CamelHttpResponseCode}");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            UserCheck typed = template.requestBodyAndHeader(
                    "direct:typed", null, ChimpyPosConstants.USER_COUPON, COUPON, UserCheck.class);
            String untyped = template.requestBodyAndHeader(
                    "direct:untyped", null, ChimpyPosConstants.USER_COUPON, COUPON, String.class);
            return new BridgeReport(
                    typed.getStatus(), untyped, emulator.control().counters().tokenCalls());
        }
    }

    private static void connect(ChimpyPosConfiguration configuration, ChimpyPosEmulator emulator) {
        configuration.setApiUrl(emulator.apiUrl().toString());
        configuration.setTokenUrl(emulator.tokenUrl().toString());
        configuration.setClientId(emulator.credentials().clientId());
        configuration.setAudience(emulator.credentials().audience());
        configuration.setUsername(emulator.credentials().username());
        configuration.setPassword(emulator.credentials().password());
        configuration.setSslContextParameters(trust(emulator));
    }

    /** Trusts the emulator's generated certificate, as a corporate trust store would (docs/networking.md). */
    private static SSLContextParameters trust(ChimpyPosEmulator emulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + emulator.trustStorePath().toAbsolutePath());
        trustStore.setPassword(emulator.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
