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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A consumer that cannot work as configured fails at route start, naming the option, before any network call. */
class ChimpyPosConsumerValidationTest extends ChimpyPosTestSupport {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "chimpypos:createRental?batteryIds=BAT0001                  | Operation createRental cannot be polled | getStationPricing",
                "chimpypos:cancelRental                                     | Operation cancelRental cannot be polled | checkBattery, checkUser, getRentalPricing",
                "chimpypos:createStationPickup?stationIds=abc1              | Operation createStationPickup cannot be polled | to(...)",
                "chimpypos:getStationPricing                                | Missing option stationIds | keysSupplier",
                "chimpypos:getStationPricing?stationIds=RAW( , ,)           | Missing option stationIds | stationIds=abc1,zrh1",
                "chimpypos:checkUser?userCoupons=                           | Missing option userCoupons | comma separated",
                "chimpypos:checkBattery?rentalType=pickup                   | Missing option batteryIds | checkBattery",
                "chimpypos:getStationPricing?batteryIds=BAT0001             | Option batteryIds does not apply to a consumer of getStationPricing | stationIds",
                "chimpypos:checkBattery?batteryIds=BAT0001                  | Missing option rentalType | pickup or return",
                "chimpypos:getRentalPricing?batteryIds=BAT1&rentalType=pickup | Missing option locationId | getRentalPricing",
                "chimpypos:getStationPricing?stationIds=abc1&delay=-5       | Invalid option delay -5 | must be positive",
                "chimpypos:getStationPricing?stationIds=abc1&delay=0        | Invalid option delay 0 | must be positive",
                "chimpypos:getStationPricing?stationIds=abc1&maxConcurrentRequests=0 | Invalid option maxConcurrentRequests 0 | at least 1",
                "chimpypos:getStationPricing?stationIds=abc1&maxConcurrentRequests=50 | Invalid option maxConcurrentRequests 50 | maxConnections (20)",
                "chimpypos:getStationPricing?stationIds=abc1&maxRequestsPerPoll=-1 | Invalid option maxRequestsPerPoll -1 | must not be negative",
                "chimpypos:getStationPricing?stationIds=abc1&spreadFraction=0 | Invalid option spreadFraction 0.0 | at most 1",
                "chimpypos:getStationPricing?stationIds=abc1&spreadFraction=1.5 | Invalid option spreadFraction 1.5 | above 0",
            })
    void aRouteThatCannotPollFailsAtStartNamingTheOption(String uri, String message, String hint) {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).to("mock:never");
                    }
                }))
                .satisfies(e -> {
                    Throwable cause = ObjectHelper.getException(IllegalArgumentException.class, e);
                    assertThat(cause).as("IllegalArgumentException in %s", e).isNotNull();
                    assertThat(cause.getMessage()).contains(message).contains(hint);
                });
        assertThat(counters().toMap()).containsEntry("tokenCalls", 0L).containsEntry("apiCalls", 0L);
    }
}
