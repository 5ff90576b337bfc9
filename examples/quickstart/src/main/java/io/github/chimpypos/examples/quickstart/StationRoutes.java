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

import io.github.chimpypos.camel.ChimpyPosApiException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** The station and back-office routes, in the Java DSL, beside the counter routes in YAML. */
public final class StationRoutes extends RouteBuilder {

    static final String LOG_NAME = "shop.counter";

    @Override
    public void configure() {
        // Station errors (offline, no battery) come as HTTP 400 and so as an exception carrying the error type.
        from("direct:station-pricing")
                .routeId("station-pricing")
                .doTry()
                .to("chimpypos:getStationPricing")
                .log(
                        LoggingLevel.INFO,
                        LOG_NAME,
                        "station ${header.CamelChimpyPosStationId}: ${body.totalAmounts.charge} ${body.chargeCurrency} per rental")
                .doCatch(ChimpyPosApiException.class)
                .setHeader("stationError", simple("${exception.errorType}"))
                .log(
                        LoggingLevel.INFO,
                        LOG_NAME,
                        "station ${header.CamelChimpyPosStationId}: unavailable (${exception.errorType})")
                .end();

        from("direct:cancel-rental")
                .routeId("cancel-rental")
                .to("chimpypos:cancelRental")
                .log(
                        LoggingLevel.INFO,
                        LOG_NAME,
                        "cancel  ${header.CamelChimpyPosPartnerTransactionId}: ${header.CamelChimpyPosStatus}");
    }
}
