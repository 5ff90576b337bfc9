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

import static io.github.chimpypos.camel.operation.OperationParameter.AUTH0_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.BATTERY_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.LOCATION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.PARTNER_TRANSACTION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.RENTAL_TYPE;
import static io.github.chimpypos.camel.operation.OperationParameter.STATION_ID;
import static io.github.chimpypos.camel.operation.OperationParameter.USER_COUPON;
import static io.github.chimpypos.camel.operation.OperationSpec.Method.GET;
import static io.github.chimpypos.camel.operation.OperationSpec.Method.POST;
import static io.github.chimpypos.camel.operation.OperationSpec.Method.PUT;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.model.BatteryCheck;
import io.github.chimpypos.camel.model.Rental;
import io.github.chimpypos.camel.model.StationPricing;
import io.github.chimpypos.camel.model.UserCheck;
import io.github.chimpypos.camel.operation.OperationSpec.PollKey;
import io.github.chimpypos.camel.operation.OperationSpec.Required;

/**
 * The operation table: one entry per {@link ChimpyPosOperation}, from which the producer, the consumer, option
 * validation and the request cache all read. The switch is exhaustive, so an operation without an entry does not
 * compile; adding an operation is one entry here plus its model class.
 */
public final class OperationTable {

    private static final Set<OperationParameter> RENTAL_VARIABLES =
            Set.of(RENTAL_TYPE, LOCATION_ID, BATTERY_ID, USER_COUPON);
    private static final Required RENTAL_TYPE_REQUIRED = new Required(RENTAL_TYPE, "pickup or return");

    private static final OperationSpec[] SPECS = Arrays.stream(ChimpyPosOperation.values())
            .map(OperationTable::entry)
            .toArray(OperationSpec[]::new);

    private OperationTable() {}

    public static OperationSpec spec(ChimpyPosOperation operation) {
        return SPECS[operation.ordinal()];
    }

    public static List<OperationSpec> all() {
        return List.of(SPECS);
    }

    /** The operations a consumer can poll, comma separated, as error messages list them. */
    public static String pollableOperations() {
        return Stream.of(SPECS)
                .filter(OperationSpec::pollable)
                .map(spec -> spec.operation().name())
                .collect(Collectors.joining(", "));
    }

    private static OperationSpec entry(ChimpyPosOperation operation) {
        return switch (operation) {
            case checkBattery ->
                new OperationSpec(
                        operation,
                        GET,
                        "checkBatteryPath",
                        ChimpyPosConfiguration.DEFAULT_CHECK_BATTERY_PATH,
                        ChimpyPosConfiguration::getCheckBatteryPath,
                        Set.of(BATTERY_ID, RENTAL_TYPE),
                        BatteryCheck.class,
                        "battery",
                        Requests::checkBattery,
                        true,
                        new PollKey(
                                BATTERY_ID,
                                "batteryIds",
                                ChimpyPosConfiguration::getBatteryIds,
                                "BAT0001,BAT0002",
                                List.of(RENTAL_TYPE_REQUIRED),
                                List.of(RENTAL_TYPE)));
            case checkUser ->
                new OperationSpec(
                        operation,
                        GET,
                        "checkUserPath",
                        ChimpyPosConfiguration.DEFAULT_CHECK_USER_PATH,
                        ChimpyPosConfiguration::getCheckUserPath,
                        Set.of(USER_COUPON),
                        UserCheck.class,
                        "user",
                        Requests::checkUser,
                        true,
                        new PollKey(
                                USER_COUPON,
                                "userCoupons",
                                ChimpyPosConfiguration::getUserCoupons,
                                "COUPON1,COUPON2",
                                List.of(),
                                List.of()));
            case getRentalPricing ->
                new OperationSpec(
                        operation,
                        GET,
                        "getRentalPricingPath",
                        ChimpyPosConfiguration.DEFAULT_RENTAL_PATH,
                        ChimpyPosConfiguration::getGetRentalPricingPath,
                        RENTAL_VARIABLES,
                        Rental.class,
                        "rental",
                        Requests::getRentalPricing,
                        true,
                        new PollKey(
                                BATTERY_ID,
                                "batteryIds",
                                ChimpyPosConfiguration::getBatteryIds,
                                "BAT0001,BAT0002",
                                List.of(RENTAL_TYPE_REQUIRED, new Required(LOCATION_ID, "the shop's id")),
                                List.of(RENTAL_TYPE, LOCATION_ID, USER_COUPON)));
            case createRental ->
                new OperationSpec(
                        operation,
                        POST,
                        "createRentalPath",
                        ChimpyPosConfiguration.DEFAULT_RENTAL_PATH,
                        ChimpyPosConfiguration::getCreateRentalPath,
                        RENTAL_VARIABLES,
                        Rental.class,
                        "rental",
                        Requests::createRental,
                        false,
                        null);
            case cancelRental ->
                new OperationSpec(
                        operation,
                        PUT,
                        "cancelRentalPath",
                        ChimpyPosConfiguration.DEFAULT_CANCEL_RENTAL_PATH,
                        ChimpyPosConfiguration::getCancelRentalPath,
                        Set.of(PARTNER_TRANSACTION_ID),
                        Rental.class,
                        "rental",
                        Requests::cancelRental,
                        true,
                        null);
            case getStationPricing ->
                new OperationSpec(
                        operation,
                        GET,
                        "getStationPricingPath",
                        ChimpyPosConfiguration.DEFAULT_STATION_PRICING_PATH,
                        ChimpyPosConfiguration::getGetStationPricingPath,
                        Set.of(STATION_ID),
                        StationPricing.class,
                        "station",
                        Requests::getStationPricing,
                        true,
                        new PollKey(
                                STATION_ID,
                                "stationIds",
                                ChimpyPosConfiguration::getStationIds,
                                "abc1,zrh1",
                                List.of(),
                                List.of(AUTH0_ID)));
            case createStationPickup ->
                new OperationSpec(
                        operation,
                        POST,
                        "createStationPickupPath",
                        ChimpyPosConfiguration.DEFAULT_STATION_PICKUP_PATH,
                        ChimpyPosConfiguration::getCreateStationPickupPath,
                        Set.of(STATION_ID),
                        Rental.class,
                        "rental",
                        Requests::createStationPickup,
                        false,
                        null);
        };
    }
}
