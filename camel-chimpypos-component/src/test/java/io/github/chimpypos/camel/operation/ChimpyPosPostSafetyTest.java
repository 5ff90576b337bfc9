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
package io.github.chimpypos.camel.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * POSTs create rentals: they are replayed after a 401 (the API did not process them) but after an unknown outcome only
 * when a partner transaction id lets the API recognise the replay. Invariant: never a duplicate rental.
 */
class ChimpyPosPostSafetyTest extends ChimpyPosTestSupport {

    private static final String CREATE_RENTAL =
            "chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb&batteryId=";

    @Test
    void createRentalIsReplayedOnceAfterA401() {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        emulator().control().revokeAccessTokens();

        Exchange exchange = send(CREATE_RENTAL + "BAT0100");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Rental.class).getStatus()).isEqualTo("pickup_completed");
        assertThat(counters().apiCalls("createRental", 401)).isEqualTo(1);
        assertThat(counters().apiCalls("createRental", 200)).isEqualTo(1);
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void createStationPickupIsReplayedOnceAfterA401() {
        assertThat(send("chimpypos:checkUser?userCoupon=APPUSER1").getException())
                .isNull();
        emulator().control().revokeAccessTokens();

        Exchange exchange =
                send("chimpypos:createStationPickup?stationId=abc1", StationPickupRequest.stripe("pi_401"), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(counters().apiCalls("createStationPickup", 401)).isEqualTo(1);
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void aPostWithoutPartnerTransactionIdIsNotReplayedAfterADroppedConnection() {
        emulator().control().failNextApiCalls(1, Fault.dropConnection());

        Exchange exchange = send(CREATE_RENTAL + "BAT0101");

        assertThat(exchange.getException())
                .isInstanceOf(ChimpyPosException.class)
                .hasMessageContaining("was not replayed");
        assertThat(counters().apiCalls("createRental")).isLessThanOrEqualTo(1);
        assertThat(counters().createdRentals()).isZero();
    }

    @Test
    void aPostWithPartnerTransactionIdIsReplayedAfterADroppedConnection() {
        emulator().control().failNextApiCalls(1, Fault.dropConnection());

        Exchange exchange = send(CREATE_RENTAL + "BAT0102&partnerTransactionId=tx-drop-1");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Rental.class).getStatus()).isEqualTo("pickup_completed");
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void aGeneratedPartnerTransactionIdMakesTheReplaySafe() {
        emulator().control().failNextApiCalls(1, Fault.dropConnection());

        Exchange exchange = send(CREATE_RENTAL + "BAT0103&generatePartnerTransactionId=true");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class))
                .isNotBlank();
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    @Test
    void aTimedOutPostIsNotReplayedEvenThoughTheServerProcessedIt() {
        emulator().control().setApiLatency(Duration.ofMillis(1500));

        Exchange exchange = send(CREATE_RENTAL + "BAT0104&responseTimeout=300ms");

        assertThat(exchange.getException()).hasMessageContaining("was not replayed");
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().createdRentals() == 1);
        assertThat(counters().replayedRentals()).isZero();
    }

    @Test
    void aTimedOutPostWithPartnerTransactionIdIsReplayedWithoutASecondRental() {
        emulator().control().setApiLatency(Duration.ofMillis(1500));

        Exchange exchange = send(CREATE_RENTAL + "BAT0105&partnerTransactionId=tx-slow-1&responseTimeout=300ms");

        assertThat(exchange.getException()).hasMessageContaining("after 2 attempt(s)");
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().replayedRentals() == 1);
        assertThat(counters().createdRentals()).isEqualTo(1);
    }
}
