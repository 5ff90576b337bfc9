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
package io.github.chimpypos.camel.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * What a consumer emits: with onlyChanges one exchange per change of status, error type or prices, nothing while
 * nothing changes; without, one exchange per key and poll. Station and business errors are data.
 */
class ChimpyPosConsumerChangesTest extends ChimpyPosTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chimpypos:getStationPricing?stationIds=abc1,zrh1&onlyChanges=true&" + POLLED_BY_TEST)
                        .routeId("stations")
                        .to("mock:stations");
                from("chimpypos:getStationPricing?stationIds=abc1,off1,emp1,set1&onlyChanges=true"
                                + "&emitInitialState=false&" + POLLED_BY_TEST)
                        .routeId("quiet-start")
                        .to("mock:quiet-start");
                from("chimpypos:checkBattery?batteryIds=BAT0001,EXPIRED01&rentalType=pickup&" + POLLED_BY_TEST)
                        .routeId("batteries")
                        .to("mock:batteries");
            }
        };
    }

    @Test
    void aStationGoingOfflineAndBackGivesOneExchangeEachWay() {
        List<Exchange> initial = poll("stations", "mock:stations");
        assertThat(initial)
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("abc1", "zrh1");
        assertThat(initial).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(StationPricing.class);
            assertThat(e.getMessage().getHeader(ChimpyPosConstants.CHANGED)).isEqualTo(true);
            assertThat(e.getMessage().getHeaders()).doesNotContainKey(ChimpyPosConstants.PREVIOUS_ERROR_TYPE);
        });
        assertThat(poll("stations", "mock:stations", 3)).isEmpty();

        emulator().control().setStationState("abc1", StationState.OFFLINE);
        List<Exchange> offline = poll("stations", "mock:stations");
        assertThat(offline).singleElement().satisfies(e -> {
            assertThat(header(e, ChimpyPosConstants.STATION_ID)).isEqualTo("abc1");
            assertThat(header(e, ChimpyPosConstants.STATUS)).isEqualTo("error");
            assertThat(header(e, ChimpyPosConstants.ERROR_TYPE)).isEqualTo("station_offline_error");
            assertThat(header(e, ChimpyPosConstants.ERROR_MESSAGE)).isNotBlank();
            assertThat(e.getMessage().getHeader(ChimpyPosConstants.HTTP_STATUS)).isEqualTo(400);
            assertThat(e.getMessage().getHeaders()).doesNotContainKey(ChimpyPosConstants.PREVIOUS_ERROR_TYPE);
            assertThat(e.getException()).isNull();
        });
        assertThat(poll("stations", "mock:stations", 3)).isEmpty();

        emulator().control().setStationState("abc1", StationState.ONLINE);
        List<Exchange> back = poll("stations", "mock:stations");
        assertThat(back).singleElement().satisfies(e -> {
            assertThat(header(e, ChimpyPosConstants.STATION_ID)).isEqualTo("abc1");
            assertThat(e.getMessage().getHeaders()).doesNotContainKey(ChimpyPosConstants.ERROR_TYPE);
            assertThat(header(e, ChimpyPosConstants.PREVIOUS_STATUS)).isEqualTo("error");
            assertThat(header(e, ChimpyPosConstants.PREVIOUS_ERROR_TYPE)).isEqualTo("station_offline_error");
            assertThat(e.getMessage().getBody()).isInstanceOf(StationPricing.class);
        });
        assertThat(poll("stations", "mock:stations", 3)).isEmpty();

        // every poll asked for every station: nothing was skipped to stay quiet
        assertThat(counters().apiCalls("getStationPricing")).isEqualTo(12 * 2);
        assertThat(consumer("stations").getErrorCounter()).isZero();
    }

    @Test
    void aPriceChangeIsAChangeAndSoIsItsReturn() {
        StationPricing seed = firstStationPricing();

        emulator()
                .control()
                .setStationPrices(
                        "abc1",
                        new StationPrices(
                                new BigDecimal("5.00"),
                                new BigDecimal("2.00"),
                                new BigDecimal("15.00"),
                                new BigDecimal("2.00"),
                                seed.getStripePriceId()));
        List<Exchange> changed = poll("stations", "mock:stations");
        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(header(e, ChimpyPosConstants.STATION_ID)).isEqualTo("abc1");
            assertThat(e.getMessage()
                            .getBody(StationPricing.class)
                            .getTotalAmounts()
                            .getCharge())
                    .isEqualByComparingTo("5.00");
        });
        assertThat(poll("stations", "mock:stations", 2)).isEmpty();

        emulator().control().setStationPrices("abc1", pricesOf(seed, seed.getStripePriceId()));
        assertThat(poll("stations", "mock:stations"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()
                                .getBody(StationPricing.class)
                                .getTotalAmounts()
                                .getCharge())
                        .isEqualByComparingTo(seed.getTotalAmounts().getCharge()));
    }

    @Test
    void theSamePricesSetAgainAreNoChangeButAnotherStripePriceIs() {
        StationPricing seed = firstStationPricing();

        emulator().control().setStationPrices("abc1", pricesOf(seed, seed.getStripePriceId()));
        assertThat(poll("stations", "mock:stations")).isEmpty();

        emulator().control().setStationPrices("abc1", pricesOf(seed, "price_new"));
        assertThat(poll("stations", "mock:stations")).hasSize(1);
    }

    /** Polls the stations once and returns what abc1 costs now. */
    private StationPricing firstStationPricing() {
        return poll("stations", "mock:stations").get(0).getMessage().getBody(StationPricing.class);
    }

    private static StationPrices pricesOf(StationPricing pricing, String stripePriceId) {
        return new StationPrices(
                pricing.getTotalAmounts().getCharge(),
                pricing.getTotalAmounts().getQuickCharge(),
                pricing.getTotalAmounts().getDeposit(),
                pricing.getTotalAmounts().getWeeklyLateFee(),
                stripePriceId);
    }

    @Test
    void withoutOnlyChangesEveryKeyIsEmittedAtEveryPollAndBusinessErrorsAreData() {
        List<Exchange> first = poll("batteries", "mock:batteries");
        List<Exchange> second = poll("batteries", "mock:batteries");

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(first)
                .extracting(e -> e.getMessage().getHeader(ChimpyPosConstants.CHANGED))
                .containsExactly(true, true);
        assertThat(second)
                .extracting(e -> e.getMessage().getHeader(ChimpyPosConstants.CHANGED))
                .containsExactly(false, false);
        Exchange expired = second.get(1);
        assertThat(header(expired, ChimpyPosConstants.BATTERY_ID)).isEqualTo("EXPIRED01");
        assertThat(header(expired, ChimpyPosConstants.STATUS)).isEqualTo("error");
        assertThat(header(expired, ChimpyPosConstants.ERROR_TYPE)).isEqualTo("battery_expired");
        assertThat(header(expired, ChimpyPosConstants.PREVIOUS_ERROR_TYPE)).isEqualTo("battery_expired");
        assertThat(expired.getMessage().getBody(BatteryCheck.class).isError()).isTrue();
        assertThat(header(second.get(0), ChimpyPosConstants.STATUS)).isEqualTo("ready_for_pickup");
    }

    @Test
    void aPolledExchangeCarriesWhatTheProducerGives() {
        Exchange polled = poll("batteries", "mock:batteries").get(1);
        Exchange produced = template.request(
                "chimpypos:checkBattery?rentalType=pickup",
                e -> e.getMessage().setHeader(ChimpyPosConstants.BATTERY_ID, "EXPIRED01"));

        assertThat(polled.getMessage().getBody())
                .usingRecursiveComparison()
                .isEqualTo(produced.getMessage().getBody());
        Map<String, Object> expected = new HashMap<>(produced.getMessage().getHeaders());
        expected.put(ChimpyPosConstants.CHANGED, true);
        assertThat(polled.getMessage().getHeaders()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(expected).containsKeys(ChimpyPosConstants.STATUS, ChimpyPosConstants.ERROR_TYPE);
    }

    @Test
    void withoutEmitInitialStateTheFirstPollOnlyRecordsAndStationErrorsAreData() {
        assertThat(poll("quiet-start", "mock:quiet-start", 2)).isEmpty();
        assertThat(counters().apiCalls("getStationPricing")).isEqualTo(2 * 4);

        emulator().control().setStationState("off1", StationState.ONLINE);
        emulator().control().setStationState("abc1", StationState.NO_BATTERY);
        List<Exchange> changes = poll("quiet-start", "mock:quiet-start");

        assertThat(changes)
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("abc1", "off1");
        assertThat(header(changes.get(0), ChimpyPosConstants.ERROR_TYPE)).isEqualTo("no_battery_available_error");
        assertThat(header(changes.get(1), ChimpyPosConstants.PREVIOUS_ERROR_TYPE))
                .isEqualTo("station_offline_error");
        assertThat(consumer("quiet-start").getErrorCounter()).isZero();
    }
}
