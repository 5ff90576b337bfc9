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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosException;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPickupRequest;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * createRental through routes that retry, as a shop's route would: with generatePartnerTransactionId the id is made
 * once per exchange, returned in the header CamelChimpyPosPartnerTransactionId and reused by every replay, so the API
 * recognises replays. Complements ChimpyPosPostSafetyTest (single calls, 401 replays, no replay without an id).
 * Invariants: no duplicate rental, nothing lost.
 */
class PostSafetyRouteTest extends FaultsTestSupport {

    private static final String REDELIVERING_PICKUP = "direct:redeliveringPickup";
    private static final String REDELIVERING_STATION_PICKUP = "direct:redeliveringStationPickup";

    private final AtomicInteger redeliveries = new AtomicInteger();

    /** A route that redelivers on any component failure, immediately, up to 5 times. */
    private void addRedeliveringRoute(Runnable onSecondRedelivery) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(ChimpyPosException.class)
                        .maximumRedeliveries(5)
                        .redeliveryDelay(0)
                        .onRedelivery(exchange -> {
                            if (redeliveries.incrementAndGet() == 2) {
                                onSecondRedelivery.run();
                            }
                        });
                from(REDELIVERING_PICKUP)
                        .to("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb"
                                + "&generatePartnerTransactionId=true&responseTimeout=500ms");
                from(REDELIVERING_STATION_PICKUP)
                        .to("chimpypos:createStationPickup?stationId=abc1"
                                + "&generatePartnerTransactionId=true&responseTimeout=500ms");
            }
        });
    }

    private Exchange redeliveringPickup(String batteryId) {
        return template.send(
                REDELIVERING_PICKUP,
                exchange -> exchange.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, batteryId));
    }

    /** The generated id comes back in the header and in the rental, and cancels it. Invariant: nothing lost. */
    @Test
    void theGeneratedPartnerTransactionIdComesBackInTheHeaderAndCancelsTheRental() {
        Exchange rented = assertOk(pickup("BAT0301"));
        String transactionId = rented.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class);

        assertThat(transactionId).matches("[0-9a-f-]{36}");
        assertThat(rented.getMessage().getBody(Rental.class).getPartnerTransactionId())
                .isEqualTo(transactionId);

        Exchange canceled = assertOk(template.send(
                "chimpypos:cancelRental",
                exchange -> exchange.getMessage().setHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId)));
        assertThat(canceled.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("pickup_canceled");
        assertThat(counters().canceledRentals()).isEqualTo(1);
    }

    /**
     * The answer is lost after the API created the rental (the API answers after responseTimeout): the component
     * replays once with the same id, the route redelivers twice more with it (Camel restores the message it had before
     * the failed attempt, so the id is kept in an exchange property), and once the API is fast again the replayed
     * answer of the first rental comes back. Invariant: exactly one rental, the exchange succeeds.
     */
    @Test
    void aLostAnswerAfterTheRentalWasCreatedIsRedeliveredWithoutASecondRental() throws Exception {
        control().setApiLatency(Duration.ofMillis(1000));
        addRedeliveringRoute(() -> control().setApiLatency(Duration.ZERO));

        Exchange exchange = redeliveringPickup("BAT0302");

        assertOk(exchange);
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("pickup_completed");
        assertThat(exchange.getMessage().getBody(Rental.class).getPartnerTransactionId())
                .isEqualTo(exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID));
        // first try, its replay, two redeliveries that time out as well, and the fast one
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().apiCalls("createRental") == 5);
        assertThat(counters().createdRentals()).isEqualTo(1);
        assertThat(counters().replayedRentals()).isEqualTo(4);
    }

    /**
     * The same for a station pickup, where no battery state stands between a redelivery and a second powerbank being
     * ejected and paid. Invariant: exactly one rental.
     */
    @Test
    void aLostStationPickupAnswerIsRedeliveredWithoutEjectingASecondPowerbank() throws Exception {
        control().setApiLatency(Duration.ofMillis(1000));
        addRedeliveringRoute(() -> control().setApiLatency(Duration.ZERO));

        Exchange exchange = template.send(
                REDELIVERING_STATION_PICKUP,
                e -> e.getMessage().setBody(StationPickupRequest.stripe("pi_lost_answer")));

        assertOk(exchange);
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.STATUS)).isEqualTo("pickup_completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> counters().apiCalls("createStationPickup") == 5);
        assertThat(counters().createdRentals()).isEqualTo(1);
    }

    /**
     * Two pickups on one message: the id generated for the first (still in the header) must not be sent with the
     * second, or the API would replay the first rental's answer and the second battery would never be rented.
     * Invariant: nothing lost, two rentals, two ids.
     */
    @Test
    void aSecondPickupOnTheSameMessageGetsItsOwnGeneratedId() {
        Exchange exchange = assertOk(pickup("BAT0303"));
        String first = exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class);

        exchange.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, "BAT0304");
        template.send(PICKUP_ROUTE, exchange);

        assertOk(exchange);
        String second = exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, String.class);
        assertThat(second).isNotEqualTo(first);
        assertThat(exchange.getMessage()
                        .getBody(Rental.class)
                        .getAdditionalFields()
                        .get("battery_id"))
                .isEqualTo("BAT0304");
        assertThat(counters().createdRentals()).isEqualTo(2);
    }

    /**
     * An id the route sets itself is always used as given, even on a second call on the same message. Invariant: the
     * route's id wins; a repeated id is a replay, so no second rental.
     */
    @Test
    void anIdSetByTheRouteIsAlwaysUsedAsGiven() {
        ensureRoutes();
        Exchange exchange = template.send(PICKUP_ROUTE, e -> {
            e.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, "BAT0305");
            e.getMessage().setHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID, "shop-42-tx-1");
        });
        assertOk(exchange);
        exchange.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, "BAT0306");
        template.send(PICKUP_ROUTE, exchange);

        assertOk(exchange);
        assertThat(exchange.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID))
                .isEqualTo("shop-42-tx-1");
        assertThat(exchange.getMessage()
                        .getBody(Rental.class)
                        .getAdditionalFields()
                        .get("battery_id"))
                .isEqualTo("BAT0305");
        assertThat(counters().createdRentals()).isEqualTo(1);
        assertThat(counters().replayedRentals()).isEqualTo(1);
    }

    /**
     * 100 pickups at once while 60 connections are dropped: the component replays each once, the route redelivers the
     * rest. Invariant: 100 rentals, one per exchange, 100 distinct ids, no duplicate.
     */
    @Test
    void aBurstOfPickupsWithDroppedConnectionsLosesNothingAndDuplicatesNothing() throws Exception {
        addRedeliveringRoute(() -> {});
        assertOk(checkBattery(0));
        control().failNextApiCalls(60, Fault.dropConnection());

        List<Exchange> exchanges = concurrently(100, i -> redeliveringPickup(String.format("BAT%04d", 311 + i)));

        exchanges.forEach(FaultsTestSupport::assertOk);
        assertThat(exchanges)
                .extracting(e -> e.getMessage().getHeader(ChimpyPosConstants.PARTNER_TRANSACTION_ID))
                .doesNotHaveDuplicates()
                .hasSize(100);
        assertThat(exchanges)
                .extracting(e -> e.getMessage().getHeader(ChimpyPosConstants.STATUS))
                .containsOnly("pickup_completed");
        assertThat(counters().createdRentals()).isEqualTo(100);
    }
}
