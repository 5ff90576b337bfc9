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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.chimpypos.camel.transport.RefCountedMap;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one {@link DefaultTokenProvider} per credential set ({@link TokenProviderSettings#credentialsKey()}): 50
 * endpoints with equal credentials get one provider and therefore one token. Reference counted: the provider starts on
 * the first {@link #acquire} and stops when the last user {@link #release releases} it ({@link RefCountedMap}).
 * Thread-safe.
 *
 * <p>
 * Settings that are not part of the credential key (margins, retries, format, clock) come from the first acquirer.
 */
public final class TokenProviderRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProviderRegistry.class);

    private final Function<TokenProviderSettings, ? extends DefaultTokenProvider> factory;
    private final RefCountedMap<Object, TokenProvider> entries = RefCountedMap.byEquality();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    /**
     * Told when a shared provider starts (first {@link #acquire}) and before it stops (last {@link #release},
     * {@link #close}), e.g. to expose it over JMX or to attach listeners. Called under the registry's lock: must be
     * quick; a thrown exception is logged and ignored.
     */
    public interface Observer {
        void providerStarted(ObservableTokenProvider provider);

        void providerStopping(ObservableTokenProvider provider);
    }

    public TokenProviderRegistry() {
        this(DefaultTokenProvider::new);
    }

    /** With a custom factory, e.g. one that injects a {@link TokenEndpointClient}. */
    public TokenProviderRegistry(Function<TokenProviderSettings, ? extends DefaultTokenProvider> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Returns the started provider for these credentials, creating and starting it on first use. Every call must be
     * paired with one {@link #release}.
     *
     * @throws IllegalArgumentException when the settings are invalid (names the option)
     */
    public synchronized ObservableTokenProvider acquire(TokenProviderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return (ObservableTokenProvider)
                entries.acquire(settings.credentialsKey(), key -> start(factory.apply(settings)));
    }

    /**
     * Shares a provider the user supplied (the {@code tokenProvider} option): started on first use when it is a Camel
     * {@link org.apache.camel.Service}, stopped with its last user, and given JMX, the dev console, health and events
     * when it is an {@link ObservableTokenProvider}. Every call must be paired with one {@link #release}.
     */
    public synchronized TokenProvider acquire(TokenProvider supplied) {
        Objects.requireNonNull(supplied, "supplied");
        return entries.acquire(new SuppliedKey(supplied), key -> start(supplied));
    }

    private TokenProvider start(TokenProvider provider) {
        ServiceHelper.startService(provider);
        LOG.debug("Started token provider {}", provider);
        if (provider instanceof ObservableTokenProvider observable) {
            for (Observer observer : observers) {
                tell(observer, observable, true);
            }
        }
        return provider;
    }

    /** A user's provider is shared by identity: its equals may be anything. */
    private record SuppliedKey(TokenProvider provider) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SuppliedKey key && key.provider == provider;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(provider);
        }
    }

    /** Gives back a provider obtained from {@link #acquire}; stops it when this was its last user. Idempotent for unknown providers. */
    public synchronized void release(TokenProvider provider) {
        if (provider != null && entries.release(provider)) {
            stopping(provider);
            ServiceHelper.stopService(provider);
            LOG.debug("Stopped token provider {}", provider);
        }
    }

    /** The observable providers in use, e.g. for JMX and the dev console. */
    public synchronized List<ObservableTokenProvider> providers() {
        List<ObservableTokenProvider> providers = new ArrayList<>(entries.size());
        for (TokenProvider provider : entries.values()) {
            if (provider instanceof ObservableTokenProvider observable) {
                providers.add(observable);
            }
        }
        return providers;
    }

    /** How many users hold the provider, 0 when it is not registered. */
    public synchronized int users(TokenProvider provider) {
        return entries.users(provider);
    }

    /** Stops every provider regardless of its users. */
    @Override
    public synchronized void close() {
        for (TokenProvider provider : entries.clear()) {
            stopping(provider);
            ServiceHelper.stopService(provider);
        }
    }

    /** Adds an observer; it is not told about providers already started. */
    public void addObserver(Observer observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    public void removeObserver(Observer observer) {
        observers.remove(observer);
    }

    private void stopping(TokenProvider provider) {
        if (provider instanceof ObservableTokenProvider observable) {
            for (Observer observer : observers) {
                tell(observer, observable, false);
            }
        }
    }

    private static void tell(Observer observer, ObservableTokenProvider provider, boolean started) {
        try {
            if (started) {
                observer.providerStarted(provider);
            } else {
                observer.providerStopping(provider);
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Token provider registry observer {} failed: {}",
                    observer.getClass().getName(),
                    e.getClass().getName());
        }
    }

    @Override
    public synchronized String toString() {
        return "TokenProviderRegistry[providers=" + entries.size() + "]";
    }
}
