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
package io.github.chimpypos.camel.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing of the renewal protocol.
 *
 * @param leaseDuration  how long a claim lasts; more than {@code callTimeout}, so a holder can send at all
 * @param callTimeout    the longest a token call may take (connect plus response)
 * @param rejectionLimit consecutive credential rejections before the lockout (the token lifecycle's 3)
 * @param quietPeriod    the wait after the first rejection; it doubles with each one after it
 */
public record TokenStoreSettings(
        Duration leaseDuration, Duration callTimeout, int rejectionLimit, Duration quietPeriod) {

    public TokenStoreSettings {
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
        }
        if (leaseDuration.compareTo(callTimeout) <= 0) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must be longer than callTimeout ("
                    + callTimeout + "): a holder must be able to send");
        }
        if (rejectionLimit < 1) {
            throw new IllegalArgumentException("rejectionLimit must be at least 1, was " + rejectionLimit);
        }
    }

    /** A lease of twice the call timeout plus a margin: time to send, and to commit what came back. */
    public static TokenStoreSettings forCallTimeout(Duration callTimeout, Duration quietPeriod) {
        return new TokenStoreSettings(callTimeout.multipliedBy(2).plusSeconds(5), callTimeout, 3, quietPeriod);
    }
}
