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
package io.github.chimpypos.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosApiException;
import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * The terminal's REST facade in Camel's REST DSL, served by Spring Boot's web server (platform-http). Each call
 * becomes the chimpypos headers of one PoS operation; the shop (location id), terminal id and language come from
 * {@code camel.component.chimpypos.*} properties. Answers are the API's resources as JSON; a business error (a
 * battery already rented out, an expired one) is HTTP 409, an error of the PoS API 502, and no token 503.
 */
@Component
public class TerminalRoutes extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.json);

        onException(ChimpyPosAuthenticationException.class)
                .handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(503))
                .process(exchange -> exchange.getMessage()
                        .setBody(problem(
                                "pos_unavailable",
                                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ChimpyPosAuthenticationException.class)
                                        .getReason()
                                        .name())));
        onException(ChimpyPosApiException.class)
                .handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(502))
                .process(exchange -> {
                    ChimpyPosApiException failure =
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ChimpyPosApiException.class);
                    exchange.getMessage().setBody(problem(failure.getErrorType(), failure.getErrorMessage()));
                });
        onException(IllegalArgumentException.class)
                .handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .process(exchange -> exchange.getMessage()
                        .setBody(problem(
                                "bad_request",
                                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                                        .getMessage())));

        rest("/terminal")
                .get("/batteries/{batteryId}")
                .description("Scan a battery: can it be rented out (rentalType=pickup) or taken back (return)?")
                .param()
                .name("rentalType")
                .type(RestParamType.query)
                .defaultValue("pickup")
                .endParam()
                .to("direct:scan-battery")
                .get("/prices/{rentalType}/{batteryId}")
                .description("Price a pickup or a return; coupon=... applies a user coupon")
                .to("direct:price-rental")
                .post("/pickups/{batteryId}")
                .description("Rent a battery out; coupon=... applies a user coupon")
                .to("direct:rent-out")
                .post("/returns/{batteryId}")
                .description("Take a battery back; supportCode=200 when its cable is missing")
                .to("direct:take-back");

        from("direct:scan-battery")
                .routeId("scan-battery")
                .setHeader(ChimpyPosConstants.BATTERY_ID, header("batteryId"))
                .setHeader(ChimpyPosConstants.RENTAL_TYPE, header("rentalType"))
                .to("chimpypos:checkBattery")
                .to("direct:answer");

        from("direct:price-rental")
                .routeId("price-rental")
                .setHeader(ChimpyPosConstants.BATTERY_ID, header("batteryId"))
                .setHeader(ChimpyPosConstants.RENTAL_TYPE, header("rentalType"))
                .setHeader(ChimpyPosConstants.USER_COUPON, header("coupon"))
                .to("chimpypos:getRentalPricing")
                .to("direct:answer");

        from("direct:rent-out")
                .routeId("rent-out")
                .setHeader(ChimpyPosConstants.BATTERY_ID, header("batteryId"))
                .setHeader(ChimpyPosConstants.RENTAL_TYPE, constant("pickup"))
                .setHeader(ChimpyPosConstants.USER_COUPON, header("coupon"))
                .to("chimpypos:createRental")
                .to("direct:answer");

        from("direct:take-back")
                .routeId("take-back")
                .setHeader(ChimpyPosConstants.BATTERY_ID, header("batteryId"))
                .setHeader(ChimpyPosConstants.RENTAL_TYPE, constant("return"))
                .setHeader(ChimpyPosConstants.SUPPORT_CODE, header("supportCode"))
                .to("chimpypos:createRental")
                .to("direct:answer");

        // The API reports business errors as HTTP 200 with status=error: the terminal gets a 409 to act on.
        from("direct:answer")
                .routeId("answer")
                .filter(header(ChimpyPosConstants.STATUS).isEqualTo("error"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(409));
    }

    private static Map<String, String> problem(String error, String message) {
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("error", error);
        problem.put("message", message);
        return problem;
    }
}
