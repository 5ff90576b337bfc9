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

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amount rounding as the API shows it: two decimals, half-up; JSON numbers in major units. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Money() {}

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The net part of a VAT-inclusive amount. */
    static BigDecimal net(BigDecimal gross, BigDecimal vatRatePercent) {
        BigDecimal divisor = BigDecimal.ONE.add(vatRatePercent.divide(HUNDRED, 10, RoundingMode.HALF_UP));
        return gross.divide(divisor, 2, RoundingMode.HALF_UP);
    }

    /** JSON form: a double prints as {@code 4.0}, {@code 18.71}, {@code -11.0}, like the documented samples. */
    static Double json(BigDecimal amount) {
        return round(amount).doubleValue();
    }
}
