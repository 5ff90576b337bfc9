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
package io.github.chimpypos.camel.operability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosTokenEvent;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.auth.TokenProviderRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.ManagementStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges the token lifecycle of each shared provider to what Camel users observe: the component's
 * {@code tokenListener} and {@link ChimpyPosTokenEvent}s for the CamelContext's event notifiers.
 */
public final class TokenEventNotifierBridge implements TokenProviderRegistry.Observer {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEventNotifierBridge.class);

    private final ChimpyPosComponent component;
    private final Map<ObservableTokenProvider, List<TokenProviderListener>> attached = new ConcurrentHashMap<>();

    public TokenEventNotifierBridge(ChimpyPosComponent component) {
        this.component = component;
    }

    @Override
    public void providerStarted(ObservableTokenProvider provider) {
        TokenProviderListener bridge = new CamelEventBridge(provider, provider.identity());
        TokenProviderListener user = component.getTokenListener();
        List<TokenProviderListener> listeners = user != null ? List.of(bridge, user) : List.of(bridge);
        listeners.forEach(provider::addListener);
        attached.put(provider, listeners);
    }

    @Override
    public void providerStopping(ObservableTokenProvider provider) {
        List<TokenProviderListener> listeners = attached.remove(provider);
        if (listeners != null) {
            listeners.forEach(provider::removeListener);
        }
    }

    /** Raises a {@link ChimpyPosTokenEvent} per lifecycle step when the context has event notifiers. */
    private final class CamelEventBridge implements TokenProviderListener {

        private final ObservableTokenProvider provider;
        private final TokenProviderIdentity identity;

        CamelEventBridge(ObservableTokenProvider provider, TokenProviderIdentity identity) {
            this.provider = provider;
            this.identity = identity;
        }

        @Override
        public void onTokenObtained(String grantType, Instant expiresAt) {
            fire(ChimpyPosTokenEvent.Kind.OBTAINED, grantType, expiresAt, null, null);
        }

        @Override
        public void onTokenRenewed(String grantType, Instant expiresAt) {
            fire(ChimpyPosTokenEvent.Kind.RENEWED, grantType, expiresAt, null, null);
        }

        @Override
        public void onTokenFailure(TokenFailureReason reason, ChimpyPosAuthenticationException failure) {
            fire(ChimpyPosTokenEvent.Kind.FAILED, null, null, reason, failure.getMessage());
        }

        private void fire(
                ChimpyPosTokenEvent.Kind kind,
                String grantType,
                Instant expiresAt,
                TokenFailureReason reason,
                String message) {
            CamelContext context = component.getCamelContext();
            ManagementStrategy strategy = context != null ? context.getManagementStrategy() : null;
            if (strategy == null || strategy.getEventNotifiers().isEmpty()) {
                return;
            }
            ChimpyPosTokenEvent event = new ChimpyPosTokenEvent(
                    provider,
                    kind,
                    identity,
                    grantType,
                    expiresAt,
                    reason,
                    message,
                    component.getClock().millis());
            for (EventNotifier notifier : strategy.getEventNotifiers()) {
                try {
                    if (!notifier.isDisabled() && notifier.isEnabled(event)) {
                        notifier.notify(event);
                    }
                } catch (Exception e) {
                    LOG.warn(
                            "Event notifier {} failed on {}: {}",
                            notifier.getClass().getName(),
                            event,
                            e.getClass().getName());
                }
            }
        }
    }
}
