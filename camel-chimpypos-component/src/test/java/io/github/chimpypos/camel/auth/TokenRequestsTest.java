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

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.chimpypos.camel.testsupport.FakeTokenEndpoint;
import io.github.chimpypos.camel.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One acquisition through the token source: which grant, which refresh token kept, how many tries. */
class TokenRequestsTest {

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    private final TokenCounters counters = new TokenCounters();
    private final List<String> kept = new ArrayList<>();

    private TokenRequests requests() {
        TokenProviderSettings settings =
                DefaultTokenProviderTest.settings(clock).build();
        return new TokenRequests(
                settings,
                new TokenSource.Direct(new CredentialLockouts()),
                new RecordingSleeper(clock),
                TokenTiming.of(settings),
                () -> 0.5,
                counters);
    }

    private TokenAcquisition.Obtained obtain(String ownRefreshToken, BooleanSupplier running)
            throws InterruptedException {
        return requests().obtain(endpoint, () -> ownRefreshToken, (presented, next) -> kept.add(next), running);
    }

    @Test
    void withoutARefreshTokenThePasswordGrantIsSent() throws InterruptedException {
        TokenAcquisition.Obtained obtained = obtain(null, () -> true);

        assertThat(obtained.grantType()).isEqualTo("password");
        assertThat(endpoint.calls("password")).isEqualTo(1);
        assertThat(obtained.response().refreshToken()).isEqualTo("fake-rt-1");
    }

    @Test
    void theOwnRefreshTokenIsPresentedAndItsSuccessorKeptAtOnce() throws InterruptedException {
        String first = obtain(null, () -> true).response().refreshToken();

        TokenAcquisition.Obtained renewed = obtain(first, () -> true);

        assertThat(renewed.grantType()).isEqualTo("refresh_token");
        assertThat(endpoint.requests().get(1).refreshToken()).isEqualTo(first);
        // every answer's refresh token is handed over the moment it is read
        assertThat(kept).containsExactly(first, renewed.response().refreshToken());
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @ParameterizedTest(name = "{0} outage answer(s), provider running {1}: {2} call(s), token {3}")
    @CsvSource({
        "1, true, 2, true",
        "3, true, 4, true",
        // tokenMaxRetries 3: the fourth outage answer ends the acquisition
        "4, true, 4, false",
        // a stopping provider retries nothing
        "1, false, 1, false"
    })
    void transientFailuresAreRetriedOnlyWhileTheProviderRuns(int outages, boolean running, int calls, boolean obtained)
            throws InterruptedException {
        for (int i = 0; i < outages; i++) {
            endpoint.thenFail(FakeTokenEndpoint.unavailable(503));
        }
        if (obtained) {
            assertThat(obtain(null, () -> running).response().accessToken()).startsWith("fake-at-");
        } else {
            assertThatThrownBy(() -> obtain(null, () -> running)).isInstanceOf(TokenEndpointException.class);
        }
        assertThat(endpoint.calls()).isEqualTo(calls);
    }
}
