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
package io.github.chimpypos.emulator.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Auth0-style brute-force protection: after N consecutive wrong passwords for a user the user is locked for a while
 * (measured with the emulator clock). All clients are on loopback, so the user name alone is the key.
 */
public final class BruteForceGuard {

    private final int threshold;
    private final Duration lockDuration;
    private final Map<String, Attempts> attemptsByUser = new ConcurrentHashMap<>();

    public BruteForceGuard(int threshold, Duration lockDuration) {
        this.threshold = threshold;
        this.lockDuration = lockDuration;
    }

    /** Time left on the user's lock, or {@code null} when the user may try. */
    public Duration lockRemaining(String username, Instant now) {
        Attempts attempts = attemptsByUser.get(key(username));
        if (attempts == null) {
            return null;
        }
        synchronized (attempts) {
            if (attempts.lockedUntil == null) {
                return null;
            }
            if (now.isBefore(attempts.lockedUntil)) {
                return Duration.between(now, attempts.lockedUntil);
            }
            // the lock ran out: the user starts over with a clean count
            attempts.lockedUntil = null;
            attempts.failures = 0;
            return null;
        }
    }

    public void failed(String username, Instant now) {
        Attempts attempts = attemptsByUser.computeIfAbsent(key(username), k -> new Attempts());
        synchronized (attempts) {
            attempts.failures++;
            if (attempts.failures >= threshold && attempts.lockedUntil == null) {
                attempts.lockedUntil = now.plus(lockDuration);
            }
        }
    }

    public void succeeded(String username) {
        attemptsByUser.remove(key(username));
    }

    public void clear() {
        attemptsByUser.clear();
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static final class Attempts {
        int failures;
        Instant lockedUntil;
    }
}
