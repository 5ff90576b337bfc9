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
package io.github.chimpypos.camel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which header values the header log masks, requests and responses alike. */
class SecretSafeConnectionFactoryTest {

    @ParameterizedTest(name = "{0}: masked {1}")
    @CsvSource({
        "Authorization, true",
        "Proxy-Authorization, true",
        "WWW-Authenticate, true",
        "Cookie, true",
        "Set-Cookie, true",
        "X-Refresh-Token, true",
        "x-api-key, true",
        "X-Session-Id, true",
        "Content-Type, false",
        "Retry-After, false",
        "x-ratelimit-reset, false",
        "Date, false"
    })
    void tokenBearingHeadersAreMaskedInBothDirections(String name, boolean masked) {
        assertThat(SecretSafeConnectionFactory.isSensitive(name)).isEqualTo(masked);
    }
}
