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
package io.github.chimpypos.camel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.LogCapture;
import io.github.chimpypos.camel.testsupport.RecordingTokenEndpointClient;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorControl;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole token lifecycle against the emulator, failures included, with every logger at TRACE and HttpClient's
 * wire and header logging on, and checks that no log line and no exception shows a password, client secret, access
 * token or refresh token.
 */
class SecretsInLogsTest {

    private static final String WRONG_PASSWORD = "wrong-Passw0rd-for-log-test";

    @Test
    void noSecretInAnyLogLineOfAFullRunWithFailures() throws Exception {
        MutableClock clock = MutableClock.startingAt(Instant.parse("2030-03-01T00:00:00Z"));
        List<String> lines;
        Set<String> secrets;
        try (ChimpyPosEmulator emulator = ChimpyPosEmulator.builder()
                        .clock(clock)
                        .accessTokenLifetime(Duration.ofMinutes(5))
                        .workerThreads(8)
                        .start();
                LogCapture capture = LogCapture.everything()) {
            EmulatorControl control = emulator.control();
            secrets = ConcurrentHashMap.newKeySet();
            secrets.add(emulator.credentials().password());
            secrets.add(emulator.credentials().clientSecret());
            secrets.add(WRONG_PASSWORD);

            for (TokenRequestFormat format : TokenRequestFormat.values()) {
                TokenProviderSettings settings = EmulatorTokenProviderTest.settings(emulator, clock)
                        .clientSecret(emulator.credentials().clientSecret())
                        .requestFormat(format)
                        .maxRetries(3)
                        .build();
                RecordingTokenEndpointClient client =
                        new RecordingTokenEndpointClient(new HttpTokenEndpointClient(settings));
                DefaultTokenProvider provider =
                        new DefaultTokenProvider(settings, client, clock::advance, () -> 0.5, new CredentialLockouts());
                provider.start();
                try {
                    AccessToken token = provider.getToken();
                    for (int i = 0; i < 3; i++) {
                        clock.advance(Duration.ofMinutes(4));
                        provider.getToken();
                        awaitIdle(provider);
                    }
                    token = provider.renewAfterUnauthorized(provider.getToken());
                    control.revokeAllTokens();
                    clock.advance(Duration.ofMinutes(1));
                    token = provider.renewAfterUnauthorized(token);
                    clock.advance(Duration.ofMinutes(1));
                    control.failNextTokenCalls(1, Fault.status(503));
                    control.failNextTokenCalls(
                            1,
                            Fault.respond(
                                    200,
                                    "application/json",
                                    "{\"access_token\":\"" + token.value() + "\",\"expires_in\":\"x\"}"));
                    control.failNextTokenCalls(1, Fault.dropConnection());
                    provider.renewAfterUnauthorized(token);
                    control.failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofSeconds(5)));
                    clock.advance(Duration.ofMinutes(1));
                    AccessToken current = provider.getToken();
                    assertThatThrownBy(() -> provider.renewAfterUnauthorized(current))
                            .isInstanceOf(ChimpyPosAuthenticationException.class);
                } finally {
                    provider.stop();
                }
                secrets.addAll(client.tokens());
            }

            TokenProviderSettings wrong = EmulatorTokenProviderTest.settings(emulator, clock)
                    .password(WRONG_PASSWORD)
                    .build();
            DefaultTokenProvider rejected = new DefaultTokenProvider(wrong);
            rejected.start();
            try {
                for (int i = 0; i < 3; i++) {
                    assertThatThrownBy(rejected::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
                }
            } finally {
                rejected.stop();
            }

            TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jvm.init((KeyStore) null);
            SSLContext untrusted = SSLContext.getInstance("TLS");
            untrusted.init(null, jvm.getTrustManagers(), null);
            DefaultTokenProvider tls = new DefaultTokenProvider(EmulatorTokenProviderTest.settings(emulator, clock)
                    .httpClientSettings(
                            new HttpClientSettings(untrusted, Duration.ofSeconds(5), Duration.ofSeconds(5), 1))
                    .build());
            tls.start();
            try {
                assertThatThrownBy(tls::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
            } finally {
                tls.stop();
            }
            lines = capture.lines();
        }

        assertThat(secrets).hasSizeGreaterThan(10);
        assertThat(lines).as("captured log lines").hasSizeGreaterThan(50);
        assertThat(lines).anyMatch(line -> line.contains("org.apache.hc.client5.http"));
        List<String> leaks = new java.util.ArrayList<>();
        for (String secret : secrets) {
            String[] parts = secret.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                if (parts.length == 3 && i == 0) {
                    continue; // a JWT header is the same for every token and not secret
                }
                String part = parts[i];
                lines.stream()
                        .filter(line -> line.contains(part))
                        .map(line -> line.substring(0, Math.min(line.length(), 120)))
                        .forEach(leaks::add);
            }
        }
        assertThat(leaks).as("log lines showing a secret").isEmpty();
    }

    private static void awaitIdle(DefaultTokenProvider provider) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> provider.status().state() != TokenProviderState.RENEWING);
    }
}
