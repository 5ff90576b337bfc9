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

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations of the Chimpy PoS API, named as they appear in the endpoint URI {@code chimpypos:operation}. */
public enum ChimpyPosOperation {
    /** Whether a battery can be picked up or returned now (optional pre-check). */
    checkBattery,
    /** Whether a user coupon is valid and leads to a special deal or in-app payment (optional pre-check). */
    checkUser,
    /** Prices a pickup or return at a point of sale without saving anything. */
    getRentalPricing,
    /** Creates a pickup or return at a point of sale. */
    createRental,
    /** Cancels a rental created with a partner transaction id. */
    cancelRental,
    /** Prices a pickup at a Chimpy Station. */
    getStationPricing,
    /** Creates a paid pickup at a Chimpy Station, which ejects a powerbank. */
    createStationPickup;

    /** The operation names, comma separated, as error messages list them. */
    public static String acceptedValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Parses an operation name exactly as documented (case-sensitive, like the URI).
     *
     * @param  source                   where the value came from, named in the error (URI or header)
     * @throws IllegalArgumentException naming the source and the accepted values
     */
    public static ChimpyPosOperation fromName(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "The operation is missing in " + source + "; accepted values: " + acceptedValues());
        }
        for (ChimpyPosOperation operation : values()) {
            if (operation.name().equals(value.trim())) {
                return operation;
            }
        }
        throw new IllegalArgumentException(
                "Unknown operation '" + value + "' in " + source + "; accepted values: " + acceptedValues());
    }
}
