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
package io.github.chimpypos.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A terminal whose password is wrong: health says DOWN and why, the terminal gets a 503, and no actuator endpoint
 * nor log line shows the password, though env and configprops show values in the dev profile.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camel.component.chimpypos.password=" + WrongCredentialsTest.WRONG_PASSWORD)
@ActiveProfiles("dev")
@ExtendWith(OutputCaptureExtension.class)
class WrongCredentialsTest {

    static final String WRONG_PASSWORD = "Typo-in-the-Passw0rd";

    @LocalServerPort
    int port;

    @Autowired
    ChimpyPosEmulator emulator;

    @Test
    void healthIsDownWithTheReasonAndReadinessRefusesTraffic() {
        TerminalHttp operator = new TerminalHttp(port);
        TerminalHttp.Answer health = await().atMost(Duration.ofSeconds(30))
                .until(() -> operator.get("/actuator/health"), answer -> answer.status() == 503);
        JsonNode chimpypos = health.json().path("components").path("chimpypos");
        assertThat(chimpypos.path("status").asText()).isEqualTo("DOWN");
        assertThat(chimpypos.path("details").path("last.failure.reason").asText())
                .isEqualTo("CREDENTIALS_REJECTED");
        assertThat(chimpypos.path("details").path("message").asText()).contains("rejected");

        TerminalHttp.Answer readiness = operator.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness
                        .json()
                        .path("components")
                        .path("chimpypos")
                        .path("status")
                        .asText())
                .isEqualTo("DOWN");
    }

    @Test
    void theTerminalIsToldThePosIsUnavailable() {
        TerminalHttp.Answer scan = new TerminalHttp(port).get("/terminal/batteries/BAT0100?rentalType=pickup");
        assertThat(scan.status()).as(scan.body()).isEqualTo(503);
        assertThat(scan.json().path("error").asText()).isEqualTo("pos_unavailable");
        assertThat(scan.json().path("message").asText()).isEqualTo("CREDENTIALS_REJECTED");
    }

    @Test
    void noEndpointAndNoLogLineShowsAPassword(CapturedOutput output) {
        TerminalHttp operator = new TerminalHttp(port);
        operator.get("/terminal/batteries/BAT0101?rentalType=pickup");
        List<String> secrets =
                List.of(WRONG_PASSWORD, emulator.credentials().password(), emulator.trustStorePassword());

        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/env",
                "/actuator/env/camel.component.chimpypos.password",
                "/actuator/configprops",
                "/actuator/configprops/camel.component.chimpypos",
                "/actuator/metrics/chimpypos.token.failures")) {
            TerminalHttp.Answer answer = operator.get(path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isLessThan(600);
            for (String secret : secrets) {
                assertThat(answer.body()).as(path).doesNotContain(secret);
            }
        }

        // values are shown in the dev profile, so the masking is the starter's doing
        JsonNode passwordEntry = operator.get("/actuator/env/camel.component.chimpypos.password")
                .json()
                .path("property");
        assertThat(passwordEntry.path("value").asText()).isEqualTo("******");
        assertThat(operator.get("/actuator/env/camel.component.chimpypos.location-id")
                        .json()
                        .path("property")
                        .path("value")
                        .asText())
                .isEqualTo("shop-zurich-hb");
        JsonNode properties = componentProperties(
                operator.get("/actuator/configprops/camel.component.chimpypos").json());
        assertThat(properties.path("password").asText())
                .as(properties.toString())
                .isEqualTo("******");
        assertThat(properties.path("locationId").asText()).isEqualTo("shop-zurich-hb");

        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** The properties of the starter's configuration bean in a configprops answer. */
    private static JsonNode componentProperties(JsonNode configprops) {
        for (JsonNode context : configprops.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if ("camel.component.chimpypos".equals(bean.path("prefix").asText())) {
                    return bean.path("properties");
                }
            }
        }
        throw new AssertionError("No camel.component.chimpypos bean in " + configprops);
    }
}
