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
import java.util.Locale;

/** Sales-slip texts of rentals and cancels (English labels; the real layout is undocumented). */
final class Slips {

    private Slips() {}

    static String rental(RentalRequest request, String currency, Amounts amounts, String hashedRentalId) {
        SlipPrinter slip = new SlipPrinter(request.slipWidth()).title("Chimpy Powerbank");
        slip.line(request.pickup() ? "Pickup" : "Return", request.locationId());
        slip.line("Battery", request.batteryId());
        if (request.pickup()) {
            slip.line("Charge", money(currency, amounts.charge()));
            slip.line("Deposit", money(currency, amounts.deposit()));
        } else {
            slip.line("Deposit", money(currency, amounts.deposit()));
            if (amounts.lateFee().signum() > 0) {
                slip.line("Late fee", money(currency, amounts.lateFee().negate()));
            }
            if (amounts.cableMissing().signum() > 0) {
                slip.line(
                        "Cable missing", money(currency, amounts.cableMissing().negate()));
            }
            slip.line("Refund", money(currency, amounts.refund()));
        }
        slip.rule();
        slip.line(amounts.paidInApp() ? "Paid in app" : "Total", money(currency, amounts.user()));
        slip.line("incl. VAT " + amounts.vatRate() + "%", money(currency, amounts.vatUser()));
        if (hashedRentalId != null) {
            slip.line("Rental", hashedRentalId);
        }
        return slip.print();
    }

    static String cancel(int width, Rental rental) {
        SlipPrinter slip = new SlipPrinter(width).title("Chimpy Powerbank");
        slip.line("Canceled " + rental.rentalType(), rental.hashedId());
        slip.line("Battery", rental.batteryId());
        slip.rule();
        slip.line("Reversed", money(rental.currency(), rental.amounts().user().negate()));
        return slip.print();
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + String.format(Locale.ROOT, "%.2f", Money.round(amount));
    }
}
