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
package io.github.chimpypos.examples.firstroute;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** A first chimpypos app in plain Java: an embedded emulator, the component set up in code, one battery rented out. */
public final class FirstRoute {

    private FirstRoute() {}

    public static void main(String[] args) throws Exception {
        rentOut(args.length > 0 ? args[0] : "BAT0001");
    }

    /** Checks the battery, rents it out at the counter if it is ready, and returns the rental (null if not). */
    public static Rental rentOut(String batteryId) throws Exception {
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.startDefault();
                CamelContext camel = new DefaultCamelContext()) {
            // tag::connect-component[]
            ChimpyPosConfiguration chimpy =
                    camel.getComponent("chimpypos", ChimpyPosComponent.class).getConfiguration();
            chimpy.setApiUrl(emulator.apiUrl().toString()); // https://127.0.0.1:<port>, without /api/v2
            chimpy.setTokenUrl(emulator.tokenUrl().toString());
            DemoCredentials demo = emulator.credentials();
            chimpy.setClientId(demo.clientId());
            chimpy.setAudience(demo.audience());
            chimpy.setUsername(demo.username());
            chimpy.setPassword(demo.password());
            // the emulator's certificate is generated at start: trust it, and nothing else
            chimpy.setSslContextParameters(
                    trustStore("file:" + emulator.trustStorePath(), emulator.trustStorePassword()));
            // end::connect-component[]

            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:rentOut")
                            .setHeader("CamelChimpyPosBatteryId", body())
                            .to("chimpypos:checkBattery?rentalType=pickup")
                            .log("Battery ${header.CamelChimpyPosBatteryId}: ${header.CamelChimpyPosStatus}")
                            .filter(header("CamelChimpyPosStatus").isEqualTo("ready_for_pickup"))
                            .to("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb"
                                    + "&generatePartnerTransactionId=true")
                            .log(
                                    "Rented out ${header.CamelChimpyPosBatteryId}: collect ${body.totalAmounts.shop}"
                                            + " ${body.chargeCurrency}, transaction ${header.CamelChimpyPosPartnerTransactionId}");
                }
            });
            camel.start();
            Object result = camel.createProducerTemplate().requestBody("direct:rentOut", batteryId);
            return result instanceof Rental rental ? rental : null;
        }
    }

    // tag::trust-store[]
    /** A trust store file (PKCS12) as the component's TLS settings: its certificates are the only ones trusted. */
    static SSLContextParameters trustStore(String resource, String password) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource(resource);
        keyStore.setPassword(password);
        keyStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }
    // end::trust-store[]
}
