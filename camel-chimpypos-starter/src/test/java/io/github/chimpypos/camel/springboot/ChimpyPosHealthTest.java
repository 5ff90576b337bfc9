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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
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

/**
 * The chimpypos health indicator against the emulator: UP with a token, DOWN with the reason, UP after recovery. The
 * indicator never requests a token: the tests ask the provider for one where an exchange would.
 */
class ChimpyPosHealthTest {

    private static final String WRONG_PASSWORD = "wrong-Passw0rd-for-health";

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private ApplicationContextRunner runner(ChimpyPosEmulator emulator) {
        return EmulatorSupport.runner(emulator, ChimpyPosHealthAutoConfiguration.class)
                .withPropertyValues(
                        "camel.component.chimpypos.token-max-retries=0",
                        "camel.component.chimpypos.token-retry-initial-backoff=50ms",
                        "camel.component.chimpypos.token-retry-max-backoff=100ms");
    }

    @Test
    void upWithAValidTokenShowingWhenItExpires(ChimpyPosEmulator emulator) {
        runner(emulator).run(context -> {
            long tokenCalls = emulator.control().counters().tokenCalls();
            Health beforeAnyExchange = health(context);
            attempt(context);
            Health health = health(context);

            assertThat(beforeAnyExchange.getStatus()).isEqualTo(Status.UP);
            assertThat(beforeAnyExchange.getDetails()).containsEntry("token.state", "NO_TOKEN");
            assertThat(emulator.control().counters().tokenCalls()).isEqualTo(tokenCalls + 1);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("token.state", "VALID")
                    .containsEntry("clientId", emulator.credentials().clientId())
                    .containsKey("token.expires.at")
                    .doesNotContainKey("last.failure.reason");
            assertThat(String.valueOf(health.getDetails().get("message"))).startsWith("Access token valid until");
            assertThat(health.toString()).doesNotContain(emulator.credentials().password());
        });
    }

    @Test
    void downWithCredentialsRejectedAndNoFurtherTokenCalls(ChimpyPosEmulator emulator) {
        runner(emulator)
                .withPropertyValues("camel.component.chimpypos.password=" + WRONG_PASSWORD)
                .run(context -> {
                    attempt(context);
                    Health first = health(context);
                    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(first.getDetails())
                            .containsEntry("last.failure.reason", "CREDENTIALS_REJECTED")
                            .containsEntry("token.state", "CREDENTIALS_LOCKED")
                            .containsKey("next.attempt.not.before");
                    assertThat(String.valueOf(first.getDetails().get("message")))
                            .contains("credentials rejected");
                    assertThat(first.toString()).doesNotContain(WRONG_PASSWORD);

                    long tokenCalls = emulator.control().counters().tokenCalls();
                    Health again = health(context);
                    assertThat(again.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(again.getDetails()).containsEntry("last.failure.reason", "CREDENTIALS_REJECTED");
                    // the lockout holds: checking health does not knock on the token service again
                    assertThat(emulator.control().counters().tokenCalls()).isEqualTo(tokenCalls);
                });
    }

    @Test
    void downWhileTheAuthServiceIsUnavailableThenUpByItself(ChimpyPosEmulator emulator) {
        // an outage that outlasts any number of health checks until the test ends it
        emulator.control().failNextTokenCalls(1_000, Fault.status(503));
        // a backoff that outlasts the first check; the next attempt after it finds the auth service back
        runner(emulator)
                .withPropertyValues("camel.component.chimpypos.token-retry-initial-backoff=2s")
                .run(context -> {
                    attempt(context);
                    Health down = health(context);
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails())
                            .containsEntry("last.failure.reason", "AUTH_SERVICE_UNAVAILABLE")
                            .containsEntry("token.state", "FAILING");

                    emulator.control().resetState(); // the auth service is back
                    await().atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> attempt(context)
                                    && health(context).getStatus().equals(Status.UP));
                    assertThat(health(context).getDetails())
                            .containsEntry("token.state", "VALID")
                            .containsEntry("consecutive.failures", 0);
                });
    }

    @Test
    void downWhenRateLimited(ChimpyPosEmulator emulator) {
        emulator.control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofMinutes(1)));
        runner(emulator).run(context -> {
            attempt(context);
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("last.failure.reason", "RATE_LIMITED")
                    .containsKey("next.attempt.not.before");
        });
    }

    @Test
    void upWhileTheFirstTokenIsBeingObtainedWithOneTokenRequestOnly(ChimpyPosEmulator emulator) {
        emulator.control().setTokenLatency(Duration.ofSeconds(2));
        runner(emulator).run(context -> {
            CompletableFuture<Boolean> exchange = CompletableFuture.supplyAsync(() -> attempt(context));
            Health waiting = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> health(context),
                            health -> "RENEWING".equals(health.getDetails().get("token.state")));
            assertThat(waiting.getStatus()).isEqualTo(Status.UP);
            assertThat(waiting.getDetails()).containsEntry("token.state", "RENEWING");
            assertThat(waiting.getDetails()).containsEntry("message", "Obtaining an access token");
            assertThat(exchange.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(health(context).getDetails()).containsEntry("token.state", "VALID");
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
    void oneEntryPerProviderBeanWhenThereAreSeveral() {
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
                    assertThat(shopB.getDetails()).containsEntry("clientId", "shop-b");
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

    /** What an exchange does first: asks the provider for a token; true when it got one. */
    private static boolean attempt(AssertableApplicationContext context) {
        try {
            context.getBean(ObservableTokenProvider.class).getToken();
            return true;
        } catch (ChimpyPosAuthenticationException e) {
            return false;
        }
    }

    private static Health health(AssertableApplicationContext context) {
        Map<String, HealthContributor> contributors = context.getBeansOfType(HealthContributor.class);
        assertThat(contributors).containsOnlyKeys("chimpyposHealthContributor");
        return ((HealthIndicator) contributors.get("chimpyposHealthContributor")).health();
    }
}
