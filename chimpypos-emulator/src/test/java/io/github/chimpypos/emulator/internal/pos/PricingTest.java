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

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {

    private static final Tariff CH = new Tariff(
            "CH",
            "CHF",
            new BigDecimal("7.7"),
            new BigDecimal("4.0"),
            new BigDecimal("15.0"),
            new BigDecimal("2.0"),
            new BigDecimal("1.0"),
            new BigDecimal("2.0"));
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void counterPickupGivesTheDocumentedFigures() {
        Amounts amounts = Pricing.pickup(CH, null);

        assertThat(amounts.shop()).isEqualByComparingTo("19.00");
        assertThat(amounts.shopNet()).isEqualByComparingTo("18.71");
        assertThat(amounts.vatShop()).isEqualByComparingTo("0.29");
    }

    @Test
    void shopPartsAlwaysAddUp() {
        for (int days = 0; days < 120; days += 3) {
            Amounts amounts = Pricing.giveBack(CH, null, NOW.minus(Duration.ofDays(days)), NOW, days % 2 == 0);
            assertThat(amounts.shopNet().add(amounts.vatShop())).isEqualByComparingTo(amounts.shop());
            assertThat(amounts.refund().add(amounts.detraction())).isEqualByComparingTo(amounts.deposit());
            assertThat(amounts.refund().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "7,0", "8,1", "14,1", "15,2", "20,2", "90,12"})
    void lateWeeksStartAfterTheSeventhDay(int days, long weeks) {
        assertThat(Pricing.startedLateWeeks(NOW.minus(Duration.ofDays(days)), NOW))
                .isEqualTo(weeks);
    }

    @Test
    void moneyRoundsHalfUp() {
        assertThat(Money.net(new BigDecimal("1.00"), new BigDecimal("7.7"))).isEqualByComparingTo("0.93");
        assertThat(Money.round(new BigDecimal("0.125"))).isEqualByComparingTo("0.13");
        assertThat(Money.json(new BigDecimal("19"))).isEqualTo(19.0);
    }

    @Test
    void slipPrinterKeepsEveryLineWithinTheWidth() {
        String slip = new SlipPrinter(32)
                .title("A title that is far too long for a thirty-two column slip")
                .line("A very long label that goes on", "and a very long value as well!!")
                .line("Short", "x".repeat(50))
                .print();

        assertThat(slip.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
    }
}
