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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Token lifecycle metrics of the shared provider against the emulator. */
class ChimpyPosTokenMetricsTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private ApplicationContextRunner runner(ChimpyPosEmulator emulator) {
        return EmulatorSupport.runner(emulator, ChimpyPosMetricsAutoConfiguration.class)
                .withPropertyValues("camel.component.chimpypos.token-max-retries=0");
    }

    @Test
    void grantsTimeToExpiryAndUnauthorizedRenewals(ChimpyPosEmulator emulator) {
        runner(emulator).run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ChimpyPosTokenMetrics.class).bindTo(registry);
            assertThat(gauge(registry, "chimpypos.token.valid")).isZero();
            assertThat(registry.get("chimpypos.token.time.to.expiry")
                            .timeGauge()
                            .value())
                    .isZero();

            ObservableTokenProvider provider = context.getBean(ObservableTokenProvider.class);
            AccessToken token = provider.getToken();
            assertThat(grants(registry, "password")).isEqualTo(1);
            assertThat(gauge(registry, "chimpypos.token.valid")).isEqualTo(1);
            // the emulator's tokens live a day
            assertThat(registry.get("chimpypos.token.time.to.expiry")
                            .timeGauge()
                            .value(java.util.concurrent.TimeUnit.HOURS))
                    .isBetween(23.0, 24.0);

            provider.renewAfterUnauthorized(token); // as the component does after a 401
            assertThat(registry.get("chimpypos.token.unauthorized.renewals")
                            .tag("provider", "chimpyPosTokenProvider")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(grants(registry, "password") + grants(registry, "refresh_token"))
                    .isEqualTo(2);
        });
    }

    @Test
    void failuresByReason(ChimpyPosEmulator emulator) {
        runner(emulator)
                .withPropertyValues("camel.component.chimpypos.password=not-the-password")
                .run(context -> {
                    MeterRegistry registry = new SimpleMeterRegistry();
                    context.getBean(ChimpyPosTokenMetrics.class).bindTo(registry);
                    ObservableTokenProvider provider = context.getBean(ObservableTokenProvider.class);
                    assertThatThrownBy(provider::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);

                    assertThat(registry.get("chimpypos.token.failures")
                                    .tag("reason", "CREDENTIALS_REJECTED")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.get("chimpypos.token.failures")
                                    .tag("reason", "AUTH_SERVICE_UNAVAILABLE")
                                    .functionCounter()
                                    .count())
                            .isZero();
                    assertThat(gauge(registry, "chimpypos.token.consecutive.failures"))
                            .isEqualTo(1);
                    assertThat(gauge(registry, "chimpypos.token.valid")).isZero();
                });
    }

    @Test
    void noMetricsWithoutMicrometer(ChimpyPosEmulator emulator) {
        runner(emulator)
                .withClassLoader(new FilteredClassLoader(MeterBinder.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(ObservableTokenProvider.class);
                    assertThat(context).doesNotHaveBean(ChimpyPosTokenMetrics.class);
                });
    }

    private static double grants(MeterRegistry registry, String grantType) {
        return registry.get("chimpypos.token.grants")
                .tag("grant.type", grantType)
                .functionCounter()
                .count();
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).gauge().value();
    }
}
