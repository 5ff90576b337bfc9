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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** checkBattery and checkUser (reference §4.3, §4.4, §7). */
class CheckEndpointsTest {

    @RegisterExtension
    static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());
    private final String token = client.accessToken();

    @ParameterizedTest
    @CsvSource({
        "BAT0001,pickup,ready_for_pickup,",
        "BAT0500,return,error,battery_not_rented_out",
        "RENTED01,pickup,error,battery_already_used",
        "RENTED20,return,ready_for_return,",
        "LATE05,return,ready_for_return,",
        "RETURNED01,pickup,error,battery_already_used",
        "RETURNED10,return,error,battery_already_returned",
        "EXPIRED01,pickup,error,battery_expired",
        "EXPIRED10,return,error,battery_expired",
        "BAT0501,pickup,error,battery_non_existing",
        "NOPE,return,error,battery_non_existing"
    })
    void batteryCheckFollowsTheStateMachine(String battery, String type, String status, String errorType) {
        TestClient.Reply reply = client.get("/api/v2/batteries/" + battery + "?rental_type=" + type, token);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode resource = reply.json().at("/data/battery");
        assertThat(resource.get("status").asText()).isEqualTo(status);
        if (errorType == null) {
            assertThat(resource.get("error_type").isNull()).isTrue();
        } else {
            assertThat(resource.get("error_type").asText()).isEqualTo(errorType);
            assertThat(resource.get("error_message").asText()).isNotBlank();
        }
        assertThat(reply.json().get("locale").asText()).isEqualTo("en");
        assertThat(reply.json().at("/req/path").asText()).isEqualTo("/api/v2/batteries/" + battery);
    }

    @Test
    void batteryCheckNeverChangesState() {
        client.get("/api/v2/batteries/BAT0003?rental_type=pickup", token);
        client.get("/api/v2/batteries/BAT0003?rental_type=pickup", token);

        assertThat(client.get("/api/v2/batteries/BAT0003?rental_type=pickup", token)
                        .json()
                        .at("/data/battery/status")
                        .asText())
                .isEqualTo("ready_for_pickup");
    }

    @Test
    void batteryCheckDefaultsToPickup() {
        assertThat(client.get("/api/v2/batteries/BAT0001", token)
                        .json()
                        .at("/data/battery/rental_type")
                        .asText())
                .isEqualTo("pickup");
    }

    @ParameterizedTest
    @CsvSource({
        "de,Diese Powerbank existiert nicht.",
        "fr,Cette powerbank n'existe pas.",
        "it,Questo powerbank non esiste.",
        "en,This battery does not exist."
    })
    void errorMessagesAreLocalised(String lang, String message) {
        TestClient.Reply reply = client.get("/api/v2/batteries/UNKNOWN?lang=" + lang, token);

        assertThat(reply.json().at("/data/battery/error_message").asText()).isEqualTo(message);
        assertThat(reply.json().get("locale").asText()).isEqualTo(lang);
    }

    @ParameterizedTest
    @CsvSource({
        "FREECHARGE1,valid,,free_charge,shop",
        "APPUSER1,valid,,,app",
        "INACTIVE1,error,user_inactive,,",
        "SOMETHING,error,user_hash_invalid,,"
    })
    void userCheckRecognisesCoupons(
            String coupon, String status, String errorType, String couponType, String paymentVia) {
        JsonNode user = client.get("/api/v2/users/" + coupon, token).json().at("/data/user");

        assertThat(user.get("status").asText()).isEqualTo(status);
        assertThat(
                        user.get("error_type").isNull()
                                ? null
                                : user.get("error_type").asText())
                .isEqualTo(errorType);
        assertThat(
                        user.get("coupon_type").isNull()
                                ? null
                                : user.get("coupon_type").asText())
                .isEqualTo(couponType);
        assertThat(
                        user.get("payment_via").isNull()
                                ? null
                                : user.get("payment_via").asText())
                .isEqualTo(paymentVia);
    }

    @Test
    void badLangIs400InvalidParameter() {
        TestClient.Reply reply = client.get("/api/v2/users/APPUSER1?lang=es", token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/status").asText()).isEqualTo("error");
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("invalid_parameter");
        assertThat(reply.json().at("/error/error_message").asText()).contains("lang");
    }

    @Test
    void badRentalTypeOnBatteryCheckIs400() {
        TestClient.Reply reply = client.get("/api/v2/batteries/BAT0001?rental_type=steal", token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/error_message").asText()).contains("rental_type");
    }

    @Test
    void unknownPathIs404WithEnvelope() {
        TestClient.Reply reply = client.get("/api/v2/powerbanks/BAT0001", token);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("not_found");
        assertThat(EMULATOR.emulator().control().counters().apiCalls("unknown", 404))
                .isEqualTo(1);
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        TestClient.Reply reply = client.post("/api/v2/batteries/BAT0001", token);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertThat(reply.json().at("/error/error_type").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void malformedPercentEncodingIs400() {
        // the JDK server itself rejects an unparsable request line (text/html 400) before any handler runs
        String reply = client.raw(
                EMULATOR.emulator().apiUrl(),
                "GET /api/v2/users/APP%ZZ HTTP/1.1\r\n" + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400");
    }

    @Test
    void callsAreCountedByOperationAndRoute() {
        client.get("/api/v2/users/APPUSER1", token);
        client.get("/api/v2/users/NOPE", token);

        EmulatorCounters counters = EMULATOR.emulator().control().counters();
        assertThat(counters.apiCalls("checkUser")).isEqualTo(2);
        assertThat(counters.apiCalls("GET /api/v2/users/{user_coupon}", 200)).isEqualTo(2);
        assertThat(counters.apiCalls()).isEqualTo(2);
        assertThat(counters.maxConcurrentApiCalls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void callsOneAfterAnotherNeverCountAsConcurrent() {
        // A call stops being in flight when its answer starts, so a client that sends its next request as soon as
        // it has read an answer never shows two calls at once, however fast it is.
        EMULATOR.emulator().control().resetCounters();
        for (int i = 0; i < 50; i++) {
            client.get("/api/v2/users/APPUSER1", token);
            client.accessToken();
        }

        EmulatorCounters counters = EMULATOR.emulator().control().counters();
        assertThat(counters.apiCalls()).isEqualTo(50);
        assertThat(counters.maxConcurrentApiCalls()).isEqualTo(1);
        assertThat(counters.maxConcurrentTokenCalls()).isEqualTo(1);
    }
}
