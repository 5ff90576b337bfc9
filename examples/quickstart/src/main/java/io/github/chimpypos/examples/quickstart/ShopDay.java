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
package io.github.chimpypos.examples.quickstart;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The script of a shop's day: what the terminal asks the routes to do, hour by hour. Every step goes through a
 * route and the chimpypos component; the script only sets headers, moves the clock and records what came back.
 */
final class ShopDay {

    private static final Duration HOUR = Duration.ofHours(1);

    /** How long a background renewal may take in real time before the script moves on anyway. */
    private static final Duration RENEWAL_PATIENCE = Duration.ofSeconds(10);

    private final CamelContext camelContext;
    private final ProducerTemplate template;
    private final MutableClock clock;
    private final ChimpyPosEmulator emulator;
    private final DaySummary summary;

    ShopDay(CamelContext camelContext, MutableClock clock, ChimpyPosEmulator emulator) {
        this.camelContext = camelContext;
        this.template = camelContext.createProducerTemplate();
        this.clock = clock;
        this.emulator = emulator;
        this.summary = new DaySummary(clock.instant());
    }

    DaySummary play() {
        // 06:00 opening: is the station outside working, and the one at the back?
        station("abc1");
        station("off1");

        // 07:00 first customer: scan, price, rent.
        later();
        scan("BAT0001", "pickup");
        price("BAT0001", "pickup", null);
        rent("BAT0001", "pickup", null, "QS-0001");

        // 08:00 a customer with a free-charge coupon, and one paying in the app.
        later();
        coupon("FREECHARGE1");
        rent("BAT0002", "pickup", "FREECHARGE1", "QS-0002");
        coupon("APPUSER1");
        rent("BAT0003", "pickup", "APPUSER1", "QS-0003");

        // 09:00 an expired powerbank shows up on the shelf: it must not be rented out.
        later();
        scan("EXPIRED01", "pickup");
        rent("EXPIRED01", "pickup", null, "QS-0004");

        // 10:00 the cashier scanned the wrong unit for QS-0002: cancel it.
        later();
        cancel("QS-0002");

        // 11:00 a late return without its cable: the system computes the deductions, not the staff.
        later();
        scan("LATE01", "return");
        rent("LATE01", "return", null, "QS-0005", 200);

        // 12:00 a look at the station; its call also starts the token's due background renewal.
        later();
        station("abc1");

        // 12:30 Chimpy revokes all access tokens (say, a key rotation): the next call gets a 401 and recovers.
        // Half past, so that no renewal is due that could replace the revoked token before the call is made.
        advance(HOUR.dividedBy(2));
        if (emulator != null) {
            emulator.control().revokeAccessTokens();
        }
        station("abc1");

        // The afternoon: a return and a pickup every hour; tokens are renewed in the background as they age.
        for (int hour = 0; hour < 6; hour++) {
            later();
            rent("RENTED%02d".formatted(hour + 1), "return", null, "QS-1%03d".formatted(hour));
            rent("BAT%04d".formatted(hour + 10), "pickup", null, "QS-2%03d".formatted(hour));
        }

        // 19:30 closing: the station once more, then the numbers of the day.
        later();
        station("abc1");
        if (emulator != null) {
            summary.tokenCounters(emulator.control().counters());
        }
        summary.closedAt(clock.instant());
        return summary;
    }

    /** Waits (in real time, bounded) until no token provider of the component has a token request in flight. */
    private void awaitBackgroundRenewals() {
        long deadline = System.nanoTime() + RENEWAL_PATIENCE.toNanos();
        for (Endpoint endpoint : camelContext.getEndpoints()) {
            if (endpoint instanceof ChimpyPosEndpoint pos
                    && pos.getTokenProvider() instanceof ObservableTokenProvider provider) {
                while (provider.status().state() == TokenProviderState.RENEWING && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }

    private void later() {
        advance(HOUR);
    }

    /**
     * Moves the day on. In a real hour, the background renewal the last call started would long have finished; the
     * script's clock jumps at once, so it first waits for that renewal. Otherwise a token could be issued before the
     * jump and installed after it (due at once, never renewed), or after the 12:30 revocation (never rejected).
     */
    private void advance(Duration duration) {
        awaitBackgroundRenewals();
        clock.advance(duration);
    }

    private void station(String stationId) {
        Exchange exchange = send("direct:station-pricing", Map.of(ChimpyPosConstants.STATION_ID, stationId));
        summary.record("getStationPricing", exchange);
    }

    private void scan(String batteryId, String rentalType) {
        Exchange exchange = send(
                "direct:scan-battery",
                Map.of(ChimpyPosConstants.BATTERY_ID, batteryId, ChimpyPosConstants.RENTAL_TYPE, rentalType));
        summary.record("checkBattery", exchange);
    }

    private void coupon(String userCoupon) {
        Exchange exchange = send("direct:check-coupon", Map.of(ChimpyPosConstants.USER_COUPON, userCoupon));
        summary.record("checkUser", exchange);
    }

    private void price(String batteryId, String rentalType, String userCoupon) {
        Exchange exchange = send("direct:price-rental", rentalHeaders(batteryId, rentalType, userCoupon, null, null));
        summary.record("getRentalPricing", exchange);
    }

    private void rent(String batteryId, String rentalType, String userCoupon, String transactionId) {
        rent(batteryId, rentalType, userCoupon, transactionId, null);
    }

    private void rent(
            String batteryId, String rentalType, String userCoupon, String transactionId, Integer supportCode) {
        Exchange exchange =
                send("direct:rent", rentalHeaders(batteryId, rentalType, userCoupon, transactionId, supportCode));
        summary.record("createRental", exchange);
        summary.settle(exchange.getMessage().getBody(), exchange);
    }

    private void cancel(String transactionId) {
        Exchange exchange =
                send("direct:cancel-rental", Map.of(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId));
        summary.record("cancelRental", exchange);
        summary.settleCancel(exchange.getMessage().getBody(), exchange);
    }

    private static Map<String, Object> rentalHeaders(
            String batteryId, String rentalType, String userCoupon, String transactionId, Integer supportCode) {
        java.util.Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(ChimpyPosConstants.BATTERY_ID, batteryId);
        headers.put(ChimpyPosConstants.RENTAL_TYPE, rentalType);
        if (userCoupon != null) {
            headers.put(ChimpyPosConstants.USER_COUPON, userCoupon);
        }
        if (transactionId != null) {
            headers.put(ChimpyPosConstants.PARTNER_TRANSACTION_ID, transactionId);
        }
        if (supportCode != null) {
            headers.put(ChimpyPosConstants.SUPPORT_CODE, supportCode);
        }
        return headers;
    }

    private Exchange send(String uri, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        if (exchange.getException() != null) {
            summary.failure(uri, exchange.getException());
        }
        return exchange;
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
