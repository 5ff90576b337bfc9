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

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** The component's clock option drives the token lifecycle of every endpoint. */
class ChimpyPosClockTest extends ChimpyPosTestSupport {

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));

    @Override
    protected void configure(ChimpyPosComponent component) {
        super.configure(component);
        component.setClock(clock);
    }

    @Test
    void theComponentClockReachesTheTokenProvider() {
        ChimpyPosEndpoint endpoint = context.getEndpoint("chimpypos:checkUser", ChimpyPosEndpoint.class);

        assertThat(((DefaultTokenProvider) endpoint.getTokenProvider())
                        .getSettings()
                        .clock())
                .isSameAs(clock);
    }

    @Test
    void tokenExpiryIsJudgedWithTheComponentClock() {
        Exchange first = send("chimpypos:checkUser?userCoupon=APPUSER1");
        ChimpyPosEndpoint endpoint =
                context.getEndpoint("chimpypos:checkUser?userCoupon=APPUSER1", ChimpyPosEndpoint.class);
        AccessToken token = endpoint.getTokenProvider().getToken();

        assertThat(first.getException()).isNull();
        assertThat(token.obtainedAt()).isEqualTo(clock.instant());
        assertThat(token.expiresAt()).isAfter(clock.instant().plus(Duration.ofHours(1)));
    }
}
