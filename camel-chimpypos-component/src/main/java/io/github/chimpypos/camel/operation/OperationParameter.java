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

import java.util.function.Function;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;

/** An operation parameter: its endpoint option, the header that overrides it, and its name in the PoS API. */
public enum OperationParameter {
    BATTERY_ID("batteryId", ChimpyPosConstants.BATTERY_ID, "battery_id", ChimpyPosConfiguration::getBatteryId),
    LOCATION_ID("locationId", ChimpyPosConstants.LOCATION_ID, "location_id", ChimpyPosConfiguration::getLocationId),
    RENTAL_TYPE("rentalType", ChimpyPosConstants.RENTAL_TYPE, "rental_type", ChimpyPosConfiguration::getRentalType),
    USER_COUPON("userCoupon", ChimpyPosConstants.USER_COUPON, "user_coupon", ChimpyPosConfiguration::getUserCoupon),
    STATION_ID("stationId", ChimpyPosConstants.STATION_ID, "external_id", ChimpyPosConfiguration::getStationId),
    PARTNER_TRANSACTION_ID(
            "partnerTransactionId",
            ChimpyPosConstants.PARTNER_TRANSACTION_ID,
            "partner_transaction_id",
            ChimpyPosConfiguration::getPartnerTransactionId),
    PARTNER_TERMINAL_ID(
            "partnerTerminalId",
            ChimpyPosConstants.PARTNER_TERMINAL_ID,
            "partner_terminal_id",
            ChimpyPosConfiguration::getPartnerTerminalId),
    LANG("lang", ChimpyPosConstants.LANG, "lang", ChimpyPosConfiguration::getLang),
    SLIP_WIDTH("slipWidth", ChimpyPosConstants.SLIP_WIDTH, "slip_width", ChimpyPosConfiguration::getSlipWidth),
    SUPPORT_CODE(
            "supportCode", ChimpyPosConstants.SUPPORT_CODE, "support_code", ChimpyPosConfiguration::getSupportCode),
    AUTH0_ID("auth0Id", ChimpyPosConstants.AUTH0_ID, "auth0_id", ChimpyPosConfiguration::getAuth0Id);

    private final String option;
    private final String header;
    private final String apiName;
    private final Function<ChimpyPosConfiguration, Object> optionValue;

    OperationParameter(
            String option, String header, String apiName, Function<ChimpyPosConfiguration, Object> optionValue) {
        this.option = option;
        this.header = header;
        this.apiName = apiName;
        this.optionValue = optionValue;
    }

    /** The endpoint option, e.g. {@code batteryId}. */
    public String option() {
        return option;
    }

    /** The header that overrides the option, e.g. {@code CamelChimpyPosBatteryId}. */
    public String header() {
        return header;
    }

    /** The name of the path variable or query parameter in the PoS API, e.g. {@code battery_id}. */
    public String apiName() {
        return apiName;
    }

    public Object optionValue(ChimpyPosConfiguration configuration) {
        return optionValue.apply(configuration);
    }
}
