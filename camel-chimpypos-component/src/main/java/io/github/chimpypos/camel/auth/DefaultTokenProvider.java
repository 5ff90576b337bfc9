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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import io.github.chimpypos.camel.auth.TokenLifecycle.Served;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lifecycle for one credential set, shared by every endpoint that uses it. {@link TokenLifecycle#phaseAt}
 * decides, from one immutable value and the clock, whether the cached token is served, renewed in the background,
 * fetched while callers wait, or refused fast; this class runs the one token request in flight (single flight,
 * bounded by {@code tokenMaxWait}) and applies the transitions. Timing is {@link TokenTiming}, the failure ladder
 * {@link FailureLadder} with {@link CredentialLockouts}, the counters {@link TokenCounters}.
 */
public class DefaultTokenProvider extends ServiceSupport implements ObservableTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    private static final Duration SKEW_WARN_THRESHOLD = Duration.ofSeconds(30);
    /** The timer may fire a little early by our clock: it aims this much after the due instant. */
    private static final Duration WAKE_UP_SLACK = Duration.ofMillis(20);

    private final TokenProviderSettings settings;
    private final Clock clock;
    private final TokenEndpointClient injectedEndpointClient;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final TokenTiming timing;
    private final FailureLadder ladder;
    private final CredentialLockouts lockouts;
    /** Where tokens come from: the token service directly, or through a shared token store. */
    private final TokenSource source;

    private final String credentials;
    private final TokenCounters counters = new TokenCounters();
    private final TokenListeners listeners = new TokenListeners();
    private final ReentrantLock stateLock = new ReentrantLock();

    /** Replaced whole under stateLock, read without it: serving a cached token takes neither lock nor allocation. */
    private volatile TokenLifecycle state = TokenLifecycle.EMPTY;
    /** The request in flight; set from null without the lock only by the caller that starts a background renewal. */
    private final AtomicReference<CompletableFuture<AccessToken>> inFlight = new AtomicReference<>();
    // Written under stateLock; volatile for the provider's thread, which reads them without it.
    private volatile TokenEndpointClient endpointClient;
    private volatile ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> wakeUp; // guarded by stateLock

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
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.source = TokenSource.of(settings, Objects.requireNonNull(lockouts, "lockouts"), sleeper);
        this.lockouts = source.lockouts();
        this.timing = TokenTiming.of(settings);
        this.ladder = FailureLadder.of(settings);
        this.credentials = settings.credentialsFingerprint();
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
        return await(flight);
    }

    /** Only the caller that wins the compare-and-set takes the lock; everyone else keeps the current token. */
    private void renewInBackground(Served seen) {
        if (inFlight.get() != null) {
            return;
        }
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, flight)) {
            return;
        }
        stateLock.lock();
        try {
            // A renewal may have ended between our read and the compare-and-set: it published its outcome first.
            long now = clock.millis();
            boolean same = state.token() == seen && state.usableAt(now);
            if (inFlight.get() == flight && (same || !state.usableAt(now)) && attemptAllowed(now)) {
                LOG.debug(
                        "Access token expires at {}: renewing it in the background",
                        seen.token().expiresAt());
                launch(flight, false);
            } else {
                inFlight.compareAndSet(flight, null);
                if (state.usableAt(now)) {
                    flight.complete(state.token().token()); // for a caller that joined meanwhile
                } else {
                    flight.completeExceptionally(blocked());
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
            if (current.token() != null
                    && rejected != null
                    && current.token().token().value().equals(rejected.value())) {
                AccessToken token = current.token().token();
                int inARow =
                        UnauthorizedGuard.check(token, current.afterUnauthorized(), current.quickRejections(), now);
                LOG.debug(
                        "The API rejected the current access token (expiring at {}): invalidating it",
                        token.expiresAt());
                state = current.rejectedByApi(inARow);
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
        return await(flight);
    }

    @Override
    public TokenProviderStatus status() {
        TokenLifecycle current = state;
        long now = clock.millis();
        boolean usable = current.usableAt(now);
        TokenProviderState shown;
        if (current.blockedAt(now)
                && (current.blockedBy() == Rung.CREDENTIALS_REJECTED || current.lockedUntilReset())) {
            shown = TokenProviderState.CREDENTIALS_LOCKED;
        } else if (inFlight.get() != null) {
            shown = TokenProviderState.RENEWING;
        } else if (usable) {
            shown = TokenProviderState.VALID;
        } else if (current.lastFailure() != null && current.consecutiveFailures() > 0) {
            shown = TokenProviderState.FAILING;
        } else {
            shown = TokenProviderState.NO_TOKEN;
        }
        return source.describe(counters.status(
                shown,
                usable ? current.token().token().expiresAt() : null,
                usable ? Duration.ofMillis(current.token().renewAtMillis() - now) : null,
                current.refreshToken() != null,
                current.consecutiveFailures(),
                current.lastFailure(),
                current.blockedAt(now) ? current.notBefore() : null));
    }

    /** Ends every wait (credentials lockout, backoff, rate limit) for this credential set; the next call tries. */
    @Override
    public void resetCredentialsLockout() {
        stateLock.lock();
        try {
            boolean remembered = lockouts.clear(credentials);
            if (remembered || state.notBeforeMillis() != 0) {
                LOG.info(
                        "Credentials lockout and waits for client {} reset by an operator: the next request tries"
                                + " again",
                        settings.clientId());
            }
            state = state.reset();
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
        TokenEndpointClient client =
                injectedEndpointClient != null ? injectedEndpointClient : new HttpTokenEndpointClient(settings);
        ScheduledThreadPoolExecutor newExecutor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ChimpyPos-TokenProvider-" + settings.clientId());
            thread.setDaemon(true);
            return thread;
        });
        newExecutor.setRemoveOnCancelPolicy(true);
        stateLock.lock();
        try {
            endpointClient = client;
            executor = newExecutor;
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    protected void doStop() throws Exception {
        ScheduledThreadPoolExecutor oldExecutor;
        CompletableFuture<AccessToken> orphan;
        TokenEndpointClient oldClient;
        stateLock.lock();
        try {
            oldExecutor = executor;
            executor = null;
            if (wakeUp != null) {
                wakeUp.cancel(false);
                wakeUp = null;
            }
            orphan = inFlight.getAndSet(null);
            oldClient = endpointClient;
            endpointClient = null;
            state = state.stopped();
        } finally {
            stateLock.unlock();
        }
        if (oldExecutor != null) {
            oldExecutor.shutdownNow();
        }
        if (orphan != null) {
            orphan.completeExceptionally(new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "The token provider was stopped"));
        }
        if (oldClient != null && injectedEndpointClient == null) {
            oldClient.close();
        }
    }

    private void checkStarted() {
        if (!isStartingOrStarted() || executor == null) {
            throw new IllegalStateException("The token provider for client " + settings.clientId() + " is not started");
        }
    }

    // ---- single flight ---------------------------------------------------------------------------------------

    /** Under stateLock: the in-flight request, or a new one when allowed; throws fast while a wait lasts. */
    private CompletableFuture<AccessToken> flightToWaitFor(long now) {
        CompletableFuture<AccessToken> flight = inFlight.get();
        if (flight != null) {
            return flight;
        }
        if (!attemptAllowed(now)) {
            throw blocked();
        }
        return startAcquisition(true);
    }

    /**
     * Under stateLock: whether a token request may be sent now. A lockout remembered for this credential set by an
     * earlier provider in this JVM counts as well as this provider's own waits.
     */
    private boolean attemptAllowed(long now) {
        CredentialLockouts.Lockout remembered = lockouts.get(credentials);
        if (remembered != null && state.lastFailure() == null) {
            Instant notBefore = ladder.notBefore(remembered);
            state = state.failed(
                    remembered.failure(),
                    remembered.untilReset() ? Rung.UNTIL_RESET : Rung.CREDENTIALS_REJECTED,
                    notBefore);
        }
        if (state.blockedAt(now) && lockouts.resetElsewhere(credentials, state.blockedBy())) {
            state = state.reset(); // an operator reset the lockout on another instance sharing the store
        }
        if (state.blockedAt(now)) {
            return false;
        }
        if (state.blockedBy() == Rung.CREDENTIALS_REJECTED) {
            LOG.info(
                    "Quiet period after rejected credentials is over for client {}: trying again (attempt {} of {})",
                    settings.clientId(),
                    remembered != null ? remembered.rejections() + 1 : 1,
                    FailureLadder.MAX_REJECTED_ATTEMPTS);
        }
        return true;
    }

    /** Under stateLock: starts a token request unless one is in flight (started meanwhile without the lock). */
    private CompletableFuture<AccessToken> startAcquisition(boolean callerWaits) {
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, flight)) {
            return inFlight.get(); // only the lock holder clears it
        }
        launch(flight, callerWaits);
        return flight;
    }

    /** Under stateLock, with {@code flight} in inFlight: runs it on the provider's thread. */
    private void launch(CompletableFuture<AccessToken> flight, boolean callerWaits) {
        TokenEndpointClient client = endpointClient;
        ScheduledThreadPoolExecutor runner = executor;
        try {
            if (runner == null) {
                throw new RejectedExecutionException("stopped");
            }
            runner.execute(() -> runAcquisition(flight, client));
        } catch (RejectedExecutionException e) {
            inFlight.compareAndSet(flight, null);
            ChimpyPosAuthenticationException stopping = new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "The token provider is stopping");
            flight.completeExceptionally(stopping);
            if (callerWaits) {
                throw stopping;
            }
        }
    }

    private AccessToken await(CompletableFuture<AccessToken> flight) {
        try {
            return flight.get(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChimpyPosAuthenticationException failure) {
                // A fresh exception per caller: the shared one must not collect suppressed ones from many threads.
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
                    "No access token within tokenMaxWait (" + settings.maxWait()
                            + "): the token service is slow or the request is being retried");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "Interrupted while waiting for an access token");
        }
    }

    // ---- one acquisition, run on the provider's thread ------------------------------------------------------

    private void runAcquisition(CompletableFuture<AccessToken> flight, TokenEndpointClient client) {
        try {
            TokenAcquisition own = new TokenAcquisition(
                    settings,
                    client,
                    sleeper,
                    timing,
                    random,
                    counters,
                    this::refreshToken,
                    this::keepRefreshToken,
                    this::isRunAllowed);
            onSuccess(
                    flight,
                    source.obtain(
                            own,
                            (refreshToken, keep, mayRetry) -> new TokenAcquisition(
                                    settings,
                                    client,
                                    sleeper,
                                    timing,
                                    random,
                                    counters,
                                    refreshToken,
                                    keep,
                                    () -> isRunAllowed() && mayRetry.getAsBoolean())));
        } catch (TokenEndpointException e) {
            onFailure(flight, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure(
                    flight,
                    new TokenEndpointException(
                            TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                            0,
                            null,
                            "Interrupted while retrying the token request"));
        } catch (RuntimeException | Error e) {
            onFailure(
                    flight,
                    new TokenEndpointException(
                            TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                            0,
                            null,
                            "The token request failed unexpectedly ("
                                    + e.getClass().getName() + ")",
                            e,
                            null));
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
            if (presented == null || presented.equals(state.refreshToken()) || next != null) {
                state = state.withRefreshToken(next);
            }
        } finally {
            stateLock.unlock();
        }
    }

    private void onSuccess(CompletableFuture<AccessToken> flight, TokenAcquisition.Obtained obtained) {
        AccessToken token = obtained.accessToken();
        Duration skew = obtained.skew();
        Instant receivedAt = clock.instant();
        // an adopted token made no round trip: the last measured one still describes the token service
        Duration roundTrip =
                obtained.isAdopted() ? state.lastRoundTrip() : Duration.between(obtained.requestStart(), receivedAt);
        boolean renewed;
        Served served;
        stateLock.lock();
        try {
            if (flight != inFlight.get()) {
                return; // stopped meanwhile
            }
            TokenLifecycle previous = state;
            renewed = previous.token() != null;
            served = new Served(
                    token,
                    TokenTiming.usableUntil(token).toEpochMilli(),
                    timing.renewAt(token, receivedAt, roundTrip, random.getAsDouble())
                            .toEpochMilli());
            if (!obtained.isAdopted()) {
                counters.success(obtained.grantType(), receivedAt, skew);
            }
            lockouts.clear(credentials);
            // Token first, then the end of the flight: a caller that sees no flight also sees the new token.
            state = previous.installed(
                    served,
                    obtained.response().refreshToken(),
                    roundTrip,
                    previous.token() == null && previous.afterUnauthorized());
            inFlight.set(null);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
        flight.complete(token);
        if (skew != null && skew.abs().compareTo(SKEW_WARN_THRESHOLD) > 0) {
            LOG.warn(
                    "The clock of the token service differs from ours by {} s (JWT iat vs. request time): token expiry"
                            + " is computed from expires_in and our clock, but check NTP on this host",
                    skew.toSeconds());
        }
        LOG.info(
                "{} a Chimpy access token via {}: expires at {}, renewal due at {}",
                renewed ? "Renewed" : "Obtained",
                obtained.grantType(),
                token.expiresAt(),
                Instant.ofEpochMilli(served.renewAtMillis()));
        listeners.tokenArrived(renewed, obtained.grantType(), token.expiresAt());
    }

    /** The one place a failed acquisition turns into a wait: the ladder's rung decides which. */
    private void onFailure(CompletableFuture<AccessToken> flight, TokenEndpointException failure) {
        ChimpyPosAuthenticationException delivered;
        stateLock.lock();
        try {
            if (flight != inFlight.get()) {
                flight.completeExceptionally(failure);
                return;
            }
            Instant now = clock.instant();
            Rung rung = FailureLadder.rungOf(failure);
            Duration step = timing.backoff(state.consecutiveFailures(), random.getAsDouble());
            Instant notBefore = switch (rung) {
                case CREDENTIALS_REJECTED -> ladder.notBefore(lockouts.rejected(credentials, now, failure));
                case UNTIL_RESET -> ladder.notBefore(lockouts.untilReset(credentials, now, failure));
                case RATE_LIMITED -> now.plus(ladder.rateLimitWait(failure.getRetryAfter(), step));
                case TRANSIENT, BACK_OFF -> now.plus(step);
            };
            state = state.failed(failure, notBefore == null ? Rung.UNTIL_RESET : rung, notBefore);
            delivered = blocked();
            // The wait first, then the end of the flight: a caller that sees no flight also sees the wait.
            inFlight.set(null);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
        LOG.warn("No access token: {}", delivered.getMessage());
        flight.completeExceptionally(delivered);
        listeners.failed(delivered);
    }

    /** The fail-fast exception while no attempt is allowed; never quotes a credential. */
    private ChimpyPosAuthenticationException blocked() {
        TokenLifecycle current = state;
        return TokenFailureMessages.blocked(settings, current.lastFailure(), current.blockedBy(), current.notBefore());
    }

    // ---- the renewal timer: keeps idle routes warm; correctness does not depend on it -----------------------

    private void scheduleWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        TokenLifecycle current = state;
        if (executor == null || current.token() == null || current.lockedUntilReset()) {
            return;
        }
        long due = Math.max(current.token().renewAtMillis(), current.notBeforeMillis());
        long delay = Math.max(due - clock.millis(), 0) + WAKE_UP_SLACK.toMillis();
        try {
            wakeUp = executor.schedule(this::onWakeUp, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Token provider is stopping: no renewal scheduled");
        }
    }

    private void onWakeUp() {
        stateLock.lock();
        try {
            wakeUp = null;
            if (executor == null || inFlight.get() != null) {
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
