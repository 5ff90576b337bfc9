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

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one fan-out: every event reaches every listener, whatever another listener does. */
class TokenListenersTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T01:00:00Z");

    /** Records events; the first one it is given may throw, to stand for a broken listener. */
    private static final class Recording implements TokenProviderListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final boolean broken;

        Recording(boolean broken) {
            this.broken = broken;
        }

        private void record(String event) {
            events.add(event);
            if (broken) {
                throw new IllegalStateException("listener bug");
            }
        }

        @Override
        public void onTokenObtained(String grantType, Instant expiresAt) {
            record("obtained " + grantType + " " + expiresAt);
        }

        @Override
        public void onTokenRenewed(String grantType, Instant expiresAt) {
            record("renewed " + grantType + " " + expiresAt);
        }

        @Override
        public void onTokenFailure(TokenFailureReason reason, ChimpyPosAuthenticationException failure) {
            record("failed " + reason);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "obtained, obtained password 2030-01-01T01:00:00Z",
        "renewed, renewed refresh_token 2030-01-01T01:00:00Z",
        "failed, failed CREDENTIALS_REJECTED"
    })
    void everyListenerHearsEachEventEvenAfterABrokenOne(String event, String heard) {
        TokenListeners listeners = new TokenListeners();
        Recording broken = new Recording(true);
        Recording healthy = new Recording(false);
        Recording removed = new Recording(false);
        listeners.add(broken);
        listeners.add(healthy);
        listeners.add(removed);
        listeners.remove(removed);

        switch (event) {
            case "obtained" -> listeners.tokenArrived(false, TokenRequest.PASSWORD, EXPIRES);
            case "renewed" -> listeners.tokenArrived(true, TokenRequest.REFRESH_TOKEN, EXPIRES);
            default ->
                listeners.failed(new ChimpyPosAuthenticationException(
                        TokenFailureReason.CREDENTIALS_REJECTED, "wrong password"));
        }

        assertThat(broken.events).containsExactly(heard);
        assertThat(healthy.events).containsExactly(heard);
        assertThat(removed.events).isEmpty();
    }
}
