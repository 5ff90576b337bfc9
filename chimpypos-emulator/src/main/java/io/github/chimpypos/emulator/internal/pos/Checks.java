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

import static io.github.chimpypos.emulator.internal.pos.Envelopes.envelope;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.ok;
import static io.github.chimpypos.emulator.internal.pos.Envelopes.resource;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The optional pre-checks checkBattery and checkUser (reference §4.3, §4.4); they never change state. */
final class Checks {

    private final PosState state;

    Checks(PosState state) {
        this.state = state;
    }

    Answer checkBattery(Call call, String batteryId) {
        String lang = Validation.lang(call);
        String rentalType = Validation.rentalType(Objects.requireNonNullElse(call.param("rental_type"), "pickup"));
        String locale = lang == null ? "en" : lang;
        Battery battery = state.inventory().batteries.get(batteryId);
        String errorType =
                battery == null ? "battery_non_existing" : RentalRules.stateError(battery.state(), rentalType);
        Map<String, Object> resource = resource(
                errorType == null ? "ready_for_" + rentalType : "error",
                errorType,
                Messages.text(errorType == null ? "ok_" + rentalType : errorType, locale));
        resource.put("battery_id", batteryId);
        resource.put("rental_type", rentalType);
        if (battery != null) {
            resource.put("battery_state", battery.state().name().toLowerCase(Locale.ROOT));
        }
        return ok(envelope("battery", resource, locale, call));
    }

    Answer checkUser(Call call, String couponCode) {
        String lang = Validation.lang(call);
        String locale = lang == null ? "en" : lang;
        Coupon coupon = state.seed.coupons().get(couponCode);
        String errorType = RentalRules.couponError(coupon);
        Map<String, Object> resource = resource(
                errorType == null ? "valid" : "error",
                errorType,
                Messages.text(errorType == null ? "ok_user" : errorType, locale));
        resource.put("user_coupon", couponCode);
        resource.put("coupon_type", errorType == null ? coupon.couponType() : null);
        resource.put("payment_via", errorType == null ? coupon.paymentVia() : null);
        return ok(envelope("user", resource, locale, call));
    }
}
