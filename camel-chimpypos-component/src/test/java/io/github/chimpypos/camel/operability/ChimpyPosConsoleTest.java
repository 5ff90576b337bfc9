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

import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The chimpypos dev console: found through the generated service descriptor, text and JSON, no secrets. */
class ChimpyPosConsoleTest extends ChimpyPosTestSupport {

    private static final String URI_PASSWORD = "console-Passw0rd-0042";
    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";

    @Test
    void camelConsoleFindsItOnTheClasspath() {
        DevConsole console = console();

        assertThat(console).isInstanceOf(ChimpyPosConsole.class);
        assertThat(console.getGroup()).isEqualTo("camel");
        assertThat(console.supportMediaType(DevConsole.MediaType.JSON)).isTrue();
    }

    @Test
    void textShowsEndpointsAndTokenState() {
        assertThat(send(CHECK_USER).getException()).isNull();
        context.getEndpoint("chimpypos:checkBattery?rentalType=pickup");

        String text = (String) console().call(DevConsole.MediaType.TEXT);

        assertThat(text)
                .contains("Token providers: 1")
                .contains(credentials().clientId() + "@" + emulator().tokenUrl().getHost())
                .contains("Health: UP - Access token valid until ")
                .contains("State: VALID")
                .contains("Endpoints: 2")
                .contains("Token calls: 1")
                .contains("Grants: {password=1}")
                .contains("Operation: checkUser")
                .contains("Operation: checkBattery")
                .contains("API URL: " + emulator().apiUrl())
                .contains("Token URL: " + emulator().tokenUrl())
                .contains("Client id: " + credentials().clientId());
        assertNoSecret(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonShowsEndpointsAndTokenState() {
        assertThat(send(CHECK_USER).getException()).isNull();

        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);

        List<Map<String, Object>> providers = (List<Map<String, Object>>) json.get("tokenProviders");
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider)
                    .containsEntry("state", "VALID")
                    .containsEntry("up", true)
                    .containsEntry("clientId", credentials().clientId())
                    .containsEntry("grantType", "password")
                    .containsEntry("endpoints", 1)
                    .containsEntry("tokenCalls", 1L)
                    .containsKeys("tokenExpiresAt", "timeToRenewalMillis", "lastSuccessAt", "message");
            assertThat((Map<String, Object>) provider.get("grantsByType")).containsEntry("password", 1L);
        });
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        assertThat(endpoints)
                .singleElement()
                .satisfies(endpoint -> assertThat(endpoint)
                        .containsEntry("operation", "checkUser")
                        .containsEntry("apiUrl", emulator().apiUrl().toString())
                        .containsEntry("tokenUrl", emulator().tokenUrl().toString())
                        .containsEntry("clientId", credentials().clientId())
                        .containsEntry("tokenProvider", providers.get(0).get("name")));
        assertNoSecret(json.toJson());
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsWhyThereIsNoToken() {
        component().getConfiguration().setTokenMaxRetries(0);
        // a backoff far longer than a loaded machine takes to reach the console: the wait is still on when it looks
        component().getConfiguration().setTokenRetryInitialBackoff(60_000);
        component().getConfiguration().setTokenRetryMaxBackoff(120_000);
        emulator().control().failNextTokenCalls(1, Fault.status(503));
        assertThat(send(CHECK_USER).getException()).isInstanceOf(ChimpyPosAuthenticationException.class);

        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        String text = (String) console().call(DevConsole.MediaType.TEXT);

        Map<String, Object> provider = ((List<Map<String, Object>>) json.get("tokenProviders")).get(0);
        assertThat(provider)
                .containsEntry("state", "FAILING")
                .containsEntry("up", false)
                .containsEntry("lastFailureReason", "AUTH_SERVICE_UNAVAILABLE")
                .containsKey("nextAttemptNotBefore");
        assertThat((Map<String, Object>) provider.get("failuresByReason"))
                .containsEntry("AUTH_SERVICE_UNAVAILABLE", 1L);
        assertThat(text).contains("Health: DOWN - No access token: token service unreachable or failing");
        assertThat(counters().tokenCalls())
                .as("the console never asks for a token")
                .isEqualTo(1);
    }

    @Test
    void secretsGivenInTheUriStayHidden() {
        assertThat(send(CHECK_USER + "&password=RAW(" + URI_PASSWORD + ")").getException())
                .isInstanceOf(ChimpyPosAuthenticationException.class);

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        String json = ((JsonObject) console().call(DevConsole.MediaType.JSON)).toJson();

        assertThat(text).contains("credentials rejected by the token service");
        assertNoSecret(text);
        assertNoSecret(json);
    }

    private DevConsole console() {
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        assertThat(registry).as("camel-console is on the test classpath").isNotNull();
        registry.loadDevConsoles();
        return registry.getConsole("chimpypos").orElseThrow();
    }

    private void assertNoSecret(String shown) {
        assertThat(shown)
                .doesNotContain(credentials().password())
                .doesNotContain(credentials().clientSecret())
                .doesNotContain(URI_PASSWORD)
                .doesNotContain("eyJ");
    }
}
