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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;

/**
 * The producer readiness check: DOWN with the reason while no token can be obtained, UP with token details when one
 * is held, ready again once a wait is over; it reads the provider's status and never requests a token itself (the
 * tests send exchanges for that).
 */
class ChimpyPosProducerHealthCheckTest extends ChimpyPosTestSupport {

    static final String WRONG_PASSWORD = "wrong-Passw0rd-for-health";
    private static final String ROUTE = "checkUser";
    private static final String FIXABLE_ROUTE = "fixable";
    private static final String FIXABLE = "chimpypos:checkUser?userCoupon=FREECHARGE1";
    private static final String CREDENTIALS_REJECTED =
            "{\"error\":\"invalid_grant\"," + "\"error_description\":\"Wrong email or password.\"}";

    private final MutableClock clock = MutableClock.fixedAtNow();

    @Override
    protected void configure(ChimpyPosComponent component) {
        super.configure(component);
        component.setClock(clock);
        // one attempt per acquisition: the backoff after it is what the tests move the clock past
        component.getConfiguration().setTokenMaxRetries(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:checkUser").routeId(ROUTE).to("chimpypos:checkUser?userCoupon=APPUSER1");
            }
        };
    }

    @Test
    void upWithTokenDetailsOnceATokenIsHeldAndOnlyOneTokenCall() {
        HealthCheck.Result beforeAnyExchange = producerCheck().call();
        template.send("direct:checkUser", e -> {});
        HealthCheck.Result first = producerCheck().call();
        HealthCheck.Result second = producerCheck().call();

        assertThat(beforeAnyExchange.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(beforeAnyExchange.getMessage())
                .hasValue("No access token requested yet; the first exchange obtains one");
        assertThat(first.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(first.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Access token valid until "));
        assertThat(second.getDetails())
                .containsEntry("token.state", "VALID")
                .containsKeys("token.expires.at", "token.renewal.in", "last.success.at", "endpoint.uri")
                .containsEntry("token.calls", 1L);
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertNoSecret(first, second);
    }

    @Test
    void isAReadinessCheckOfTheProducersRepository() {
        HealthCheck check = producerCheck();

        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.getId()).startsWith("producer:chimpypos-checkUser-");
        Collection<HealthCheck.Result> readiness = HealthCheckHelper.invokeReadiness(context);
        assertThat(readiness)
                .filteredOn(r -> r.getCheck().getId().equals(check.getId()))
                .singleElement()
                .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(HealthCheckHelper.invokeLiveness(context)).noneMatch(r -> r.getCheck() == check);
    }

    @Test
    void downWhenTheCredentialsAreRejectedAndTheCheckDoesNotRetryThem() throws Exception {
        startRouteWithPassword(WRONG_PASSWORD);
        template.send("direct:fixable", e -> {});

        HealthCheck.Result down = checkOf(FIXABLE).call();
        for (int i = 0; i < 5; i++) {
            checkOf(FIXABLE).call();
        }

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("No access token: credentials rejected by the token service; no new attempt until ")
                        .endsWith(
                                " - fix them, then reset the credentials lockout (JMX operation resetCredentialsLockout on"
                                        + " org.apache.camel:type=chimpypos, ObservableTokenProvider.resetCredentialsLockout(), or the"
                                        + " Spring Boot actuator endpoint chimpypos)"));
        assertThat(down.getDetails())
                .containsEntry("token.state", "CREDENTIALS_LOCKED")
                .containsEntry("last.failure.reason", "CREDENTIALS_REJECTED")
                .containsKey("next.attempt.not.before");
        assertThat(counters().tokenCalls()).isEqualTo(1);
        assertNoSecret(down);
    }

    @Test
    void upAgainAfterTheCredentialsAreFixed() throws Exception {
        startRouteWithPassword(WRONG_PASSWORD);
        template.send("direct:fixable", e -> {});
        assertThat(checkOf(FIXABLE).call().getState()).isEqualTo(HealthCheck.State.DOWN);

        startRouteWithPassword(credentials().password());
        template.send("direct:fixable", e -> {});
        HealthCheck.Result up = checkOf(FIXABLE).call();

        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.state", "VALID");
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void upAgainAfterAnOperatorResetsTheLockout() {
        emulator().control().failNextTokenCalls(1, Fault.respond(403, "application/json", CREDENTIALS_REJECTED));
        template.send("direct:checkUser", e -> {});
        HealthCheck.Result down = producerCheck().call();
        HealthCheck.Result stillDown = producerCheck().call();

        provider().resetCredentialsLockout();
        template.send("direct:checkUser", e -> {});
        HealthCheck.Result up = producerCheck().call();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stillDown.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void downWhileTheTokenServiceIsDownThenReadyForTheNextTryOnceTheBackoffIsOver() {
        emulator().control().failNextTokenCalls(1, Fault.status(503));
        template.send("direct:checkUser", e -> {});

        HealthCheck.Result down = producerCheck().call();
        HealthCheck.Result duringBackoff = producerCheck().call();
        long callsDuringOutage = counters().tokenCalls();
        clock.advance(Duration.ofMinutes(1));
        HealthCheck.Result ready = producerCheck().call();
        long callsOfTheChecks = counters().tokenCalls();
        template.send("direct:checkUser", e -> {});
        HealthCheck.Result up = producerCheck().call();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("No access token: token service unreachable or failing; no new attempt until "));
        assertThat(down.getDetails()).containsEntry("last.failure.reason", "AUTH_SERVICE_UNAVAILABLE");
        assertThat(duringBackoff.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(callsDuringOutage).isEqualTo(1);
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(ready.getMessage())
                .hasValue("No access token: token service unreachable or failing; the next exchange tries again");
        assertThat(callsOfTheChecks).isEqualTo(1);
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.state", "VALID");
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void downWithTheCauseWhenTheTokenServiceCannotBeReached() throws Exception {
        ChimpyPosComponent nowhere = new ChimpyPosComponent();
        super.configure(nowhere.getConfiguration());
        nowhere.getConfiguration().setTokenMaxRetries(0);
        nowhere.getConfiguration().setTokenUrl("https://127.0.0.1:" + closedPort() + "/oauth/token");
        context.addComponent("chimpyposNowhere", nowhere);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:nowhere").to("chimpyposNowhere:checkUser?userCoupon=APPUSER1");
            }
        });

        template.send("direct:nowhere", e -> {});
        HealthCheck.Result down =
                checkOf("chimpyposNowhere:checkUser?userCoupon=APPUSER1").call();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("No access token: token service unreachable or failing"
                                + " (org.apache.hc.client5.http.HttpHostConnectException);"
                                + " no new attempt until "));
        assertThat(down.getDetails())
                .containsEntry("last.error.class", "org.apache.hc.client5.http.HttpHostConnectException");
    }

    @Test
    void downWhileRateLimitedUntilRetryAfterHasPassed() {
        emulator().control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofSeconds(120)));
        template.send("direct:checkUser", e -> {});

        HealthCheck.Result down = producerCheck().call();
        clock.advance(Duration.ofSeconds(60));
        HealthCheck.Result stillDown = producerCheck().call();
        clock.advance(Duration.ofSeconds(61));
        HealthCheck.Result ready = producerCheck().call();
        template.send("direct:checkUser", e -> {});
        HealthCheck.Result up = producerCheck().call();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("No access token: rate limited by the token service; no new attempt until "));
        assertThat(down.getDetails()).containsEntry("last.failure.reason", "RATE_LIMITED");
        assertThat(stillDown.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.state", "VALID");
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void downWithTheReasonWhenTheTokenServiceCertificateIsNotTrusted() throws Exception {
        ChimpyPosComponent untrusted = new ChimpyPosComponent();
        super.configure(untrusted.getConfiguration());
        untrusted.getConfiguration().setSslContextParameters(null);
        context.addComponent("chimpyposUntrusted", untrusted);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:untrusted").to("chimpyposUntrusted:checkUser?userCoupon=APPUSER1");
            }
        });

        template.send("direct:untrusted", e -> {});
        HealthCheck.Result down =
                checkOf("chimpyposUntrusted:checkUser?userCoupon=APPUSER1").call();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("No access token: TLS handshake with the token service failed"));
        assertThat(down.getDetails()).containsEntry("last.failure.reason", TokenFailureReason.TLS_FAILURE.name());
        assertThat(counters().tokenCalls()).isZero();
    }

    @Test
    void disabledWhenTheComponentSwitchesProducerChecksOff() throws Exception {
        component().setHealthCheckProducerEnabled(false);
        context.getRouteController().stopRoute(ROUTE);
        context.getRouteController().startRoute(ROUTE);

        assertThat(producerCheck().isEnabled()).isFalse();
    }

    @Test
    void aCustomProviderWithoutStatusIsNeverAskedForAToken() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        TokenProvider failing = new TokenProvider() {
            @Override
            public io.github.chimpypos.camel.auth.AccessToken getToken() {
                asked.incrementAndGet();
                throw new ChimpyPosAuthenticationException(
                        TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "The vault is sealed");
            }

            @Override
            public io.github.chimpypos.camel.auth.AccessToken renewAfterUnauthorized(
                    io.github.chimpypos.camel.auth.AccessToken rejected) {
                return getToken();
            }
        };
        context.getRegistry().bind("vaultTokens", failing);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:custom").routeId("custom").to("chimpypos:checkBattery?tokenProvider=#vaultTokens");
            }
        });

        HealthCheck.Result unknown =
                checkOf("chimpypos:checkBattery?tokenProvider=#vaultTokens").call();

        assertThat(unknown.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(unknown.getMessage())
                .hasValueSatisfying(m -> assertThat(m).contains("shows no status; implement ObservableTokenProvider"));
        assertThat(asked).hasValue(0);
    }

    /** (Re)creates the route and its endpoint with this component-level password, as a redeployment would. */
    private void startRouteWithPassword(String password) throws Exception {
        if (context.getRoute(FIXABLE_ROUTE) != null) {
            context.getRouteController().stopRoute(FIXABLE_ROUTE);
            context.removeRoute(FIXABLE_ROUTE);
            context.removeEndpoints(FIXABLE);
        }
        component().getConfiguration().setPassword(password);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fixable").routeId(FIXABLE_ROUTE).to(FIXABLE);
            }
        });
    }

    private ObservableTokenProvider provider() {
        return (ObservableTokenProvider)
                context.getEndpoint("chimpypos:checkUser?userCoupon=APPUSER1", ChimpyPosEndpoint.class)
                        .getTokenProvider();
    }

    private List<HealthCheck> producerChecks() {
        WritableHealthCheckRepository repository =
                HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        assertThat(repository).isNotNull();
        // Camel keeps producer checks off unless camel.health.producersEnabled=true
        repository.setEnabled(true);
        return repository.stream()
                .filter(check -> check instanceof ChimpyPosProducerHealthCheck)
                .toList();
    }

    private HealthCheck producerCheck() {
        return checkOf("chimpypos:checkUser?userCoupon=APPUSER1");
    }

    private HealthCheck checkOf(String endpointUri) {
        String endpointId =
                context.getEndpoint(endpointUri, ChimpyPosEndpoint.class).getId();
        return producerChecks().stream()
                .filter(check -> check.getId().endsWith("-" + endpointId))
                .findFirst()
                .orElseThrow();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertNoSecret(HealthCheck.Result... results) {
        for (HealthCheck.Result result : results) {
            String shown = result.getMessage().orElse("") + " " + result.getDetails();
            assertThat(shown)
                    .doesNotContain(credentials().password())
                    .doesNotContain(credentials().clientSecret())
                    .doesNotContain(WRONG_PASSWORD)
                    .doesNotContain("eyJ");
        }
    }
}
