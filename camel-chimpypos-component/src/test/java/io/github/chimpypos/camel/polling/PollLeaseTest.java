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
package io.github.chimpypos.camel.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.github.chimpypos.camel.polling.PollLease.Turn;
import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.Lease;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.emulator.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The poll lease, table-driven on a fake clock: who polls a cycle, renewal, expiry, takeover, release. */
class PollLeaseTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String KEY = "chimpypos-poll-v1-test";

    private final MutableClock clock = MutableClock.startingAt(T0);
    private final TokenStore store = new InMemoryTokenStore();
    private final PollLease a = new PollLease(store, KEY, "A", LEASE, clock);
    private final PollLease b = new PollLease(store, KEY, "B", LEASE, clock);

    /** A step: which instance acquires after how long, and what it gets. */
    record Step(String who, long afterMillis, Turn expected) {
        @Override
        public String toString() {
            return who + "@+" + afterMillis + "ms->" + expected;
        }
    }

    static Stream<Arguments> cycles() {
        return Stream.of(
                Arguments.of("the first instance claims a free lease", new Step[] {step("A", 0, Turn.CLAIMED)}),
                Arguments.of(
                        "a second instance in the same cycle is busy",
                        new Step[] {step("A", 0, Turn.CLAIMED), step("B", 10, Turn.BUSY)}),
                Arguments.of("the holder renews every cycle, the other stays out", new Step[] {
                    step("A", 0, Turn.CLAIMED),
                    step("B", 500, Turn.BUSY),
                    step("A", 500, Turn.RENEWED),
                    step("B", 1000, Turn.BUSY),
                    step("A", 1000, Turn.RENEWED),
                    step("B", 2900, Turn.BUSY)
                }),
                Arguments.of("a dead holder's lease is taken over once it expires", new Step[] {
                    step("A", 0, Turn.CLAIMED), step("B", 2999, Turn.BUSY), step("B", 1, Turn.CLAIMED)
                }),
                Arguments.of("a holder back after its lease was taken is busy", new Step[] {
                    step("A", 0, Turn.CLAIMED),
                    step("B", 3000, Turn.CLAIMED),
                    step("A", 100, Turn.BUSY),
                    step("B", 100, Turn.RENEWED)
                }),
                Arguments.of(
                        "a late holder whose expired lease nobody took renews without interruption",
                        new Step[] {step("A", 0, Turn.CLAIMED), step("A", 5000, Turn.RENEWED)}),
                Arguments.of("a holder that lost and won again has been interrupted", new Step[] {
                    step("A", 0, Turn.CLAIMED),
                    step("B", 3000, Turn.CLAIMED),
                    step("A", 3000, Turn.CLAIMED),
                    step("A", 500, Turn.RENEWED)
                }));
    }

    private static Step step(String who, long afterMillis, Turn expected) {
        return new Step(who, afterMillis, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cycles")
    void oneInstancePollsACycle(String scenario, Step[] steps) {
        for (Step step : steps) {
            clock.advance(Duration.ofMillis(step.afterMillis()));
            PollLease instance = step.who().equals("A") ? a : b;

            assertThat(instance.acquire()).as(step.toString()).isEqualTo(step.expected());
            if (step.expected().polls()) {
                assertThat(store.loadPollRecord(KEY).orElseThrow().lease())
                        .as("the stored lease after " + step)
                        .isEqualTo(new Lease(step.who(), clock.instant().plus(LEASE)));
            }
        }
    }

    @Test
    void aBusyInstanceWritesNothing() {
        a.acquire();
        PollRecord before = store.loadPollRecord(KEY).orElseThrow();

        b.acquire();

        assertThat(store.loadPollRecord(KEY)).contains(before);
    }

    @Test
    void aLongPollRenewsWhenLessThanHalfTheLeaseIsLeftAndStopsOnceTakenOver() {
        a.acquire();
        clock.advance(Duration.ofMillis(1400));
        assertThat(a.stillHeld()).as("more than half left: no write").isTrue();
        assertThat(store.loadPollRecord(KEY).orElseThrow().version()).isEqualTo(1);

        clock.advance(Duration.ofMillis(200));
        assertThat(a.stillHeld()).as("less than half left: renewed").isTrue();
        assertThat(store.loadPollRecord(KEY).orElseThrow().lease().until())
                .isEqualTo(clock.instant().plus(LEASE));

        clock.advance(LEASE);
        assertThat(b.acquire()).isEqualTo(Turn.CLAIMED);
        assertThat(a.stillHeld()).as("taken over while paused: the poll stops").isFalse();
    }

    @Test
    void aReleasedLeaseIsClaimedAtOnce() {
        a.acquire();
        assertThat(b.acquire()).isEqualTo(Turn.BUSY);

        a.release();

        assertThat(store.loadPollRecord(KEY).orElseThrow().lease()).isNull();
        assertThat(b.acquire()).isEqualTo(Turn.CLAIMED);
    }

    @Test
    void releasingALeaseAlreadyTakenOverLeavesTheNewHolderAlone() {
        a.acquire();
        clock.advance(LEASE);
        b.acquire();

        a.release();

        assertThat(store.loadPollRecord(KEY).orElseThrow().lease().owner()).isEqualTo("B");
    }
}
