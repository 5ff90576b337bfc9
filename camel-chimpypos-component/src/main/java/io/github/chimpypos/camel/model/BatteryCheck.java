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
package io.github.chimpypos.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code checkBattery} ({@code data.battery}): can this battery be picked up or returned now? */
public class BatteryCheck extends PosResource {

    @JsonProperty("battery_id")
    private String batteryId;

    @JsonProperty("rental_type")
    private String rentalType;

    public String getBatteryId() {
        return batteryId;
    }

    /** {@code pickup} or {@code return}, as asked. */
    public String getRentalType() {
        return rentalType;
    }

    @Override
    public String toString() {
        return "BatteryCheck[batteryId=" + batteryId + ", rentalType=" + rentalType + ", " + fieldsToString() + "]";
    }
}
