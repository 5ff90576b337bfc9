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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an answer becomes the token served, as a table: times in ms after 2030-01-01T00:00:00Z, JWT claims in whole
 * seconds after it; refreshMargin 60 s, no jitter.
 */
class IssuedTokenTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final TokenTiming TIMING =
            new TokenTiming(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(8));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case, request start, received, expires_in, iat, exp, -> expires at, served until, renewal due, skew s
        "opaque token: life counted from our request start, 400, 1000, 3600, , , 3600400, 3595400, 3540400, ",
        "JWT: life counted from the start of the second iat names, 400, 1000, 3600, 0, 3600, 3600000, 3595000, 3540000, 0",
        "JWT shorter than expires_in: the shorter wins, 400, 1000, 3600, 0, 1800, 1800000, 1795000, 1740000, 0",
        "JWT longer than expires_in: expires_in wins, 400, 1000, 600, 0, 3600, 600000, 595000, 540000, 0",
        "service clock 45 s ahead: expiry still from our clock, 400, 1000, 3600, 45, 3645, 3600000, 3595000, 3540000, 45",
        "3 s token after a 2.5 s call: renewal not before half its served rest, 400, 2900, 3, , , 3400, 3100, 3000, "
    })
    void answerBecomesTheServedToken(
            String invariant,
            long startMillis,
            long receivedMillis,
            long expiresIn,
            Long iat,
            Long exp,
            long expiresAtMillis,
            long servedUntilMillis,
            long renewAtMillis,
            Long skewSeconds) {
        String value = iat == null
                ? "opaque-token"
                : DefaultTokenProviderTest.jwt("{\"iat\":" + T0.plusSeconds(iat).getEpochSecond() + ",\"exp\":"
                        + T0.plusSeconds(exp).getEpochSecond() + "}");
        TokenAcquisition.Obtained obtained = new TokenAcquisition.Obtained(
                TokenRequest.PASSWORD,
                new TokenResponse(value, null, expiresIn, "Bearer", null),
                T0.plusMillis(startMillis));

        IssuedToken issued = IssuedToken.of(obtained, T0.plusMillis(receivedMillis), TIMING, 0);

        assertThat(issued.token().expiresAt()).isEqualTo(T0.plusMillis(expiresAtMillis));
        assertThat(issued.served().usableUntilMillis()).isEqualTo(T0.toEpochMilli() + servedUntilMillis);
        assertThat(issued.served().renewAtMillis()).isEqualTo(T0.toEpochMilli() + renewAtMillis);
        assertThat(issued.roundTrip()).isEqualTo(Duration.ofMillis(receivedMillis - startMillis));
        assertThat(issued.receivedAt()).isEqualTo(T0.plusMillis(receivedMillis));
        assertThat(issued.skew()).isEqualTo(skewSeconds == null ? null : Duration.ofSeconds(skewSeconds));
        assertThat(issued.clockSkewed()).isEqualTo(skewSeconds != null && skewSeconds > 30);
    }
}
