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

/** The answer of {@code checkUser} ({@code data.user}): is this coupon valid, and what does it give? */
public class UserCheck extends PosResource {

    @JsonProperty("user_coupon")
    private String userCoupon;

    @JsonProperty("coupon_type")
    private String couponType;

    @JsonProperty("payment_via")
    private String paymentVia;

    public String getUserCoupon() {
        return userCoupon;
    }

    /** {@code free_charge} when the coupon waives the charge, otherwise null. */
    public String getCouponType() {
        return couponType;
    }

    /** {@code app} when the user pays in the app, {@code shop} when at the counter. */
    public String getPaymentVia() {
        return paymentVia;
    }

    @Override
    public String toString() {
        return "UserCheck[couponType=" + couponType + ", paymentVia=" + paymentVia + ", " + fieldsToString() + "]";
    }
}
