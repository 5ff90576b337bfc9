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
package io.github.chimpypos.camel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.Lockout;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.store.TokenStoreSettings;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared count as the failure ladder reads it: the ladder's next attempt is the store's, for every count. */
class SharedCredentialLockoutsTest {

    private static final Duration QUIET = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock();
    private final FailureLadder ladder = new FailureLadder(QUIET, Duration.ofMinutes(10));

    @ParameterizedTest(name = "{0} rejection(s), the store locked: {1} -> the ladder waits until {2}")
    @CsvSource({
        // rejections, locked in the store, the ladder's next attempt (minutes from the last rejection, or "reset")
        "1, false, 5",
        "2, false, 10",
        "3, true,  reset",
        "2, true,  reset",
    })
    void theLadderWaitsAsLongAsTheStoreSays(int rejections, boolean locked, String expected) {
        SharedCredentialLockouts lockouts = lockouts();
        Instant lastRejectedAt = clock.instant();
        Lockout stored = locked
                ? new Lockout(rejections, true, null, "tag")
                : new Lockout(
                        rejections, false, lastRejectedAt.plus(QUIET.multipliedBy(1L << (rejections - 1))), "tag");

        lockouts.seen(stored);
        CredentialLockouts.Lockout read = lockouts.get("credentials");

        assertThat(read.rejections()).isEqualTo(rejections);
        assertThat(read.untilReset()).isEqualTo(locked);
        assertThat(ladder.notBefore(read))
                .isEqualTo(
                        "reset".equals(expected)
                                ? null
                                : lastRejectedAt.plus(Duration.ofMinutes(Long.parseLong(expected))));
        assertThat(read.failure().getMessage())
                .contains(rejections + " time(s) in a row")
                .doesNotContain("tag");
    }

    @ParameterizedTest(name = "nothing counted: {0}")
    @CsvSource({"none", "cleared"})
    void noSharedCountMeansNoLockout(String how) {
        SharedCredentialLockouts lockouts = lockouts();
        lockouts.seen(new Lockout(1, false, clock.instant().plusSeconds(60), "tag"));

        lockouts.seen("none".equals(how) ? Lockout.NONE : null);

        assertThat(lockouts.get("credentials")).isNull();
    }

    private SharedCredentialLockouts lockouts() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        TokenStoreSession session = new TokenStoreSession(
                store, "key", "secrets", TokenStoreSettings.forCallTimeout(Duration.ofSeconds(10), QUIET), clock);
        return new SharedCredentialLockouts(
                new CredentialLockouts(), session, new TokenStoreLink(store), ladder, clock);
    }
}
