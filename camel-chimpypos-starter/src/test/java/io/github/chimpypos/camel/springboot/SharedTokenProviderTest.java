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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * As a new user would: the starter, the connection properties and one route. The route's exchanges use the shared
 * provider bean, and the component's token listener hears about that provider's tokens.
 */
class SharedTokenProviderTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void aRouteUsesTheSharedProviderAndTheTokenListenerHearsIt(ChimpyPosEmulator emulator) {
        List<String> heard = new CopyOnWriteArrayList<>();
        TokenProviderListener listener = new TokenProviderListener() {
            @Override
            public void onTokenObtained(String grantType, Instant expiresAt) {
                heard.add("obtained via " + grantType);
            }
        };
        EmulatorSupport.runner(emulator)
                .withBean("tokenEvents", TokenProviderListener.class, () -> listener)
                .withBean("counterRoutes", RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:scan").to("chimpypos:checkBattery?rentalType=pickup");
                    }
                })
                .withPropertyValues("camel.component.chimpypos.token-listener=#bean:tokenEvents")
                .run(context -> {
                    BatteryCheck answer = context.getBean(CamelContext.class)
                            .createProducerTemplate()
                            .requestBodyAndHeaders(
                                    "direct:scan",
                                    null,
                                    Map.of(ChimpyPosConstants.BATTERY_ID, "BAT0007"),
                                    BatteryCheck.class);
                    assertThat(answer.getStatus()).isEqualTo("ready_for_pickup");

                    ObservableTokenProvider shared = context.getBean(ObservableTokenProvider.class);
                    assertThat(shared.status().tokenCalls()).isEqualTo(1);
                    assertThat(emulator.control().counters().tokenCalls()).isEqualTo(1);
                    await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
                    assertThat(heard).containsExactly("obtained via password");
                });
    }

    /** The chimpyAuth bean gives a plain camel-http endpoint the token the chimpypos endpoints use. */
    @Test
    void theChimpyAuthBeanSharesTheTokenWithCamelHttpEndpoints(ChimpyPosEmulator emulator) {
        EmulatorSupport.runner(emulator).run(context -> {
            assertThat(context).hasBean(ChimpyPosComponentAutoConfiguration.BEARER_AUTH_CONFIGURER);
            ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
            BatteryCheck typed = template.requestBodyAndHeaders(
                    "chimpypos:checkBattery?rentalType=pickup",
                    null,
                    Map.of(ChimpyPosConstants.BATTERY_ID, "BAT0007"),
                    BatteryCheck.class);
            String untyped = template.requestBodyAndHeader(
                    emulator.apiUrl() + "/api/v2/users/APPUSER1"
                            + "?httpClientConfigurer=#chimpyAuth&sslContextParameters=#emulatorTrust",
                    null,
                    Exchange.HTTP_METHOD,
                    "GET",
                    String.class);

            assertThat(typed.getStatus()).isEqualTo("ready_for_pickup");
            assertThat(untyped).contains("\"user\"");
            assertThat(emulator.control().counters().tokenCalls()).isEqualTo(1);
        });
    }
}
