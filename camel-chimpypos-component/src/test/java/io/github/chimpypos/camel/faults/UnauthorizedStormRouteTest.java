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
package io.github.chimpypos.camel.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Many exchanges in flight when the token goes bad: 401 storms and renewals under 200 concurrent exchanges through a
 * route. Invariants: nothing lost (every exchange succeeds), bounded calls (one token call per storm, each exchange
 * replayed at most once), and a rotated refresh token is never presented twice (the emulator would answer
 * {@code invalid_grant} and revoke the whole family).
 */
class UnauthorizedStormRouteTest extends FaultsTestSupport {

    private static final int EXCHANGES = 200;

    /**
     * Every access token is revoked while 200 exchanges start at once; the token service answers slowly (100 ms), so
     * the 401s pile up on one renewal. Invariant: one token call, each exchange replayed at most once, all succeed.
     */
    @Test
    void aStormOf401sUnder200ConcurrentExchangesCostsOneTokenCallAndAtMostOneReplayEach() throws Exception {
        assertOk(checkBattery(0));
        control().revokeAccessTokens();
        control().setTokenLatency(Duration.ofMillis(100));

        List<Exchange> exchanges = concurrently(EXCHANGES, this::checkBattery);

        exchanges.forEach(FaultsTestSupport::assertOk);
        assertThat(counters().tokenCalls("refresh_token", "success")).isEqualTo(1);
        assertThat(counters().tokenCalls()).isEqualTo(2);
        long unauthorized = counters().apiCalls("checkBattery", 401);
        assertThat(unauthorized).isBetween(1L, (long) EXCHANGES);
        // One success per exchange; every other call was a 401 answered by one replay.
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(EXCHANGES + 1L);
        assertThat(counters().apiCalls("checkBattery")).isEqualTo(EXCHANGES + 1L + unauthorized);
    }

    /**
     * 40 rounds of 50 concurrent exchanges, 90 s of clock apart (an hour, six token lifetimes): a background renewal
     * falls due every sixth round while the other exchanges keep using the old token, and every fifth round starts
     * with all access tokens revoked, so renewals and 401 storms overlap. Invariant: no refresh token is ever reused (zero invalid_grant at the token service), one
     * password grant in all, every exchange succeeds.
     */
    @Test
    void rotatingRefreshTokensAreNeverReusedUnderConcurrentRenewalsAndRevocations() throws Exception {
        assertOk(checkBattery(0));
        int rounds = 40;
        for (int round = 1; round <= rounds; round++) {
            CLOCK.advance(Duration.ofSeconds(90));
            if (round % 5 == 0) {
                control().revokeAccessTokens();
            }
            int offset = round * 50;
            concurrently(50, i -> checkBattery(offset + i)).forEach(FaultsTestSupport::assertOk);
            awaitIdle();
        }

        assertThat(counters().tokenCalls("refresh_token", "invalid_grant")).isZero();
        assertThat(counters().tokenCalls("password")).isEqualTo(1);
        // An hour: one renewal per 9 minutes at most (6) plus one per revocation (8).
        assertThat(counters().tokenCalls("refresh_token", "success")).isBetween(6L, 6L + 8 + 1);
        assertThat(counters().apiCalls("checkBattery", 200)).isEqualTo(rounds * 50L + 1);
    }
}
