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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one {@link DefaultTokenProvider} per credential set ({@link TokenProviderSettings#credentialsKey()}): 50
 * endpoints with equal credentials get one provider and therefore one token. Reference counted: the provider starts on
 * the first {@link #acquire} and stops when the last user {@link #release releases} it. Thread-safe.
 *
 * <p>
 * Settings that are not part of the credential key (margins, retries, format, clock) come from the first acquirer.
 */
public final class TokenProviderRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProviderRegistry.class);

    private final Function<TokenProviderSettings, ? extends DefaultTokenProvider> factory;
    private final Map<Object, Entry> entries = new HashMap<>();
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

    private static final class Entry {
        final TokenProvider provider;
        int users;

        Entry(TokenProvider provider) {
            this.provider = provider;
        }
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
        Object key = settings.credentialsKey();
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = start(key, factory.apply(settings));
        }
        entry.users++;
        return (ObservableTokenProvider) entry.provider;
    }

    /**
     * Shares a provider the user supplied (the {@code tokenProvider} option): started on first use when it is a Camel
     * {@link org.apache.camel.Service}, stopped with its last user, and given JMX, the dev console, health and events
     * when it is an {@link ObservableTokenProvider}. Every call must be paired with one {@link #release}.
     */
    public synchronized TokenProvider acquire(TokenProvider supplied) {
        Objects.requireNonNull(supplied, "supplied");
        Object key = new SuppliedKey(supplied);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = start(key, supplied);
        }
        entry.users++;
        return entry.provider;
    }

    private Entry start(Object key, TokenProvider provider) {
        ServiceHelper.startService(provider);
        Entry entry = new Entry(provider);
        entries.put(key, entry);
        LOG.debug("Started token provider {}", provider);
        if (provider instanceof ObservableTokenProvider observable) {
            for (Observer observer : observers) {
                tell(observer, observable, true);
            }
        }
        return entry;
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
        if (provider == null) {
            return;
        }
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.provider == provider) {
                if (--entry.users <= 0) {
                    it.remove();
                    stopping(entry.provider);
                    ServiceHelper.stopService(entry.provider);
                    LOG.debug("Stopped token provider {}", entry.provider);
                }
                return;
            }
        }
    }

    /** The observable providers in use, e.g. for JMX and the dev console. */
    public synchronized List<ObservableTokenProvider> providers() {
        List<ObservableTokenProvider> providers = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            if (entry.provider instanceof ObservableTokenProvider observable) {
                providers.add(observable);
            }
        }
        return providers;
    }

    /** How many users hold the provider, 0 when it is not registered. */
    public synchronized int users(TokenProvider provider) {
        for (Entry entry : entries.values()) {
            if (entry.provider == provider) {
                return entry.users;
            }
        }
        return 0;
    }

    /** Stops every provider regardless of its users. */
    @Override
    public synchronized void close() {
        for (Entry entry : entries.values()) {
            stopping(entry.provider);
            ServiceHelper.stopService(entry.provider);
        }
        entries.clear();
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
