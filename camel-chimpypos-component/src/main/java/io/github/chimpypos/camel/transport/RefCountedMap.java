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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values shared by key and counted by user: the first {@link #acquire} of a key creates its value, the
 * {@link #release} of its last user forgets it and tells the caller to close it. The component shares HTTP clients,
 * SSL contexts and token providers this way. Not thread-safe: the owner holds its lock around every call.
 *
 * @param <K> what tells the shared values apart (settings, credentials)
 * @param <V> the shared value, found again by identity on release
 */
public final class RefCountedMap<K, V> {

    /** Creates the value of a key on its first acquisition. */
    @FunctionalInterface
    public interface Creator<K, V, E extends Exception> {
        V create(K key) throws E;
    }

    private static final class Counted<V> {
        final V value;
        int users;

        Counted(V value) {
            this.value = value;
        }
    }

    private final Map<K, Counted<V>> entries;

    private RefCountedMap(Map<K, Counted<V>> entries) {
        this.entries = entries;
    }

    /** Keys compared with {@code equals}, e.g. settings records. */
    public static <K, V> RefCountedMap<K, V> byEquality() {
        return new RefCountedMap<>(new HashMap<>());
    }

    /** Keys compared by identity, e.g. mutable beans such as SSLContextParameters. */
    public static <K, V> RefCountedMap<K, V> byIdentity() {
        return new RefCountedMap<>(new IdentityHashMap<>());
    }

    /** The value of the key, created on first use; one more user. Pair with {@link #release} or {@link #releaseKey}. */
    public <E extends Exception> V acquire(K key, Creator<K, V, E> creator) throws E {
        Counted<V> entry = entries.get(key);
        if (entry == null) {
            entry = new Counted<>(creator.create(key));
            entries.put(key, entry);
        }
        entry.users++;
        return entry.value;
    }

    /** One user less for this value; true when it was the last one and the value is forgotten (close it). */
    public boolean release(V value) {
        for (Iterator<Counted<V>> it = entries.values().iterator(); it.hasNext(); ) {
            Counted<V> entry = it.next();
            if (entry.value == value) {
                if (--entry.users > 0) {
                    return false;
                }
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** One user less for the value of this key; true when it was the last one and the value is forgotten. */
    public boolean releaseKey(K key) {
        Counted<V> entry = entries.get(key);
        if (entry != null && --entry.users <= 0) {
            entries.remove(key);
            return true;
        }
        return false;
    }

    /** How many users hold the value; 0 when it is not shared here. */
    public int users(V value) {
        for (Counted<V> entry : entries.values()) {
            if (entry.value == value) {
                return entry.users;
            }
        }
        return 0;
    }

    public List<V> values() {
        List<V> values = new ArrayList<>(entries.size());
        entries.values().forEach(entry -> values.add(entry.value));
        return values;
    }

    public int size() {
        return entries.size();
    }

    /** Forgets every value regardless of its users and returns them, for the owner to close. */
    public List<V> clear() {
        List<V> values = values();
        entries.clear();
        return values;
    }
}
