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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.emulator.Fault;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

/** The token lifecycle reaches the component's tokenListener and the CamelContext's event notifiers. */
class ChimpyPosTokenEventsTest extends ChimpyPosTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";

    private final MutableClock clock = MutableClock.fixedAtNow();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<ChimpyPosTokenEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof ChimpyPosTokenEvent tokenEvent) {
                    events.add(tokenEvent);
                }
            }
        });
        return context;
    }

    @Override
    protected void configure(ChimpyPosComponent component) {
        super.configure(component);
        component.setClock(clock);
        component.getConfiguration().setTokenMaxRetries(0);
        component.setTokenListener(new TokenProviderListener() {
            @Override
            public void onTokenObtained(String grantType, Instant expiresAt) {
                heard.add("obtained via " + grantType);
            }

            @Override
            public void onTokenRenewed(String grantType, Instant expiresAt) {
                heard.add("renewed via " + grantType);
            }

            @Override
            public void onTokenFailure(TokenFailureReason reason, ChimpyPosAuthenticationException failure) {
                heard.add("failed: " + reason);
            }
        });
    }

    @Test
    void obtainedOnFirstUseThenRenewedAheadOfExpiry() {
        assertThat(send(CHECK_USER).getException()).isNull();
        await().until(() -> events.size() == 1);
        ObservableTokenProvider provider = provider();
        Instant expiresAt = provider.status().tokenExpiresAt();

        clock.set(expiresAt.minusSeconds(20));
        assertThat(send(CHECK_USER).getException()).isNull();

        await().untilAsserted(
                        () -> assertThat(heard).containsExactly("obtained via password", "renewed via refresh_token"));
        await().until(() -> events.size() == 2);
        ChimpyPosTokenEvent obtained = events.get(0);
        ChimpyPosTokenEvent renewed = events.get(1);
        assertThat(obtained.getKind()).isEqualTo(ChimpyPosTokenEvent.Kind.OBTAINED);
        assertThat(obtained.getType()).isEqualTo(CamelEvent.Type.Custom);
        assertThat(obtained.getSource()).isSameAs(provider);
        assertThat(obtained.getGrantType()).isEqualTo("password");
        assertThat(obtained.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(obtained.getProvider().clientId()).isEqualTo(credentials().clientId());
        assertThat(renewed.getKind()).isEqualTo(ChimpyPosTokenEvent.Kind.RENEWED);
        assertThat(renewed.getGrantType()).isEqualTo("refresh_token");
        assertThat(renewed.getExpiresAt()).isAfter(expiresAt);
        assertThat(renewed.getTimestamp()).isEqualTo(clock.millis());
    }

    @Test
    void aFailedAcquisitionIsReportedWithItsReason() {
        emulator().control().failNextTokenCalls(1, Fault.status(503));

        Exchange failed = send(CHECK_USER);

        assertThat(failed.getException()).isInstanceOf(ChimpyPosAuthenticationException.class);
        await().untilAsserted(() -> assertThat(heard).containsExactly("failed: AUTH_SERVICE_UNAVAILABLE"));
        await().until(() -> events.size() == 1);
        ChimpyPosTokenEvent event = events.get(0);
        assertThat(event.getKind()).isEqualTo(ChimpyPosTokenEvent.Kind.FAILED);
        assertThat(event.getFailureReason()).isEqualTo(TokenFailureReason.AUTH_SERVICE_UNAVAILABLE);
        assertThat(event.getFailureMessage()).contains("503");
        assertThat(event.getGrantType()).isNull();
        assertThat(event.toString() + " " + event.getFailureMessage() + " " + event.getProvider())
                .contains("AUTH_SERVICE_UNAVAILABLE")
                .doesNotContain(credentials().password())
                .doesNotContain(credentials().clientSecret());
    }

    @Test
    void aRenewalAfterA401IsAnObtainedToken() {
        assertThat(send(CHECK_USER).getException()).isNull();
        emulator().control().revokeAccessTokens();

        assertThat(send(CHECK_USER).getException()).isNull();

        await().untilAsserted(
                        () -> assertThat(heard).containsExactly("obtained via password", "obtained via refresh_token"));
    }

    @Test
    void listenersLeaveWithTheProvider() throws Exception {
        ChimpyPosEndpoint endpoint = context.getEndpoint(CHECK_USER, ChimpyPosEndpoint.class);
        ObservableTokenProvider provider = (ObservableTokenProvider) endpoint.getTokenProvider();
        context.removeEndpoint(endpoint);

        ChimpyPosEndpoint again = context.getEndpoint(CHECK_USER, ChimpyPosEndpoint.class);
        assertThat(send(CHECK_USER).getException()).isNull();

        assertThat(again.getTokenProvider()).isNotSameAs(provider);
        await().untilAsserted(() -> assertThat(heard).containsExactly("obtained via password"));
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.getSource()).isSameAs(again.getTokenProvider()));
    }

    private ObservableTokenProvider provider() {
        return (ObservableTokenProvider)
                context.getEndpoint(CHECK_USER, ChimpyPosEndpoint.class).getTokenProvider();
    }
}
