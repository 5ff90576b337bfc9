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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.operability.TokenProviderHealth;
import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.LeaseClaim;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider with a token store: several "instances" (providers with their own JVM memory) share one store, on one
 * injected clock. Every safety rule of the store protocol, seen from the token calls the token service receives.
 */
class StoredTokenSourceTest {

    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Margin 60 s plus jitter 5 % x 0.5 of it: renewal due 61.5 s before expiry, see DefaultTokenProviderTest. */
    private static final Duration RENEWAL_DUE = LIFETIME.minusMillis(61_500);

    private final TestClock clock = new TestClock();
    private final FakeTokenEndpoint endpoint = new FakeTokenEndpoint().expiresIn(LIFETIME.toSeconds());
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final FlakyStore store = new FlakyStore(new InMemoryTokenStore());
    private final List<DefaultTokenProvider> instances = new ArrayList<>();

    @AfterEach
    void stopAll() {
        endpoint.open();
        instances.forEach(DefaultTokenProvider::stop);
    }

    private TokenProviderSettings.Builder settings() {
        return DefaultTokenProviderTest.settings(clock).tokenStore(store);
    }

    /** One instance: its own provider and its own JVM memory of lockouts, the shared store. */
    private DefaultTokenProvider instance() {
        DefaultTokenProvider provider =
                new DefaultTokenProvider(settings().build(), endpoint, sleeper, () -> 0.5, new CredentialLockouts());
        provider.start();
        instances.add(provider);
        return provider;
    }

    private TokenStoreSession otherInstancesSession() {
        TokenProviderSettings settings = settings().build();
        return new TokenStoreSession(
                store,
                StoredTokenSource.recordKey(settings),
                FakeTokenEndpoint.PASSWORD + '\u0000' + FakeTokenEndpoint.CLIENT_SECRET,
                StoredTokenSource.storeSettings(settings),
                clock);
    }

    private TokenRecord stored() {
        return store.load(StoredTokenSource.recordKey(settings().build())).orElseThrow();
    }

    /** Renewals run on the provider's thread: wait until none is in flight anywhere. */
    private void awaitQuiet() {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> instances.stream()
                        .noneMatch(p -> p.isStarted() && p.status().state() == TokenProviderState.RENEWING));
    }

    @Test
    void aSecondInstanceAdoptsTheTokenOfTheFirstWithoutATokenCall() {
        AccessToken first = instance().getToken();
        DefaultTokenProvider second = instance();

        assertThat(second.getToken().value()).isEqualTo(first.value());
        assertThat(second.getToken().expiresAt()).isEqualTo(first.expiresAt());
        assertThat(endpoint.calls()).isEqualTo(1);
        assertThat(second.status().tokenCalls()).isZero();
        assertThat(second.status().tokenStore()).isEqualTo(TokenStoreState.IN_USE);
        assertThat(second.status().refreshTokenHeld())
                .as("the refresh token is kept by the store only")
                .isFalse();
    }

    @Test
    void aRestartedInstanceUsesTheStoredTokenWithZeroTokenCalls() {
        DefaultTokenProvider before = instance();
        String token = before.getToken().value();
        before.stop();
        clock.advance(Duration.ofMinutes(10));

        assertThat(instance().getToken().value()).isEqualTo(token);
        assertThat(endpoint.calls()).isEqualTo(1);
    }

    /** The cluster makes one renewal per token lifetime, whatever its size, and never presents a refresh token twice. */
    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2, 4})
    void theClusterRenewsOncePerLifetime(int size) {
        List<DefaultTokenProvider> cluster = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            cluster.add(instance());
        }
        cluster.forEach(DefaultTokenProvider::getToken);
        int lifetimes = 5;
        for (int lifetime = 0; lifetime < lifetimes; lifetime++) {
            clock.advance(RENEWAL_DUE.plusSeconds(1));
            for (DefaultTokenProvider provider : cluster) {
                provider.getToken(); // due: renews in the background, or adopts what another one renewed
                awaitQuiet();
            }
            String current = stored().token().accessToken();
            assertThat(cluster).allSatisfy(p -> assertThat(p.getToken().value()).isEqualTo(current));
            clock.advance(LIFETIME.minus(RENEWAL_DUE).minusSeconds(30));
        }

        assertThat(endpoint.calls(TokenRequest.REFRESH_TOKEN)).isEqualTo(lifetimes);
        assertThat(endpoint.calls()).isEqualTo(1 + lifetimes);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void afterA401OnlyTheFirstInstanceRenewsAndTheOthersAdoptItsToken() {
        DefaultTokenProvider a = instance();
        DefaultTokenProvider b = instance();
        AccessToken rejected = a.getToken();
        b.getToken();

        AccessToken renewed = b.renewAfterUnauthorized(rejected);
        AccessToken adopted = a.renewAfterUnauthorized(rejected);

        assertThat(renewed.value()).isNotEqualTo(rejected.value());
        assertThat(adopted.value()).isEqualTo(renewed.value());
        assertThat(endpoint.calls()).isEqualTo(2);
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void aHolderThatDiedTookTheRefreshTokenWithItTheNextHolderMakesAPasswordGrant() {
        DefaultTokenProvider survivor = instance();
        survivor.getToken();
        clock.advance(RENEWAL_DUE.plusSeconds(1));
        LeaseClaim died = otherInstancesSession().claim(token -> false); // claims, then never commits
        assertThat(died).isInstanceOf(LeaseClaim.Held.class);
        assertThat(((LeaseClaim.Held) died).refreshToken()).isNotNull();

        survivor.getToken(); // still served; the renewal waits for the dead holder's lease to end
        awaitQuiet();

        assertThat(endpoint.requests()).extracting(TokenRequest::grantType).containsExactly("password", "password");
        assertThat(sleeper.waits())
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(StoredTokenSource.BUSY_POLL));
        assertThat(stored().token().accessToken()).isEqualTo(survivor.getToken().value());
        assertThat(stored().lease()).isNull();
    }

    @Test
    void aRefreshWhoseOutcomeIsUnknownIsNeverSentAgainInTheCluster() {
        DefaultTokenProvider a = instance();
        DefaultTokenProvider b = instance();
        a.getToken();
        b.getToken();
        endpoint.thenFail(FakeTokenEndpoint.unavailable(0).outcomeUnknown());
        clock.advance(RENEWAL_DUE.plusSeconds(1));

        a.getToken();
        awaitQuiet();
        b.getToken();
        awaitQuiet();
        clock.advance(LIFETIME);
        b.getToken(); // the next lifetime: the refresh token of the new family
        awaitQuiet();

        assertThat(endpoint.requests())
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token", "password", "refresh_token");
        assertThat(endpoint.reusedRefreshTokens()).isZero();
        assertThat(a.getToken().value()).isEqualTo(b.getToken().value()).isEqualTo("fake-at-3");
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverNeverWritesItsResult() {
        DefaultTokenProvider slow = instance();
        slow.getToken();
        TokenStoreSession other = otherInstancesSession();
        List<LeaseClaim> taken = new ArrayList<>();
        endpoint.then(request -> {
            // the call outlives the lease: another instance claims meanwhile
            clock.advance(StoredTokenSource.storeSettings(settings().build()).leaseDuration());
            taken.add(other.claim(token -> false));
            return endpoint.issue(request);
        });
        clock.advance(RENEWAL_DUE.plusSeconds(1));

        slow.getToken();
        awaitQuiet();

        assertThat(taken).singleElement().isInstanceOf(LeaseClaim.Held.class);
        TokenRecord record = stored();
        assertThat(record.lease()).isEqualTo(((LeaseClaim.Held) taken.get(0)).lease());
        assertThat(record.token().accessToken()).isNotEqualTo(slow.getToken().value());
        assertThat(slow.getToken().value()).isEqualTo("fake-at-2"); // it uses its own result, shares nothing
    }

    @Test
    void credentialRejectionsCountForTheWholeClusterAndAResetOnOneInstanceLiftsThemForAll() {
        for (int i = 0; i < 3; i++) {
            endpoint.thenFail(FakeTokenEndpoint.invalidGrant("Wrong email or password."));
        }
        DefaultTokenProvider a = instance();
        DefaultTokenProvider b = instance();

        assertThatThrownBy(a::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThatThrownBy(b::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls())
                .as("b waits for the quiet period a's rejection started")
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(b::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(a::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls()).isEqualTo(3);

        clock.advance(Duration.ofDays(30));
        DefaultTokenProvider latecomer = instance();
        assertThatThrownBy(latecomer::getToken)
                .isInstanceOf(ChimpyPosAuthenticationException.class)
                .hasMessageContaining("3 time(s) in a row");
        assertThatThrownBy(b::getToken).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(endpoint.calls())
                .as("3 consecutive rejections for the cluster, then none")
                .isEqualTo(3);
        assertThat(b.status().state()).isEqualTo(TokenProviderState.CREDENTIALS_LOCKED);

        a.resetCredentialsLockout();
        clock.advance(SharedCredentialLockouts.RESET_CHECK_INTERVAL);

        assertThat(b.getToken().value()).isEqualTo("fake-at-1");
        assertThat(latecomer.getToken().value()).isEqualTo("fake-at-1");
        assertThat(endpoint.calls()).isEqualTo(4);
    }

    @Test
    void anUnreachableStoreFallsBackToTheInstancesOwnTokenLogsOnceAndReportsDegraded() {
        DefaultTokenProvider a = instance();
        a.getToken();
        clock.advance(RENEWAL_DUE.plusSeconds(1));
        store.down.set(true);

        try (LogCapture log = LogCapture.everything()) {
            a.getToken();
            awaitQuiet();
            clock.advance(LIFETIME);
            a.getToken();
            awaitQuiet();

            // each event reaches the capture once per logger configuration on its way: compare like with like
            long warnings = log.lines().stream()
                    .filter(line -> line.contains("does not answer"))
                    .count();
            long renewals = log.lines().stream()
                    .filter(line -> line.contains("Renewed a Chimpy access token"))
                    .count();
            assertThat(warnings)
                    .as("one warning for two renewals without the store")
                    .isEqualTo(renewals / 2);
            assertThat(warnings).isPositive();
        }
        assertThat(endpoint.requests())
                .extracting(TokenRequest::grantType)
                .as("its own family: the store's refresh token is never presented by the fallback")
                .containsExactly("password", "password", "refresh_token");
        assertThat(a.status().tokenStore()).isEqualTo(TokenStoreState.DEGRADED);
        TokenProviderHealth health = TokenProviderHealth.of(a.status());
        assertThat(health.up()).isTrue();
        assertThat(health.message()).startsWith("DEGRADED");
        assertThat(health.details()).containsEntry("token.store", "DEGRADED");

        store.down.set(false);
        clock.advance(LIFETIME);
        a.getToken();
        awaitQuiet();
        assertThat(a.status().tokenStore()).isEqualTo(TokenStoreState.IN_USE);
        assertThat(stored().token().accessToken()).isEqualTo(a.getToken().value());
        assertThat(endpoint.reusedRefreshTokens()).isZero();
    }

    @Test
    void aStoreWithoutItsEncryptionKeyFailsWhenTheProviderIsBuiltNamingTheOption() {
        TokenStore keyless = new io.github.chimpypos.camel.store.EncryptingTokenStore() {
            @Override
            protected Optional<io.github.chimpypos.camel.store.SealedTokenRecord> loadSealed(String key) {
                return Optional.empty();
            }

            @Override
            protected boolean compareAndSetSealed(
                    String key, long expectedVersion, io.github.chimpypos.camel.store.SealedTokenRecord next) {
                return false;
            }
        };
        TokenProviderSettings settings = settings().tokenStore(keyless).build();

        assertThatThrownBy(() -> new DefaultTokenProvider(settings, endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encryptionKey");
        assertThat(endpoint.calls()).isZero();
    }

    /** A store that can be switched off, as a database or grid that stops answering. */
    static final class FlakyStore implements TokenStore {
        final AtomicBoolean down = new AtomicBoolean();
        private final TokenStore engine;

        FlakyStore(TokenStore engine) {
            this.engine = engine;
        }

        @Override
        public Optional<TokenRecord> load(String key) {
            check();
            return engine.load(key);
        }

        @Override
        public boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
            check();
            return engine.compareAndSet(key, expectedVersion, next);
        }

        @Override
        public String credentialsTag(String secrets) {
            return engine.credentialsTag(secrets);
        }

        private void check() {
            if (down.get()) {
                throw new TokenStoreException("token store unreachable (test)");
            }
        }
    }
}
