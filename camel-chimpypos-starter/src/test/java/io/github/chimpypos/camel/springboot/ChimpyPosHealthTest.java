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
import java.util.Map;

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The chimpypos health indicator against the emulator: UP with a token, DOWN with the reason, UP after recovery. */
class ChimpyPosHealthTest {

    private static final String WRONG_PASSWORD = "wrong-Passw0rd-for-health";

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private ApplicationContextRunner runner(ChimpyPosEmulator emulator) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        CamelAutoConfiguration.class,
                        ChimpyPosComponentConverter.class,
                        ChimpyPosComponentAutoConfiguration.class,
                        ChimpyPosHealthAutoConfiguration.class))
                .withBean("emulatorTrust", SSLContextParameters.class, () -> EmulatorSupport.trust(emulator))
                .withPropertyValues(EmulatorSupport.connectionProperties(emulator))
                .withPropertyValues(
                        "camel.component.chimpypos.token-max-retries=0",
                        "camel.component.chimpypos.token-retry-initial-backoff=50ms",
                        "camel.component.chimpypos.token-retry-max-backoff=100ms");
    }

    @Test
    void upWithAValidTokenShowingWhenItExpires(ChimpyPosEmulator emulator) {
        runner(emulator).run(context -> {
            Health health = settledHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("state", TokenProviderState.VALID)
                    .containsEntry("clientId", emulator.credentials().clientId())
                    .containsKey("tokenExpiresAt")
                    .doesNotContainKey("reason");
            assertThat(health.toString()).doesNotContain(emulator.credentials().password());
        });
    }

    @Test
    void downWithCredentialsRejectedAndNoFurtherTokenCalls(ChimpyPosEmulator emulator) {
        runner(emulator)
                .withPropertyValues("camel.component.chimpypos.password=" + WRONG_PASSWORD)
                .run(context -> {
                    Health first = settledHealth(context);
                    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(first.getDetails())
                            .containsEntry("reason", TokenFailureReason.CREDENTIALS_REJECTED)
                            .containsEntry("state", TokenProviderState.CREDENTIALS_LOCKED)
                            .containsKey("nextAttemptNotBefore");
                    assertThat(String.valueOf(first.getDetails().get("message")))
                            .contains("rejected");
                    assertThat(first.toString()).doesNotContain(WRONG_PASSWORD);

                    long tokenCalls = emulator.control().counters().tokenCalls();
                    Health again = health(context);
                    assertThat(again.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(again.getDetails()).containsEntry("reason", TokenFailureReason.CREDENTIALS_REJECTED);
                    // the lockout holds: checking health does not knock on the token service again
                    assertThat(emulator.control().counters().tokenCalls()).isEqualTo(tokenCalls);
                });
    }

    @Test
    void downWhileTheAuthServiceIsUnavailableThenUpByItself(ChimpyPosEmulator emulator) {
        // an outage that outlasts any number of health checks until the test ends it
        emulator.control().failNextTokenCalls(1_000, Fault.status(503));
        runner(emulator).run(context -> {
            Health down = settledHealth(context);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails())
                    .containsEntry("reason", TokenFailureReason.AUTH_SERVICE_UNAVAILABLE)
                    .containsEntry("state", TokenProviderState.FAILING);

            emulator.control().resetState(); // the auth service is back
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> health(context).getStatus().equals(Status.UP));
            assertThat(health(context).getDetails())
                    .containsEntry("state", TokenProviderState.VALID)
                    .doesNotContainKey("reason");
        });
    }

    @Test
    void downWhenRateLimited(ChimpyPosEmulator emulator) {
        emulator.control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofMinutes(1)));
        runner(emulator).run(context -> {
            Health health = settledHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("reason", TokenFailureReason.RATE_LIMITED)
                    .containsKey("nextAttemptNotBefore");
        });
    }

    @Test
    void outOfServiceWhileTheFirstTokenRequestIsStillRunning(ChimpyPosEmulator emulator) {
        emulator.control().setTokenLatency(Duration.ofSeconds(2));
        runner(emulator).run(context -> {
            DefaultTokenProvider provider = context.getBean(DefaultTokenProvider.class);
            ChimpyPosHealthIndicator impatient = new ChimpyPosHealthIndicator(provider, Duration.ofMillis(100));
            Health waiting = impatient.health();
            assertThat(waiting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(waiting.getDetails()).containsEntry("state", TokenProviderState.RENEWING);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> impatient.health().getStatus().equals(Status.UP));
            assertThat(emulator.control().counters().tokenCalls()).isEqualTo(1);
        });
    }

    @Test
    void switchedOffByManagementProperty(ChimpyPosEmulator emulator) {
        runner(emulator)
                .withPropertyValues("management.health.chimpypos.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("chimpyposHealthContributor"));
    }

    @Test
    void oneEntryPerProviderBeanWhenThereAreSeveral(ChimpyPosEmulator emulator) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChimpyPosHealthAutoConfiguration.class))
                .withBean("shopA", DefaultTokenProvider.class, () -> unstarted("shop-a"))
                .withBean("shopB", DefaultTokenProvider.class, () -> unstarted("shop-b"))
                .run(context -> {
                    HealthContributor contributor =
                            context.getBean("chimpyposHealthContributor", HealthContributor.class);
                    assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
                    CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
                    assertThat(composite.getContributor("shopA")).isInstanceOf(ChimpyPosHealthIndicator.class);
                    Health shopB = ((HealthIndicator) composite.getContributor("shopB")).health();
                    assertThat(shopB.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(shopB.getDetails()).containsEntry("error", IllegalStateException.class.getName());
                });
    }

    private static DefaultTokenProvider unstarted(String clientId) {
        return new DefaultTokenProvider(TokenProviderSettings.builder()
                .tokenUrl(java.net.URI.create("https://127.0.0.1:9/oauth/token"))
                .clientId(clientId)
                .username("u")
                .password("p")
                .build());
    }

    /**
     * The health once the first token request has an outcome: on a loaded machine the cold first request may outlast
     * the indicator's wait, which reports OUT_OF_SERVICE meanwhile.
     */
    private static Health settledHealth(AssertableApplicationContext context) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> health(context), health -> !Status.OUT_OF_SERVICE.equals(health.getStatus()));
    }

    private static Health health(AssertableApplicationContext context) {
        Map<String, HealthContributor> contributors = context.getBeansOfType(HealthContributor.class);
        assertThat(contributors).containsOnlyKeys("chimpyposHealthContributor");
        return ((HealthIndicator) contributors.get("chimpyposHealthContributor")).health();
    }
}
