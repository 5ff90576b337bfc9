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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.TotalAmounts;
import io.github.chimpypos.emulator.EmulatorCounters;
import org.apache.camel.Exchange;

/** What happened during the day, by operation and outcome, and what the counter settled. */
final class DaySummary {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Instant openedAt;
    private final Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private BigDecimal settledAtCounter = BigDecimal.ZERO;
    private String currency = "";
    private int completedRentals;
    private EmulatorCounters tokenCounters;
    private Instant closedAt;

    DaySummary(Instant openedAt) {
        this.openedAt = openedAt;
    }

    void record(String operation, Exchange exchange) {
        String outcome = exchange.getException() != null
                ? "failed: " + exchange.getException().getClass().getSimpleName()
                : outcome(exchange);
        outcomes.computeIfAbsent(operation, o -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    private static String outcome(Exchange exchange) {
        String status = exchange.getMessage().getHeader(ChimpyPosConstants.STATUS, String.class);
        String errorType = exchange.getMessage().getHeader(ChimpyPosConstants.ERROR_TYPE, String.class);
        if (errorType == null) {
            errorType = exchange.getMessage().getHeader("stationError", String.class);
        }
        if (status == null && errorType == null) {
            return "ok";
        }
        return errorType == null ? status : (status == null ? "error" : status) + " (" + errorType + ")";
    }

    void settle(Object body, Exchange exchange) {
        if (body instanceof Rental rental && !rental.isError() && exchange.getException() == null) {
            completedRentals++;
            add(rental, BigDecimal.ONE);
        }
    }

    void settleCancel(Object body, Exchange exchange) {
        if (body instanceof Rental rental && !rental.isError() && exchange.getException() == null) {
            // A cancel reports the amounts of the original transaction, which the counter gives back.
            add(rental, BigDecimal.ONE.negate());
        }
    }

    private void add(Rental rental, BigDecimal sign) {
        TotalAmounts amounts = rental.getTotalAmounts();
        if (amounts != null && amounts.getShop() != null) {
            settledAtCounter = settledAtCounter.add(amounts.getShop().multiply(sign));
        }
        if (rental.getChargeCurrency() != null) {
            currency = rental.getChargeCurrency();
        }
    }

    void failure(String uri, Exception exception) {
        failures.add(uri + ": " + exception.getMessage());
    }

    void tokenCounters(EmulatorCounters counters) {
        this.tokenCounters = counters;
    }

    void closedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    Map<String, Map<String, Integer>> outcomes() {
        return outcomes;
    }

    List<String> failures() {
        return failures;
    }

    int completedRentals() {
        return completedRentals;
    }

    BigDecimal settledAtCounter() {
        return settledAtCounter;
    }

    EmulatorCounters tokenCountersOrNull() {
        return tokenCounters;
    }

    /** API calls the emulator answered with 401, over every operation. */
    long unauthorizedApiCalls() {
        return tokenCounters == null
                ? 0
                : Arrays.stream(ChimpyPosOperation.values())
                        .mapToLong(operation -> tokenCounters.apiCalls(operation.name(), 401))
                        .sum();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n==== Chimpy PoS quickstart: the day from ")
                .append(TIME.format(openedAt))
                .append(" to ")
                .append(closedAt == null ? "?" : TIME.format(closedAt))
                .append(" ====\n");
        outcomes.forEach((operation, byOutcome) -> byOutcome.forEach(
                (outcome, count) -> out.append(String.format("  %-18s %-45s %3d%n", operation, outcome, count))));
        out.append(String.format(
                "  rentals completed: %d, settled at the counter: %s %s%n",
                completedRentals, settledAtCounter.toPlainString(), currency));
        if (tokenCounters != null) {
            out.append(String.format(
                    "  token calls: %d (password %d, refresh_token %d) for %d API calls; answered 401 and replayed: %d%n",
                    tokenCounters.tokenCalls(),
                    tokenCounters.tokenCalls("password"),
                    tokenCounters.tokenCalls("refresh_token"),
                    tokenCounters.apiCalls(),
                    unauthorizedApiCalls()));
        }
        if (failures.isEmpty()) {
            out.append("  no exchange failed\n");
        } else {
            failures.forEach(failure -> out.append("  FAILED ").append(failure).append('\n'));
        }
        return out.toString();
    }
}
