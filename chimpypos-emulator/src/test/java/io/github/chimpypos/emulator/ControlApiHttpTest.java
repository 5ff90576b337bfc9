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

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /__admin control API over HTTP (what a curl session or a non-Java benchmark uses). */
class ControlApiHttpTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void countersAreServedAsJson() {
        client.passwordGrant(false);
        client.get("/api/v2/users/APPUSER1", null);

        TestClient.Reply reply = client.admin("GET", "/counters", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tokenCalls").asLong()).isEqualTo(1);
        assertThat(reply.json().at("/tokenCallsByGrantType/password/success").asLong())
                .isEqualTo(1);
        assertThat(reply.json().at("/apiCallsByRoute/checkUser/401").asLong()).isEqualTo(1);
        assertThat(reply.json().get("createdRentals").asLong()).isZero();
        assertThat(EMULATOR.emulator().control().counters().toJson()).isEqualTo(reply.body());
    }

    @Test
    void resetCountersAndState() {
        String token = client.accessToken();
        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001", token);

        assertThat(client.admin("POST", "/reset/counters", null).status()).isEqualTo(200);
        assertThat(EMULATOR.emulator().control().counters().apiCalls()).isZero();
        assertThat(client.admin("POST", "/reset/state", null).status()).isEqualTo(200);
        assertThat(client.admin("GET", "/batteries/BAT0001", null)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("IN_STOCK");

        client.post("/api/v2/rentals/pickup/shop-zurich-hb/BAT0001", token);
        assertThat(client.admin("POST", "/reset", "{\"counters\":true,\"state\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(client.admin("GET", "/batteries/BAT0001", null)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("RENTED");
    }

    @Test
    void tokenLifetimeAndRevocation() {
        assertThat(client.admin("PUT", "/token-lifetime", "{\"seconds\":120}").status())
                .isEqualTo(200);
        TestClient.Reply login = client.passwordGrant(true);
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(120);
        String access = login.json().get("access_token").asText();

        assertThat(client.admin("POST", "/revoke", "{\"tokens\":\"access\"}").status())
                .isEqualTo(200);
        assertThat(client.get("/api/v2/users/APPUSER1", access).status()).isEqualTo(401);
        assertThat(client.refresh(login.json().get("refresh_token").asText()).status())
                .isEqualTo(200);

        assertThat(client.admin("POST", "/revoke", null).status()).isEqualTo(200);
        assertThat(client.refresh(login.json().get("refresh_token").asText()).status())
                .isEqualTo(403);
    }

    @Test
    void faultsAreArmedOverHttp() {
        client.admin("POST", "/faults", "{\"target\":\"token\",\"count\":1,\"status\":429,\"retryAfterSeconds\":9}");
        client.admin("POST", "/faults", "{\"target\":\"token\",\"drop\":true}");
        client.admin(
                "POST",
                "/faults",
                "{\"target\":\"api\",\"status\":200,\"contentType\":\"text/html\",\"body\":\"<p>oops</p>\"}");

        TestClient.Reply throttled = client.passwordGrant(false);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("9");
        assertThat(client.admin("GET", "/counters", null)
                        .json()
                        .at("/tokenCallsByGrantType/password/fault")
                        .asLong())
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.passwordGrant(false))
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThat(client.get("/api/v2/users/APPUSER1", null).body()).isEqualTo("<p>oops</p>");
    }

    @Test
    void latencyStationAndBatteryStateOverHttp() {
        String token = client.accessToken();
        assertThat(client.admin("PUT", "/latency", "{\"target\":\"api\",\"millis\":0}")
                        .status())
                .isEqualTo(200);
        assertThat(client.admin("PUT", "/stations/abc1/state", "{\"state\":\"NO_BATTERY\"}")
                        .status())
                .isEqualTo(200);
        assertThat(client.admin("PUT", "/batteries/BAT0009/state", "{\"state\":\"returned\"}")
                        .status())
                .isEqualTo(200);
        assertThat(client.admin(
                                "PUT",
                                "/stations/zrh1/prices",
                                "{\"charge\":6,\"quick_charge\":2,\"deposit\":15,\"weekly_late_fee\":2}")
                        .status())
                .isEqualTo(200);

        assertThat(client.get("/api/v2/stations/abc1/pricing", token)
                        .json()
                        .at("/error/error_type")
                        .asText())
                .isEqualTo("no_battery_available_error");
        assertThat(client.get("/api/v2/batteries/BAT0009?rental_type=return", token)
                        .json()
                        .at("/data/battery/error_type")
                        .asText())
                .isEqualTo("battery_already_returned");
        assertThat(client.get("/api/v2/stations/zrh1/pricing", token)
                        .json()
                        .at("/data/station/total_amounts/charge")
                        .asDouble())
                .isEqualTo(6.0);
    }

    @Test
    void badControlRequestsAre4xxAndChangeNothing() {
        assertThat(client.admin("PUT", "/token-lifetime", "{\"seconds\":\"soon\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.admin("PUT", "/token-lifetime", "{\"seconds\":0}").status())
                .isEqualTo(400);
        assertThat(client.admin("PUT", "/token-lifetime", "{broken").status()).isEqualTo(400);
        assertThat(client.admin("POST", "/faults", "{\"target\":\"moon\",\"status\":500}")
                        .status())
                .isEqualTo(400);
        assertThat(client.admin("POST", "/faults", "{\"target\":\"api\",\"status\":42}")
                        .status())
                .isEqualTo(400);
        assertThat(client.admin("PUT", "/stations/nope/state", "{\"state\":\"ONLINE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.admin("PUT", "/stations/abc1/state", "{\"state\":\"ON_FIRE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.admin("GET", "/batteries/NOPE", null).status()).isEqualTo(404);
        assertThat(client.admin("DELETE", "/counters", null).status()).isEqualTo(404);

        assertThat(client.passwordGrant(false).json().get("expires_in").asLong())
                .isEqualTo(86_400);
        assertThat(client.get("/api/v2/stations/abc1/pricing", client.accessToken())
                        .status())
                .isEqualTo(200);
    }
}
