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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lifecycle for one credential set, shared by every endpoint that uses it. {@link TokenLifecycle#phaseAt}
 * decides, from one immutable value and the clock, whether the cached token is served, renewed in the background,
 * fetched while callers wait, or refused fast; this class applies the transitions under one lock. The pieces: the
 * one request in flight {@link SingleFlight} (bounded by {@code tokenMaxWait}), sent by {@link TokenRequests} on the
 * {@link ProviderRuntime}'s thread and turned into an {@link IssuedToken}; timing {@link TokenTiming}; whether a request
 * may be sent {@link AttemptGate} (the {@link FailureLadder} and {@link CredentialLockouts}); the 401 path
 * {@link UnauthorizedGuard}; the counters {@link TokenCounters}.
 */
public class DefaultTokenProvider extends ServiceSupport implements ObservableTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    private final TokenProviderSettings settings;
    private final Clock clock;
    private final TokenEndpointClient injectedEndpointClient;
    private final DoubleSupplier random;
    private final TokenTiming timing;
    /** Whether a request may be sent now, and the wait a failure leaves: the ladder and the remembered lockouts. */
    private final AttemptGate gate;
    /** Runs one acquisition (with its retries) through the source, on the provider's thread. */
    private final TokenRequests requests;
    /** Where tokens come from: the token service directly, or through a shared token store. */
    private final TokenSource source;

    private final TokenCounters counters = new TokenCounters();
    private final TokenListeners listeners = new TokenListeners();
    private final SingleFlight flights = new SingleFlight();
    private final ReentrantLock stateLock = new ReentrantLock();

    /** Replaced whole under stateLock, read without it: serving a cached token takes neither lock nor allocation. */
    private volatile TokenLifecycle state = TokenLifecycle.EMPTY;
    /** Null while stopped. Written under stateLock; volatile for the provider's thread, which reads it without it. */
    private volatile ProviderRuntime runtime;

    /** A provider talking HTTPS to {@link TokenProviderSettings#tokenUrl()}. */
    public DefaultTokenProvider(TokenProviderSettings settings) {
        this(settings, null);
    }

    /**
     * A provider using the given endpoint client (owned by the caller, not closed on stop); null means an
     * {@link HttpTokenEndpointClient} created on start and closed on stop.
     */
    public DefaultTokenProvider(TokenProviderSettings settings, TokenEndpointClient endpointClient) {
        this(
                settings,
                endpointClient,
                Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble(),
                CredentialLockouts.JVM);
    }

    DefaultTokenProvider(
            TokenProviderSettings settings,
            TokenEndpointClient endpointClient,
            Sleeper sleeper,
            DoubleSupplier random,
            CredentialLockouts lockouts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = settings.clock();
        this.injectedEndpointClient = endpointClient;
        Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.source = TokenSource.of(settings, Objects.requireNonNull(lockouts, "lockouts"), sleeper);
        this.timing = TokenTiming.of(settings);
        this.requests = new TokenRequests(settings, source, sleeper, timing, this.random, counters);
        this.gate = new AttemptGate(settings, FailureLadder.of(settings), source.lockouts());
    }

    public TokenProviderSettings getSettings() {
        return settings;
    }

    /** For tests: the lock that a caller served from the cache must never wait for. */
    ReentrantLock stateLock() {
        return stateLock;
    }

    @Override
    public AccessToken getToken() {
        TokenLifecycle seen = state;
        switch (seen.phaseAt(clock.millis())) {
            case FRESH:
                return seen.token().token();
            case STALE:
                renewInBackground(seen.token());
                return seen.token().token();
            default:
                return awaitUsableToken();
        }
    }

    /** Without a usable token: under the lock, joins or starts the one token request and waits for it. */
    private AccessToken awaitUsableToken() {
        CompletableFuture<AccessToken> flight;
        stateLock.lock();
        try {
            checkStarted();
            long now = clock.millis();
            if (state.usableAt(now)) {
                return state.token().token(); // renewed while this caller waited for the lock
            }
            flight = flightToWaitFor(now);
        } finally {
            stateLock.unlock();
        }
        return SingleFlight.await(flight, settings.maxWait());
    }

    /** Only the caller that claims the flight takes the lock; everyone else keeps the current token. */
    private void renewInBackground(Served seen) {
        CompletableFuture<AccessToken> flight = flights.claim();
        if (flight == null) {
            return;
        }
        stateLock.lock();
        try {
            // A renewal may have ended between our read and the claim: it published its outcome first.
            long now = clock.millis();
            boolean same = state.token() == seen && state.usableAt(now);
            if (flights.isCurrent(flight) && (same || !state.usableAt(now)) && attemptAllowed(now)) {
                LOG.debug(
                        "Access token expires at {}: renewing it in the background",
                        seen.token().expiresAt());
                launch(flight, false);
            } else {
                flights.end(flight);
                if (state.usableAt(now)) {
                    flight.complete(state.token().token()); // for a caller that joined meanwhile
                } else {
                    flight.completeExceptionally(gate.blocked(state));
                }
            }
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public AccessToken renewAfterUnauthorized(AccessToken rejected) {
        CompletableFuture<AccessToken> flight;
        stateLock.lock();
        try {
            checkStarted();
            counters.unauthorizedRenewal();
            Instant now = clock.instant();
            TokenLifecycle current = state;
            if (current.serves(rejected)) {
                state = UnauthorizedGuard.invalidate(current, now);
            } else if (current.usableAt(now.toEpochMilli())) {
                return current.token().token(); // another caller renewed it already
            }
            flight = flightToWaitFor(now.toEpochMilli());
        } catch (ChimpyPosAuthenticationException e) {
            counters.failure(e.getReason());
            throw e;
        } finally {
            stateLock.unlock();
        }
        return SingleFlight.await(flight, settings.maxWait());
    }

    @Override
    public TokenProviderStatus status() {
        return source.describe(counters.status(state, clock.millis(), flights.isRunning()));
    }

    /** Ends every wait (credentials lockout, backoff, rate limit) for this credential set; the next call tries. */
    @Override
    public void resetCredentialsLockout() {
        stateLock.lock();
        try {
            state = gate.reset(state);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Forgets the lockouts this JVM remembers for credential sets no provider uses any more (e.g. after a user was
     * unblocked at the token service); a running provider keeps its own until {@link #resetCredentialsLockout()}.
     */
    public static void forgetRememberedLockouts() {
        CredentialLockouts.JVM.clearAll();
    }

    @Override
    public TokenProviderIdentity identity() {
        return TokenProviderIdentity.of(settings);
    }

    @Override
    public void addListener(TokenProviderListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TokenProviderListener listener) {
        listeners.remove(listener);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    @Override
    protected void doStart() throws Exception {
        settings.validate();
        ProviderRuntime started = ProviderRuntime.start(settings, injectedEndpointClient);
        stateLock.lock();
        try {
            runtime = started;
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    protected void doStop() throws Exception {
        ProviderRuntime stopped;
        CompletableFuture<AccessToken> orphan;
        stateLock.lock();
        try {
            stopped = runtime;
            runtime = null;
            if (stopped != null) {
                stopped.cancelWakeUp();
            }
            orphan = flights.abandon();
            state = state.stopped();
        } finally {
            stateLock.unlock();
        }
        if (stopped != null) {
            stopped.release(orphan);
        } else {
            ProviderRuntime.failStopped(orphan);
        }
    }

    private void checkStarted() {
        if (!isStartingOrStarted() || runtime == null) {
            throw new IllegalStateException("The token provider for client " + settings.clientId() + " is not started");
        }
    }

    // ---- single flight ---------------------------------------------------------------------------------------

    /** Under stateLock: the in-flight request, or a new one when allowed; throws fast while a wait lasts. */
    private CompletableFuture<AccessToken> flightToWaitFor(long now) {
        CompletableFuture<AccessToken> flight = flights.current();
        if (flight != null) {
            return flight;
        }
        if (!attemptAllowed(now)) {
            throw gate.blocked(state);
        }
        return startAcquisition(true);
    }

    /** Under stateLock: whether a token request may be sent now (the gate also takes on remembered lockouts). */
    private boolean attemptAllowed(long now) {
        state = gate.admit(state, now);
        return !state.blockedAt(now);
    }

    /** Under stateLock: starts a token request unless one is in flight (started meanwhile without the lock). */
    private CompletableFuture<AccessToken> startAcquisition(boolean callerWaits) {
        CompletableFuture<AccessToken> flight = flights.claim();
        if (flight == null) {
            return flights.current(); // only the lock holder ends a flight
        }
        launch(flight, callerWaits);
        return flight;
    }

    /** Under stateLock, with {@code flight} claimed: runs it on the provider's thread. */
    private void launch(CompletableFuture<AccessToken> flight, boolean callerWaits) {
        ProviderRuntime running = runtime;
        try {
            if (running == null) {
                throw new RejectedExecutionException("stopped");
            }
            running.execute(() -> runAcquisition(flight, running.client()));
        } catch (RejectedExecutionException e) {
            flights.end(flight);
            ChimpyPosAuthenticationException stopping = new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "The token provider is stopping");
            flight.completeExceptionally(stopping);
            if (callerWaits) {
                throw stopping;
            }
        }
    }

    // ---- one acquisition, run on the provider's thread ------------------------------------------------------

    /** The acquisition path: one request (with its retries) and its outcome applied, whatever happens. */
    private void runAcquisition(CompletableFuture<AccessToken> flight, TokenEndpointClient client) {
        try {
            onSuccess(flight, requests.obtain(client, this::refreshToken, this::keepRefreshToken, this::isRunAllowed));
        } catch (TokenEndpointException e) {
            onFailure(flight, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure(flight, TokenAcquisition.interrupted());
        } catch (RuntimeException | Error e) {
            onFailure(flight, TokenAcquisition.unexpected(e));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private String refreshToken() {
        return settings.useRefreshToken() ? state.refreshToken() : null;
    }

    /** Stores a rotated refresh token (or drops a spent one) the moment it is known, before anything can fail. */
    private void keepRefreshToken(String presented, String next) {
        stateLock.lock();
        try {
            state = state.refreshTokenReplaced(presented, next);
        } finally {
            stateLock.unlock();
        }
    }

    private void onSuccess(CompletableFuture<AccessToken> flight, TokenAcquisition.Obtained obtained) {
        IssuedToken issued =
                IssuedToken.of(obtained, clock.instant(), state.lastRoundTrip(), timing, random.getAsDouble());
        boolean renewed;
        stateLock.lock();
        try {
            if (!flights.isCurrent(flight)) {
                return; // stopped meanwhile
            }
            TokenLifecycle previous = state;
            renewed = previous.token() != null;
            if (!obtained.isAdopted()) {
                counters.success(obtained.grantType(), issued.receivedAt(), issued.skew());
            }
            gate.succeeded();
            // Token first, then the end of the flight: a caller that sees no flight also sees the new token.
            state = previous.installed(
                    issued.served(),
                    obtained.response().refreshToken(),
                    issued.roundTrip(),
                    previous.token() == null && previous.afterUnauthorized());
            flights.end(flight);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
        flight.complete(issued.token());
        issued.log(LOG, renewed, obtained.grantType());
        listeners.tokenArrived(renewed, obtained.grantType(), issued.token().expiresAt());
    }

    /** The one place a failed acquisition turns into a wait: the ladder's rung decides which. */
    private void onFailure(CompletableFuture<AccessToken> flight, TokenEndpointException failure) {
        ChimpyPosAuthenticationException delivered;
        stateLock.lock();
        try {
            if (!flights.isCurrent(flight)) {
                flight.completeExceptionally(failure);
                return;
            }
            Duration step = timing.backoff(state.consecutiveFailures(), random.getAsDouble());
            state = gate.failed(state, failure, clock.instant(), step);
            delivered = gate.blocked(state);
            // The wait first, then the end of the flight: a caller that sees no flight also sees the wait.
            flights.end(flight);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
        LOG.warn("No access token: {}", delivered.getMessage());
        flight.completeExceptionally(delivered);
        listeners.failed(delivered);
    }

    // ---- the renewal timer: keeps idle routes warm; correctness does not depend on it -----------------------

    /** Under stateLock. */
    private void scheduleWakeUp() {
        ProviderRuntime running = runtime;
        if (running != null) {
            running.scheduleWakeUp(state, clock.millis(), this::onWakeUp);
        }
    }

    private void onWakeUp() {
        stateLock.lock();
        try {
            if (runtime == null || flights.isRunning()) {
                return;
            }
            long now = clock.millis();
            TokenLifecycle.Phase phase = state.phaseAt(now);
            if (phase == TokenLifecycle.Phase.STALE && attemptAllowed(now)) {
                LOG.debug(
                        "Renewal timer: renewing the access token expiring at {}",
                        state.token().token().expiresAt());
                startAcquisition(false);
            } else if (phase == TokenLifecycle.Phase.FRESH) {
                scheduleWakeUp();
            }
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DefaultTokenProvider[tokenUrl=" + settings.tokenUrl() + ", clientId=" + settings.clientId()
                + ", username=" + settings.username() + ", grantType=" + settings.grantType() + "]";
    }
}
