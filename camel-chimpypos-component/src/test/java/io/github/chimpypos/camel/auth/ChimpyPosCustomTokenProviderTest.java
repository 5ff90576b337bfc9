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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A token provider written from scratch against the interfaces (no DefaultTokenProvider, no ServiceSupport): the
 * component starts it before the first endpoint needs it, stops it after the last one, once per component whatever
 * the number of endpoints, and gives it an MBean because it exposes its status.
 */
class ChimpyPosCustomTokenProviderTest extends ChimpyPosTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1&tokenProvider=#scratch";
    private static final String CHECK_OTHER_USER = "chimpypos:checkUser?userCoupon=FREECHARGE1&tokenProvider=#scratch";

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Test
    void aProviderWrittenFromScratchIsStartedSharedObservedAndStopped() throws Exception {
        ScratchTokenProvider scratch = new ScratchTokenProvider();
        context.getRegistry().bind("scratch", scratch);

        Exchange first = send(CHECK_USER);
        Exchange second = send(CHECK_OTHER_USER);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(scratch.starts.get()).isEqualTo(1);
        assertThat(scratch.tokenCalls.get()).isEqualTo(1);
        assertThat(component().getTokenProviderRegistry().users(scratch)).isEqualTo(2);
        Set<ObjectName> mbeans = context.getManagementStrategy()
                .getManagementAgent()
                .getMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:type=chimpypos,*"), null);
        assertThat(mbeans)
                .singleElement()
                .satisfies(name -> assertThat(ObjectName.unquote(name.getKeyProperty("name")))
                        .isEqualTo("ScratchTokenProvider/custom"));

        context.removeEndpoints("chimpypos:*");
        assertThat(scratch.stops.get()).isEqualTo(1);
        assertThat(scratch.started).isFalse();
    }

    @Test
    void exchangesBeforeTheComponentStartedItAreNeverRefusedAsNotStarted() {
        ScratchTokenProvider scratch = new ScratchTokenProvider();
        context.getRegistry().bind("scratch", scratch);

        assertThat(send(CHECK_USER).getException()).isNull();
        assertThat(scratch.notStartedCalls.get()).isZero();
    }

    /** Fetches a token from the emulator with the JDK's HTTP client; refuses to work unless started. */
    static final class ScratchTokenProvider implements ObservableTokenProvider, Service {

        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger tokenCalls = new AtomicInteger();
        final AtomicInteger notStartedCalls = new AtomicInteger();
        private final AtomicReference<AccessToken> cached = new AtomicReference<>();
        volatile boolean started;
        private HttpClient http;

        @Override
        public void start() {
            starts.incrementAndGet();
            http = HttpClient.newBuilder()
                    .sslContext(emulator().clientSslContext())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            started = true;
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
            started = false;
            cached.set(null);
        }

        @Override
        public synchronized AccessToken getToken() {
            if (!started) {
                notStartedCalls.incrementAndGet();
                throw new IllegalStateException("not started");
            }
            AccessToken token = cached.get();
            if (token == null || token.isExpiredAt(Instant.now())) {
                token = fetch();
                cached.set(token);
            }
            return token;
        }

        @Override
        public synchronized AccessToken renewAfterUnauthorized(AccessToken rejected) {
            cached.compareAndSet(rejected, null);
            return getToken();
        }

        private AccessToken fetch() {
            tokenCalls.incrementAndGet();
            String body = "{\"grant_type\":\"password\",\"client_id\":\""
                    + credentials().clientId()
                    + "\",\"audience\":\"" + credentials().audience() + "\",\"username\":\""
                    + credentials().username() + "\",\"password\":\""
                    + credentials().password() + "\"}";
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(emulator().tokenUrl().toString()))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher matcher = ACCESS_TOKEN.matcher(response.body());
                if (response.statusCode() != 200 || !matcher.find()) {
                    throw new ChimpyPosAuthenticationException(
                            TokenFailureReason.CREDENTIALS_REJECTED, "HTTP " + response.statusCode());
                }
                Instant now = Instant.now();
                return new AccessToken(matcher.group(1), now, now.plusSeconds(60));
            } catch (java.io.IOException e) {
                throw new ChimpyPosAuthenticationException(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChimpyPosAuthenticationException(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "interrupted");
            }
        }

        @Override
        public TokenProviderStatus status() {
            AccessToken token = cached.get();
            return new TokenProviderStatus(
                    token != null ? TokenProviderState.VALID : TokenProviderState.NO_TOKEN,
                    token != null ? token.expiresAt() : null,
                    null,
                    false,
                    tokenCalls.get(),
                    Map.of(),
                    0,
                    Map.of(),
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        @Override
        public void resetCredentialsLockout() {
            // nothing is locked: this provider never retries by itself
        }

        @Override
        public void addListener(TokenProviderListener listener) {
            // no events: this provider has no lifecycle worth reporting
        }

        @Override
        public void removeListener(TokenProviderListener listener) {
            // see addListener
        }
    }
}
