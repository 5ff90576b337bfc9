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
import java.time.Instant;

/**
 * Credential rejections counted for the whole cluster: the lockout rule of the token lifecycle (at most {@code limit}
 * consecutive rejected attempts per credential set, the quiet period doubling between them, nothing automatic after
 * the last one until an operator reset or a change of credentials) enforced on shared state.
 *
 * @param consecutiveRejections rejected attempts since the last success or reset
 * @param locked                the limit was reached: no automatic attempt at all
 * @param nextAttemptAt         no attempt before this instant, or {@code null}
 * @param credentialsTag        identifies the credentials that were rejected without revealing them (an HMAC): other
 *                              credentials for the same identity start from a clean count
 */
public record Lockout(int consecutiveRejections, boolean locked, Instant nextAttemptAt, String credentialsTag) {

    public static final Lockout NONE = new Lockout(0, false, null, null);

    /** The lockout that applies to an attempt with {@code tag}: rejections of other credentials do not count. */
    public Lockout forCredentials(String tag) {
        return credentialsTag == null || credentialsTag.equals(tag) ? this : NONE;
    }

    public boolean allowsAttemptAt(Instant now) {
        return !locked && (nextAttemptAt == null || !now.isBefore(nextAttemptAt));
    }

    /** One more rejection of {@code tag}: the quiet period doubles with each, the {@code limit}-th locks. */
    public Lockout afterRejection(String tag, Instant now, int limit, Duration quietPeriod) {
        int count = forCredentials(tag).consecutiveRejections + 1;
        if (count >= limit) {
            return new Lockout(count, true, null, tag);
        }
        return new Lockout(count, false, now.plus(quietPeriod.multipliedBy(1L << (count - 1))), tag);
    }
}
