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
package io.github.chimpypos.emulator;

/** Operating state of a Chimpy Station; every state but {@link #ONLINE} makes station calls fail with HTTP 400. */
public enum StationState {
    ONLINE(null),
    OFFLINE("station_offline_error"),
    NO_BATTERY("no_battery_available_error"),
    SETUP_ERROR("station_setup_error");

    private final String errorType;

    StationState(String errorType) {
        this.errorType = errorType;
    }

    /** The {@code error_type} a station in this state answers with, or {@code null} when it works. */
    public String errorType() {
        return errorType;
    }
}
