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

import java.time.Instant;

/**
 * A created rental (counter pickup/return or station pickup). {@code firstAnswer} is the exact JSON body of the
 * creating call, replayed for a repeated {@code partner_transaction_id}.
 */
final class Rental {

    private final String hashedId;
    private final String rentalType;
    private final String batteryId;
    private final String locale;
    private final String currency;
    private final Amounts amounts;
    /** When the battery had been rented before a return, so cancelling the return can restore it. */
    private final Instant previousRentedAt;

    private byte[] firstAnswer;
    private boolean canceled;

    Rental(
            String hashedId,
            String rentalType,
            String batteryId,
            String locale,
            String currency,
            Amounts amounts,
            Instant previousRentedAt) {
        this.hashedId = hashedId;
        this.rentalType = rentalType;
        this.batteryId = batteryId;
        this.locale = locale;
        this.currency = currency;
        this.amounts = amounts;
        this.previousRentedAt = previousRentedAt;
    }

    String hashedId() {
        return hashedId;
    }

    String rentalType() {
        return rentalType;
    }

    String batteryId() {
        return batteryId;
    }

    String locale() {
        return locale;
    }

    String currency() {
        return currency;
    }

    Amounts amounts() {
        return amounts;
    }

    Instant previousRentedAt() {
        return previousRentedAt;
    }

    byte[] firstAnswer() {
        return firstAnswer;
    }

    void firstAnswer(byte[] answer) {
        this.firstAnswer = answer;
    }

    boolean canceled() {
        return canceled;
    }

    void markCanceled() {
        this.canceled = true;
    }
}
