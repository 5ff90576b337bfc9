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

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a client sends, the answer is a clear 4xx (never a 5xx) and no state changes. */
class ClientMistakesTest {

    private static final List<String> PATHS = List.of(
            "/api/v2/batteries/BAT0001",
            "/api/v2/batteries/%E2%98%83",
            "/api/v2/batteries/" + "B".repeat(3000),
            "/api/v2/users/APPUSER1",
            "/api/v2/users/%00",
            "/api/v2/rentals/pickup/shop-zurich-hb/BAT0001",
            "/api/v2/rentals/pickup/shop-zurich-hb/BAT0001/APPUSER1/extra",
            "/api/v2/rentals/PICKUP/shop-zurich-hb/BAT0001",
            "/api/v2/rentals/cancel/x",
            "/api/v2/rentals/cancel/",
            "/api/v2/stations/abc1/pricing",
            "/api/v2/stations/abc1/pickup",
            "/api/v2/stations/abc1/eject",
            "/api/v1/batteries/BAT0001",
            "/api",
            "/",
            "/__admin/nothing");

    private static final List<String> QUERIES = List.of(
            "",
            "?lang=",
            "?lang=DE",
            "?slip_width=-1&support_code=1e9",
            "?partner_transaction_id=" + "x".repeat(500),
            "?partner_transaction_id=%0A",
            "?rental_type=&auth0_id=",
            "?a&&b==c");

    private static final List<String> BODIES =
            List.of("", "null", "[]", "42", "{\"payment_gateway\":null}", "{\"payment_gateway\":[\"stripe\"]}", "{{{");

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void oddApiRequestsNeverGetAServerErrorNorChangeState() {
        TestClient client = new TestClient(EMULATOR.emulator());
        String token = client.accessToken();
        List<String> serverErrors = new ArrayList<>();
        int sent = 0;
        for (String path : PATHS) {
            for (String query : QUERIES) {
                for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")) {
                    String body = BODIES.get(sent % BODIES.size());
                    HttpRequest request = client.api(path + query, sent % 7 == 0 ? null : token)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    TestClient.Reply reply = client.send(request);
                    sent++;
                    if (reply.status() >= 500) {
                        serverErrors.add(method + " " + path + query + " -> " + reply.status() + " " + reply.body());
                    }
                }
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(sent).isGreaterThan(500);
        // the only valid creating calls in the matrix pick up BAT0001 (once) and nothing else moved
        assertThat(EMULATOR.emulator().control().counters().createdRentals()).isLessThanOrEqualTo(1);
        assertThat(client.get("/api/v2/batteries/BAT0002?rental_type=pickup", token)
                        .json()
                        .at("/data/battery/status")
                        .asText())
                .isEqualTo("ready_for_pickup");
    }

    @Test
    void oddTokenRequestsNeverGetAServerError() {
        TestClient client = new TestClient(EMULATOR.emulator());
        List<String> contentTypes = List.of(
                "application/json",
                "application/json; charset=utf-8",
                "APPLICATION/JSON",
                "application/x-www-form-urlencoded",
                "text/plain",
                "");
        List<String> bodies = List.of(
                "",
                "{}",
                "{\"grant_type\":null}",
                "{\"grant_type\":{\"a\":1}}",
                "{\"grant_type\":\"password\",\"scope\":\"   \"}",
                "grant_type=password&client_id=%ZZ",
                "grant_type=refresh_token&client_id=chimpy-sandbox-client&refresh_token=",
                "grant_type=client_credentials&client_id=chimpy-sandbox-client&client_secret=x&audience=",
                "\u0000\u0001\u0002",
                "[".repeat(5000));
        List<String> serverErrors = new ArrayList<>();
        for (String contentType : contentTypes) {
            for (String body : bodies) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(
                                EMULATOR.emulator().tokenUrl())
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (!contentType.isEmpty()) {
                    builder.header("Content-Type", contentType);
                }
                TestClient.Reply reply = client.send(builder.build());
                if (reply.status() >= 500 || reply.status() < 400) {
                    serverErrors.add(contentType + " " + body + " -> " + reply.status() + " " + reply.body());
                } else {
                    assertThat(reply.json().get("error").asText()).isNotBlank();
                }
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(EMULATOR.emulator().control().counters().tokenCalls("password", "success"))
                .isZero();
    }

    @Test
    void headRequestsGetHeadersOnly() {
        TestClient client = new TestClient(EMULATOR.emulator());
        TestClient.Reply reply = client.send(
                HttpRequest.newBuilder(URI.create(EMULATOR.emulator().apiUrl() + "/api/v2/users/APPUSER1"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + client.accessToken())
                        .build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEmpty();
    }
}
