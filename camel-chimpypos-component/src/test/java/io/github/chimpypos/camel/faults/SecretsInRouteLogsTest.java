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
package io.github.chimpypos.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.HttpTokenEndpointClient;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.testsupport.LogCapture;
import io.github.chimpypos.camel.testsupport.RecordingTokenEndpointClient;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run of failing scenarios through routes with the default error handler (which logs every failed exchange), every
 * logger at TRACE, HttpClient's wire and header logs included. Secrets are set on the component (Camel itself logs raw
 * endpoint URIs at TRACE, so secrets in URIs are documented as unsupported). One route uses the component's own token
 * provider, whose tokens the test cannot see: no log line may hold anything shaped like a JWT. Another route uses a
 * provider of the same class whose token client records every access and refresh token issued or presented: no log
 * line may hold any of them. Invariant: no secret in any log line.
 */
class SecretsInRouteLogsTest extends FaultsTestSupport {

    private static final String WRONG_PASSWORD = "wrong-Passw0rd-route-logs-0042";
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private DefaultTokenProvider recordingProvider;

    @AfterEach
    void stopRecordingProvider() {
        if (recordingProvider != null) {
            recordingProvider.stop();
        }
    }

    @Test
    void noLogLineOfAFailingRunThroughRoutesShowsASecretOrAToken() throws Exception {
        component().getConfiguration().setClientSecret(credentials().clientSecret());
        TokenProviderSettings settings = TokenProviderSettings.builder()
                .tokenUrl(emulator().tokenUrl())
                .clientId(credentials().clientId())
                .audience(credentials().audience())
                .username(credentials().username())
                .password(credentials().password())
                .clientSecret(credentials().clientSecret())
                .maxRetries(TOKEN_MAX_RETRIES)
                .retryInitialBackoff(Duration.ofMillis(20))
                .httpClientSettings(new HttpClientSettings(
                        emulator().clientSslContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), 2))
                .clock(CLOCK)
                .build();
        RecordingTokenEndpointClient recordingClient =
                new RecordingTokenEndpointClient(new HttpTokenEndpointClient(settings));
        recordingProvider = new DefaultTokenProvider(settings, recordingClient);
        recordingProvider.start();
        context.getRegistry().bind("recordingProvider", recordingProvider);
        context.getRegistry().bind("jvmDefaultTrustOnly", new SSLContextParameters());

        List<String> lines;
        try (LogCapture log = LogCapture.everything()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:own").to("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT0001");
                    from("direct:recorded")
                            .to("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT0002"
                                    + "&tokenProvider=#recordingProvider");
                    from("direct:pickup")
                            .to("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb"
                                    + "&generatePartnerTransactionId=true");
                }
            });
            for (String route : List.of("direct:own", "direct:recorded")) {
                playFailures(route);
            }
            template.send("direct:pickup", e -> e.getMessage().setHeader("CamelChimpyPosBatteryId", "BAT0450"));
            control().failNextApiCalls(1, Fault.dropConnection());
            template.send("direct:pickup", e -> e.getMessage().setHeader("CamelChimpyPosBatteryId", "BAT0451"));

            component().getConfiguration().setPassword(WRONG_PASSWORD);
            for (int i = 0; i < 3; i++) {
                Exchange rejected = template.send("chimpypos:checkUser?userCoupon=APPUSER1&lang=en", e -> {});
                assertThat(rejected.getException()).isInstanceOf(ChimpyPosAuthenticationException.class);
            }
            component().getConfiguration().setPassword(credentials().password());
            // shares the token provider (and its TLS settings) of the first endpoint: the API handshake fails
            Exchange untrusted = template.send(
                    "chimpypos:checkUser?userCoupon=APPUSER1&sslContextParameters=#jvmDefaultTrustOnly", e -> {});
            assertThat(untrusted.getException()).hasMessageContaining("TLS with the PoS API failed");
            lines = log.lines();
        }

        Set<String> secrets = ConcurrentHashMap.newKeySet();
        secrets.addAll(recordingClient.tokens());
        assertThat(secrets).as("tokens recorded").hasSizeGreaterThan(8);
        secrets.add(credentials().password());
        secrets.add(credentials().clientSecret());
        secrets.add(WRONG_PASSWORD);

        assertThat(lines).as("captured log lines").hasSizeGreaterThan(200);
        assertThat(lines).anyMatch(line -> line.startsWith("TRACE org.apache.camel"));
        assertThat(lines).anyMatch(line -> line.contains("Authorization: ******"));
        assertThat(lines).anyMatch(line -> line.contains("Failed delivery for"));
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            if (JWT.matcher(line).find()) {
                leaks.add("JWT-shaped: " + line.substring(0, Math.min(line.length(), 160)));
            }
            for (String secret : secrets) {
                for (String part : secret.split("\\.")) {
                    if (part.length() >= 8 && !part.startsWith("eyJhbGciOi") && line.contains(part)) {
                        leaks.add(line.substring(0, Math.min(line.length(), 160)));
                    }
                }
            }
        }
        assertThat(leaks).as("log lines showing a secret").isEmpty();
    }

    /**
     * Successes, a 401 replay, a rejected refresh, a background renewal, a token-service outage, a 429 and a broken API
     * answer, all through one route.
     */
    private void playFailures(String route) {
        send(route);
        control().revokeAccessTokens();
        send(route);
        control().revokeAllTokens();
        send(route);
        CLOCK.advance(LIFETIME.minusSeconds(50));
        send(route);
        awaitQuiet();
        control().failNextTokenCalls(1 + TOKEN_MAX_RETRIES, Fault.status(503));
        control().revokeAccessTokens();
        send(route);
        CLOCK.advance(MAX_BACKOFF);
        control().failNextTokenCalls(1, Fault.respond(200, "application/json", "{\"access_token\":\"eyJ"));
        control().failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofSeconds(5)));
        send(route);
        CLOCK.advance(Duration.ofSeconds(5));
        send(route);
        control().failNextApiCalls(1, Fault.respond(500, "text/html", "<html>Internal error</html>"));
        send(route);
        CLOCK.advance(Duration.ofMinutes(1));
    }

    private void awaitQuiet() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> component().getTokenProviderRegistry().providers().stream()
                                .noneMatch(p -> p.status().state()
                                        == io.github.chimpypos.camel.auth.TokenProviderState.RENEWING)
                        && recordingProvider.status().state()
                                != io.github.chimpypos.camel.auth.TokenProviderState.RENEWING);
    }
}
