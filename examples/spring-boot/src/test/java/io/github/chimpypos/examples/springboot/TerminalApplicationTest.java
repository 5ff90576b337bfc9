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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The terminal's calls go over HTTP through the Camel routes and the component to the emulator, and back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class TerminalApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    ChimpyPosEmulator emulator;

    @Test
    void scanPriceRentOutAndTakeBack() {
        TerminalHttp terminal = new TerminalHttp(port);

        TerminalHttp.Answer scan = terminal.get("/terminal/batteries/BAT0042?rentalType=pickup");
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        assertThat(scan.json().path("status").asText()).isEqualTo("ready_for_pickup");
        assertThat(scan.json().path("battery_id").asText()).isEqualTo("BAT0042");

        TerminalHttp.Answer price = terminal.get("/terminal/prices/pickup/BAT0042");
        assertThat(price.status()).as(price.body()).isEqualTo(200);
        assertThat(price.json().path("charge_currency").asText()).isEqualTo("CHF");

        long rentalsBefore = emulator.control().counters().createdRentals();
        TerminalHttp.Answer rent = terminal.post("/terminal/pickups/BAT0042");
        assertThat(rent.status()).as(rent.body()).isEqualTo(200);
        assertThat(rent.json().path("status").asText()).isEqualTo("pickup_completed");
        assertThat(emulator.control().counters().createdRentals()).isEqualTo(rentalsBefore + 1);

        TerminalHttp.Answer takeBack = terminal.post("/terminal/returns/RENTED03?supportCode=200");
        assertThat(takeBack.status()).as(takeBack.body()).isEqualTo(200);
        assertThat(takeBack.json().path("status").asText()).isEqualTo("return_completed");
    }

    @Test
    void aBatteryThatCannotBeRentedOutIsAConflict() {
        TerminalHttp.Answer scan = new TerminalHttp(port).get("/terminal/batteries/EXPIRED02?rentalType=pickup");
        assertThat(scan.status()).as(scan.body()).isEqualTo(409);
        assertThat(scan.json().path("status").asText()).isEqualTo("error");
        assertThat(scan.json().path("error_type").asText()).isNotBlank();
    }

    @Test
    void healthAndReadinessAreUpWithTheTokenHeld() {
        TerminalHttp operator = new TerminalHttp(port);
        operator.get("/terminal/batteries/BAT0043?rentalType=pickup");

        TerminalHttp.Answer health = operator.get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode chimpypos = health.json().path("components").path("chimpypos");
        assertThat(chimpypos.path("status").asText()).isEqualTo("UP");
        assertThat(chimpypos.path("details").path("token.state").asText()).isEqualTo("VALID");

        TerminalHttp.Answer readiness = operator.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("components").has("chimpypos")).isTrue();
    }

    @Test
    void tokenMetricsArePublished() {
        TerminalHttp operator = new TerminalHttp(port);
        operator.get("/terminal/batteries/BAT0044?rentalType=pickup");

        TerminalHttp.Answer grants = operator.get("/actuator/metrics/chimpypos.token.grants");
        assertThat(grants.status()).as(grants.body()).isEqualTo(200);
        assertThat(grants.json().path("measurements").get(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(1);
        TerminalHttp.Answer expiry = operator.get("/actuator/metrics/chimpypos.token.time.to.expiry");
        assertThat(expiry.json().path("measurements").get(0).path("value").asDouble())
                .isPositive();
    }
}
