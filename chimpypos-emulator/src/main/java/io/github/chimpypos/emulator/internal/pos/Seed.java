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
package io.github.chimpypos.emulator.internal.pos;

import java.util.List;
import java.util.Map;

/**
 * The emulator's starting data, read from a seed JSON file (format in docs/emulator.md).
 *
 * @param accounts Auth0 user id → coupon type applied to station prices for that user
 */
public record Seed(
        Map<String, Location> locations,
        Map<String, StationSeed> stations,
        Map<String, Coupon> coupons,
        Map<String, String> accounts,
        List<BatterySeed> batteries) {}
