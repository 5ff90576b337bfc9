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
package io.github.chimpypos.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

    private static final String CHECK = "/api/v2/batteries/BAT0001?rental_type=pickup";

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final EmulatorControl control = EMULATOR.emulator().control();

    @Test
    void tokenStatusFaultsPlayForTheNextCallsOnly() {
        control.failNextTokenCalls(2, Fault.status(503));

        assertThat(client.passwordGrant(false).status()).isEqualTo(503);
        TestClient.Reply second = client.passwordGrant(false);
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.json().get("error").asText()).isEqualTo("server_error");
        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
        assertThat(control.counters().tokenCalls("password", "fault")).isEqualTo(2);
        assertThat(control.counters().tokenCalls("password", "success")).isEqualTo(1);
    }

    @Test
    void faultsPlayInTheOrderTheyWereArmed() {
        control.failNextTokenCalls(1, Fault.status(500));
        control.failNextTokenCalls(1, Fault.tooManyRequests(Duration.ofMillis(6500)));

        assertThat(client.passwordGrant(false).status()).isEqualTo(500);
        TestClient.Reply throttled = client.passwordGrant(false);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
    }

    @Test
    void droppedTokenConnectionFailsTheCallWithoutAResponse() {
        control.failNextTokenCalls(1, Fault.dropConnection());

        assertThatThrownBy(() -> client.passwordGrant(false)).hasCauseInstanceOf(IOException.class);
        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
        assertThat(control.counters().tokenCalls("password", "fault")).isEqualTo(1);
    }

    @Test
    void customTokenResponsesPlayMalformedAnswers() {
        control.failNextTokenCalls(1, Fault.respond(200, "text/html", "<html>maintenance</html>"));
        control.failNextTokenCalls(1, Fault.respond(200, "application/json", "{\"access_token\":\"abc"));
        control.failNextTokenCalls(
                1, Fault.respond(200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":-5}"));

        TestClient.Reply html = client.passwordGrant(false);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html");
        assertThat(html.body()).isEqualTo("<html>maintenance</html>");
        assertThat(client.passwordGrant(false).body()).isEqualTo("{\"access_token\":\"abc");
        assertThat(client.passwordGrant(false).json().get("expires_in").asInt()).isEqualTo(-5);
    }

    @Test
    void expiresInFaultGrantsTheCallAndRotatesTheRefreshTokenAsUsual() {
        String first = client.passwordGrant(true).json().get("refresh_token").asText();
        control.failNextTokenCalls(1, Fault.expiresIn(20_000_000_000_000_000L));

        TestClient.Reply absurd = client.refresh(first);

        assertThat(absurd.status()).isEqualTo(200);
        assertThat(absurd.json().get("expires_in").asLong()).isEqualTo(20_000_000_000_000_000L);
        String second = absurd.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(client.refresh(second).status()).isEqualTo(200);
        assertThat(control.counters().tokenCalls("refresh_token", "success")).isEqualTo(2);
        assertThat(control.counters().refreshTokenReuseDetections()).isZero();
    }

    @Test
    void lateAnswerFaultRotatesTheRefreshTokenThenAnswersLate() {
        String first = client.passwordGrant(true).json().get("refresh_token").asText();
        control.failNextTokenCalls(1, Fault.answerLate(Duration.ofMillis(300)));

        long start = System.nanoTime();
        TestClient.Reply late = client.refresh(first);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(late.status()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(300);
        // a client that gave up before the answer and presents the token again trips reuse detection
        assertThat(client.refresh(first).status()).isEqualTo(403);
        assertThat(control.counters().refreshTokenReuseDetections()).isEqualTo(1);
    }

    @Test
    void apiStatusFaultComesBeforeTheTokenCheckAndChangesNothing() {
        String token = client.accessToken();
        control.failNextApiCalls(1, Fault.status(502));

        TestClient.Reply reply = client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token);

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().at("/error/status").asText()).isEqualTo("error");
        assertThat(control.counters().createdRentals()).isZero();
        assertThat(control.counters().apiCalls("createRental", 502)).isEqualTo(1);
        assertThat(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0002", token)
                        .json()
                        .at("/data/rental/status")
                        .asText())
                .isEqualTo("pickup_completed");
    }

    @Test
    void apiTooManyRequestsCarriesRetryAfter() {
        control.failNextApiCalls(1, Fault.tooManyRequests(Duration.ofSeconds(3)));

        TestClient.Reply reply = client.get(CHECK, client.accessToken());

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void droppedApiConnectionFailsThePostAndCreatesNothing() {
        String token = client.accessToken();
        control.failNextApiCalls(1, Fault.dropConnection());

        assertThatThrownBy(() -> client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0003", token))
                .hasCauseInstanceOf(IOException.class);
        assertThat(control.counters().apiCalls("createRental", 0)).isEqualTo(1);
        assertThat(control.counters().createdRentals()).isZero();
        assertThat(client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0003", token)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void droppedGetIsRetriedOnceByJavaHttpClientSoTwoDropsFailIt() {
        // java.net.http silently retries an idempotent request once when the connection closes early
        String token = client.accessToken();
        control.failNextApiCalls(2, Fault.dropConnection());

        assertThatThrownBy(() -> client.get(CHECK, token)).hasCauseInstanceOf(IOException.class);
        assertThat(control.counters().apiCalls("checkBattery", 0)).isEqualTo(2);
        assertThat(client.get(CHECK, token).status()).isEqualTo(200);
    }

    @Test
    void customApiResponse() {
        control.failNextApiCalls(1, Fault.respond(503, "text/html", "<h1>Bad gateway</h1>"));

        TestClient.Reply reply = client.get(CHECK, client.accessToken());

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("<h1>Bad gateway</h1>");
    }

    @Test
    void latencyDelaysEachCallOnTheServer() {
        String token = client.accessToken();
        control.setApiLatency(Duration.ofMillis(300));
        control.setTokenLatency(Duration.ofMillis(200));

        long start = System.nanoTime();
        assertThat(client.get(CHECK, token).status()).isEqualTo(200);
        long apiMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
        long tokenMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(apiMillis).isGreaterThanOrEqualTo(300);
        assertThat(tokenMillis).isGreaterThanOrEqualTo(200);
    }

    @Test
    void resetStateDisarmsFaults() {
        control.failNextTokenCalls(5, Fault.status(503));

        control.resetState();

        assertThat(client.passwordGrant(false).status()).isEqualTo(200);
    }

    @Test
    void faultFactoriesRejectNonsense() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.tooManyRequests(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.answerLate(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> control.failNextApiCalls(0, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
