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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;

/**
 * The one token request a provider has in flight, and how callers wait for it. A caller served from the cache may
 * claim the slot without the provider's lock (so serving never waits for it); only the lock holder ends a flight, so
 * a caller that sees the slot taken under the lock can rely on it staying taken.
 */
final class SingleFlight {

    private final AtomicReference<CompletableFuture<AccessToken>> slot = new AtomicReference<>();

    /** The request in flight, or null. */
    CompletableFuture<AccessToken> current() {
        return slot.get();
    }

    boolean isRunning() {
        return slot.get() != null;
    }

    boolean isCurrent(CompletableFuture<AccessToken> flight) {
        return slot.get() == flight;
    }

    /** A new flight when none is in flight, else null; whoever gets one must launch it or {@link #end} it. */
    CompletableFuture<AccessToken> claim() {
        if (slot.get() != null) {
            return null;
        }
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        return slot.compareAndSet(null, flight) ? flight : null;
    }

    /** Ends {@code flight} if it is still the one in flight. */
    void end(CompletableFuture<AccessToken> flight) {
        slot.compareAndSet(flight, null);
    }

    /** Ends whatever is in flight (the provider stops) and returns it, or null. */
    CompletableFuture<AccessToken> abandon() {
        return slot.getAndSet(null);
    }

    /**
     * Waits at most {@code maxWait} for {@code flight}. Every failure arrives as a {@link ChimpyPosAuthenticationException}
     * of its own: the shared one must not collect suppressed exceptions from many threads.
     */
    static AccessToken await(CompletableFuture<AccessToken> flight, Duration maxWait) {
        try {
            return flight.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChimpyPosAuthenticationException failure) {
                throw new ChimpyPosAuthenticationException(
                        failure.getReason(),
                        failure.getStatusCode(),
                        failure.getOauthError(),
                        failure.getMessage(),
                        failure);
            }
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                    0,
                    null,
                    "Obtaining an access token failed unexpectedly ("
                            + cause.getClass().getName() + ")",
                    cause);
        } catch (TimeoutException e) {
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                    "No access token within tokenMaxWait (" + maxWait
                            + "): the token service is slow or the request is being retried");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "Interrupted while waiting for an access token");
        }
    }
}
