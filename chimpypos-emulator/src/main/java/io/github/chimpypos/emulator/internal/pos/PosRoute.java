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
import java.util.Locale;

/**
 * The PoS routes of reference §7, matched on decoded path segments. {@code operation == null} means the path exists
 * but not for this method (answered 405 with {@code Allow}).
 */
record PosRoute(String operation, String template, String allowedMethods, boolean hasBody, Invoker invoker) {

    interface Invoker {
        Answer invoke(PosApi api, Call call);
    }

    Answer invoke(PosApi api, Call call) {
        return invoker.invoke(api, call);
    }

    static PosRoute match(String method, List<String> s) {
        if (s.size() < 4 || !s.get(0).equals("api") || !s.get(1).equals("v2")) {
            return null;
        }
        String resource = s.get(2);
        int size = s.size();
        if (resource.equals("batteries") && size == 4) {
            return only(
                    method,
                    "GET",
                    "checkBattery",
                    "/api/v2/batteries/{battery_id}",
                    false,
                    (api, call) -> api.checkBattery(call, s.get(3)));
        }
        if (resource.equals("users") && size == 4) {
            return only(
                    method,
                    "GET",
                    "checkUser",
                    "/api/v2/users/{user_coupon}",
                    false,
                    (api, call) -> api.checkUser(call, s.get(3)));
        }
        if (resource.equals("rentals") && size == 5 && s.get(3).equals("cancel")) {
            return only(
                    method,
                    "PUT",
                    "cancelRental",
                    "/api/v2/rentals/cancel/{partner_transaction_id}",
                    false,
                    (api, call) -> api.cancel(call, s.get(4)));
        }
        if (resource.equals("rentals") && (size == 6 || size == 7)) {
            String template =
                    "/api/v2/rentals/{rental_type}/{location_id}/{battery_id}" + (size == 7 ? "/{user_coupon}" : "");
            String coupon = size == 7 ? s.get(6) : null;
            return switch (method) {
                case "GET" ->
                    new PosRoute(
                            "getRentalPricing",
                            "GET " + template,
                            "GET, POST",
                            false,
                            (api, call) -> api.rental(call, false, s.get(3), s.get(4), s.get(5), coupon));
                case "POST" ->
                    new PosRoute(
                            "createRental",
                            "POST " + template,
                            "GET, POST",
                            false,
                            (api, call) -> api.rental(call, true, s.get(3), s.get(4), s.get(5), coupon));
                default -> notAllowed("GET, POST");
            };
        }
        if (resource.equals("stations") && size == 5 && s.get(4).equals("pricing")) {
            return only(
                    method,
                    "GET",
                    "getStationPricing",
                    "/api/v2/stations/{external_id}/pricing",
                    false,
                    (api, call) -> api.stationPricing(call, s.get(3)));
        }
        if (resource.equals("stations") && size == 5 && s.get(4).equals("pickup")) {
            return only(
                    method,
                    "POST",
                    "createStationPickup",
                    "/api/v2/stations/{external_id}/pickup",
                    true,
                    (api, call) -> api.stationPickup(call, s.get(3)));
        }
        return null;
    }

    private static PosRoute only(
            String method, String allowed, String operation, String template, boolean hasBody, Invoker invoker) {
        if (!method.toUpperCase(Locale.ROOT).equals(allowed)) {
            return notAllowed(allowed);
        }
        return new PosRoute(operation, allowed + " " + template, allowed, hasBody, invoker);
    }

    private static PosRoute notAllowed(String allowed) {
        return new PosRoute(null, null, allowed, false, null);
    }
}
