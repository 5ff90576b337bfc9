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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 401 on the served token: dropped, unless renewing again now would only earn another 401. */
class UnauthorizedGuardTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest(name = "after a 401 {0}, quick so far {1}, rejected {2} s after it arrived: {3}")
    @CsvSource({
        // a 100 s token: the quick-rejection window is 10 s
        "false, 0, 1, 0",
        "true, 0, 1, 1",
        "true, 0, 10, 0",
        "true, 1, 1, -1",
        "true, 1, 10, 0"
    })
    void theServedTokenIsDroppedUnlessRejectionsComeTooQuick(
            boolean afterUnauthorized, int quickSoFar, long secondsLater, int inARow) {
        AccessToken token = new AccessToken("t", T0, T0.plusSeconds(100));
        TokenLifecycle served = new TokenLifecycle(
                new Served(
                        token,
                        T0.plusSeconds(90).toEpochMilli(),
                        T0.plusSeconds(80).toEpochMilli()),
                "rt",
                0,
                null,
                null,
                0,
                null,
                afterUnauthorized,
                quickSoFar);
        Instant now = T0.plusSeconds(secondsLater);

        if (inARow < 0) {
            assertThatThrownBy(() -> UnauthorizedGuard.invalidate(served, now))
                    .isInstanceOf(ChimpyPosAuthenticationException.class)
                    .hasMessageContaining("keeps rejecting freshly obtained access tokens");
        } else {
            TokenLifecycle after = UnauthorizedGuard.invalidate(served, now);
            assertThat(after.token()).isNull();
            assertThat(after.afterUnauthorized()).isTrue();
            assertThat(after.quickRejections()).isEqualTo(inARow);
            assertThat(after.refreshToken()).isEqualTo("rt");
        }
    }
}
