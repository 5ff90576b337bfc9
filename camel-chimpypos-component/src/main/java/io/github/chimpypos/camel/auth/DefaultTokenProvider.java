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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lifecycle for one credential set, shared by every endpoint that uses it.
 *
 * <ul>
 * <li>Cache: expiry = request start (by {@link TokenProviderSettings#clock()}) + {@code expires_in}, shortened to the
 * JWT's {@code exp - iat} when that is shorter. A token is never used past its expiry.</li>
 * <li>Single flight: at most one token request is in flight; every caller that needs a token waits on it (bounded by
 * {@code maxWait}). One refresh token is therefore never presented twice concurrently.</li>
 * <li>Lock-free while a token is usable: callers read an immutable snapshot (token, deadlines in epoch millis) from a
 * volatile field; the one caller that wins a compare-and-set starts a due renewal; only callers without a usable
 * token take the lock.</li>
 * <li>Renewal ahead of expiry: once the margin is reached, the first caller starts one background renewal and every
 * caller keeps the still-valid token. A timer does the same for idle routes.</li>
 * <li>Refresh token first, storing the rotated one; when the refresh is rejected, one grant.</li>
 * <li>Failure ladder: rejected credentials lock further attempts for the quiet period (fail fast, no brute-force
 * lock); 429 waits for {@code Retry-After}; outages are retried with exponential backoff and jitter, bounded, and a
 * still-valid token keeps being served meanwhile.</li>
 * </ul>
 */
public class DefaultTokenProvider extends ServiceSupport implements ObservableTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    /** A token is treated as expired this much before its expiry (at most a tenth of its life) for latency. */
    private static final Duration MAX_EXPIRY_GUARD = Duration.ofSeconds(5);

    private static final Duration SKEW_WARN_THRESHOLD = Duration.ofSeconds(30);
    /** The timer may fire a little early by our clock: it aims this much after the due instant. */
    private static final Duration WAKE_UP_SLACK = Duration.ofMillis(20);
    /** Consecutive 401s on tokens obtained after a 401, each within the window, before renewals on 401 pause. */
    static final int MAX_QUICK_REJECTIONS = 2;

    private static final Duration MAX_QUICK_REJECTION_WINDOW = Duration.ofSeconds(30);

    /**
     * The renewal margin is lengthened by up to this fraction so that many clients do not renew in lockstep. A few
     * percent de-synchronise many JVMs as well as 20 % did; every further percent is a percent of each token's life
     * thrown away, which for short lifetimes means measurably more token calls.
     */
    private static final double MARGIN_JITTER = 0.05;
    /**
     * The least lead the renewal gets over the expiry guard, and twice the round trip it is compared with: a renewal
     * must finish before the token stops being served, and a round trip measured on a quiet moment can be short.
     */
    private static final Duration MIN_RENEWAL_LEAD = Duration.ofMillis(100);

    private final TokenProviderSettings settings;
    private final Clock clock;
    private final TokenEndpointClient injectedEndpointClient;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final List<TokenProviderListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock stateLock = new ReentrantLock();

    /**
     * The token in use with its deadlines as epoch millis, replaced whole (written under stateLock, read without it):
     * serving a cached token takes neither the lock nor any allocation.
     */
    private volatile Snapshot snapshot;
    /**
     * The token request in flight. Set from null without the lock by the caller that starts a background renewal
     * (the one compare-and-set winner); every other write happens under stateLock.
     */
    private final AtomicReference<CompletableFuture<AccessToken>> inFlight = new AtomicReference<>();
    /** No token request before this instant (backoff, Retry-After, lockout); read without the lock. */
    private volatile Instant notBefore;
    // Written under stateLock; volatile for the background renewal, which reads them without it.
    private volatile TokenEndpointClient endpointClient;
    private volatile ScheduledThreadPoolExecutor executor;

    // All state below is guarded by stateLock.
    private ScheduledFuture<?> wakeUp;
    private String refreshToken;
    private boolean credentialsLocked;
    private TokenEndpointException lastFailure;
    private boolean nextAfterUnauthorized;
    private boolean currentAfterUnauthorized;
    private int quickRejections;
    private int consecutiveFailures;
    private Instant lastSuccessAt;
    /** The round trip of the last successful token request, null until one; volatile: effectiveMargin reads it. */
    private volatile Duration lastTokenRoundTrip;

    private Duration clockSkew;
    private long tokenCalls;
    private long unauthorizedRenewals;
    private final Map<String, Long> grants = new HashMap<>();
    private final Map<TokenFailureReason, Long> failures = new EnumMap<>(TokenFailureReason.class);

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
                () -> ThreadLocalRandom.current().nextDouble());
    }

    DefaultTokenProvider(
            TokenProviderSettings settings,
            TokenEndpointClient endpointClient,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = settings.clock();
        this.injectedEndpointClient = endpointClient;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
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
        Snapshot seen = snapshot;
        if (seen != null) {
            long now = clock.millis();
            if (now < seen.usableUntilMillis()) {
                if (now >= seen.renewAtMillis() && inFlight.get() == null && notBlockedAt(now)) {
                    renewInBackground(seen);
                }
                return seen.token();
            }
        }
        return awaitUsableToken();
    }

    /** The path without a usable token: under the lock, joins or starts the one token request and waits for it. */
    private AccessToken awaitUsableToken() {
        CompletableFuture<AccessToken> flight;
        stateLock.lock();
        try {
            checkStarted();
            Instant now = clock.instant();
            Snapshot current = snapshot;
            if (current != null && current.usableAt(now.toEpochMilli())) {
                return current.token(); // renewed while this caller waited for the lock
            }
            flight = flightToWaitFor(now);
        } finally {
            stateLock.unlock();
        }
        return await(flight);
    }

    /**
     * Starts the background renewal of a still-usable token. Only the caller that wins the compare-and-set takes the
     * lock (once per renewal); everyone else keeps being served the current token without waiting.
     */
    private void renewInBackground(Snapshot seen) {
        CompletableFuture<AccessToken> flight = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, flight)) {
            return;
        }
        stateLock.lock();
        try {
            if (inFlight.get() != flight) {
                return; // stopped meanwhile
            }
            // Between our reads and the compare-and-set a renewal may have ended: it published its token or its
            // backoff before clearing inFlight, so both are visible now.
            Instant now = clock.instant();
            Snapshot current = snapshot;
            boolean usable = current != null && current.usableAt(now.toEpochMilli());
            if (usable && current == seen && attemptAllowed(now)) {
                LOG.debug(
                        "Access token expires at {}: renewing it in the background",
                        seen.token().expiresAt());
                launch(flight, false);
            } else if (usable) {
                inFlight.set(null);
                flight.complete(current.token()); // for a caller that joined the flight meanwhile
            } else if (attemptAllowed(now)) {
                launch(flight, false); // the token became unusable meanwhile: a caller may be waiting on this flight
            } else {
                inFlight.set(null);
                flight.completeExceptionally(blocked());
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
            unauthorizedRenewals++;
            Instant now = clock.instant();
            Snapshot current = snapshot;
            if (current != null && rejected != null && current.token().value().equals(rejected.value())) {
                checkNotRejectedRepeatedly(current.token(), now);
                LOG.debug(
                        "The API rejected the current access token (expiring at {}): invalidating it",
                        current.token().expiresAt());
                snapshot = null;
                nextAfterUnauthorized = true;
            } else if (current != null && current.usableAt(now.toEpochMilli())) {
                // Another caller renewed it already: its token is newer than the rejected one.
                return current.token();
            }
            flight = flightToWaitFor(now);
        } finally {
            stateLock.unlock();
        }
        return await(flight);
    }

    /**
     * When the API keeps rejecting tokens right after they were obtained (an audience the API does not accept, a
     * revoked client), renewing on every 401 would cost one token call per exchange. After
     * {@value #MAX_QUICK_REJECTIONS} such rejections in a row, the current token is kept and the exchange fails
     * until the token is older than the quick-rejection window.
     */
    private void checkNotRejectedRepeatedly(AccessToken current, Instant now) {
        Duration window = quickRejectionWindow(current.lifetime());
        boolean quick = currentAfterUnauthorized
                && Duration.between(current.obtainedAt(), now).compareTo(window) < 0;
        quickRejections = quick ? quickRejections + 1 : 0;
        if (quickRejections >= MAX_QUICK_REJECTIONS) {
            failures.merge(TokenFailureReason.TOKEN_REJECTED_BY_API, 1L, Long::sum);
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.TOKEN_REJECTED_BY_API,
                    401,
                    null,
                    "The PoS API keeps rejecting freshly obtained access tokens (HTTP 401);"
                            + " no new token before " + current.obtainedAt().plus(window)
                            + " - check that audience and clientId are the ones the API expects",
                    null);
        }
    }

    private static Duration quickRejectionWindow(Duration lifetime) {
        Duration window = lifetime.dividedBy(10);
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return min(window, MAX_QUICK_REJECTION_WINDOW);
    }

    @Override
    public TokenProviderStatus status() {
        stateLock.lock();
        try {
            Instant now = clock.instant();
            Snapshot current = snapshot;
            boolean usable = current != null && current.usableAt(now.toEpochMilli());
            TokenProviderState state;
            if (credentialsLocked && notBefore != null && now.isBefore(notBefore)) {
                state = TokenProviderState.CREDENTIALS_LOCKED;
            } else if (inFlight.get() != null) {
                state = TokenProviderState.RENEWING;
            } else if (usable) {
                state = TokenProviderState.VALID;
            } else if (lastFailure != null && consecutiveFailures > 0) {
                state = TokenProviderState.FAILING;
            } else {
                state = TokenProviderState.NO_TOKEN;
            }
            return new TokenProviderStatus(
                    state,
                    usable ? current.token().expiresAt() : null,
                    usable ? Duration.ofMillis(current.renewAtMillis() - now.toEpochMilli()) : null,
                    refreshToken != null,
                    tokenCalls,
                    grants,
                    grants.getOrDefault(TokenRequest.REFRESH_TOKEN, 0L),
                    failures,
                    unauthorizedRenewals,
                    consecutiveFailures,
                    lastFailure != null ? lastFailure.getReason() : null,
                    lastFailure != null ? errorClass(lastFailure) : null,
                    lastFailure != null ? lastFailure.getMessage() : null,
                    lastSuccessAt,
                    notBefore != null && now.isBefore(notBefore) ? notBefore : null,
                    clockSkew);
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public void resetCredentialsLockout() {
        stateLock.lock();
        try {
            if (credentialsLocked) {
                LOG.info(
                        "Credentials lockout for client {} reset by an operator: the next request tries again",
                        settings.clientId());
                credentialsLocked = false;
                notBefore = null;
                consecutiveFailures = 0;
            }
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public void addListener(TokenProviderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(TokenProviderListener listener) {
        listeners.remove(listener);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    @Override
    protected void doStart() throws Exception {
        validate(settings);
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
            // Forget tokens: a restarted provider starts clean.
            snapshot = null;
            refreshToken = null;
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

    /** Fails with a message naming the option when the settings cannot work. */
    static void validate(TokenProviderSettings settings) {
        URI url = settings.tokenUrl();
        if (url == null) {
            throw new IllegalArgumentException("Option tokenUrl is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Option tokenUrl must be an absolute https:// URL but was: "
                    + url.getScheme() + "://" + url.getHost() + (url.getRawPath() == null ? "" : url.getRawPath()));
        }
        if (scheme.equals("http") && !settings.allowInsecureHttp()) {
            throw new IllegalArgumentException("Option tokenUrl must use https:// (credentials would travel in clear"
                    + " text) but was http://" + url.getHost() + "; plain http is only accepted for testing with the"
                    + " insecure-http flag");
        }
        requireText(settings.clientId(), "clientId");
        if (settings.grantType() == GrantType.password) {
            requireText(settings.username(), "username");
            requireText(settings.password(), "password");
        } else {
            requireText(settings.clientSecret(), "clientSecret");
        }
        if (settings.maxRetries() < 0) {
            throw new IllegalArgumentException("Option maxRetries must be 0 or more but was " + settings.maxRetries());
        }
        requirePositive(settings.maxWait(), "maxWait");
        requireNotNegative(settings.refreshMargin(), "refreshMargin");
        requireNotNegative(settings.credentialsRejectedQuietPeriod(), "credentialsRejectedQuietPeriod");
        requireNotNegative(settings.retryInitialBackoff(), "retryInitialBackoff");
        requireNotNegative(settings.retryMaxBackoff(), "retryMaxBackoff");
        requireNotNegative(settings.maxRetryAfter(), "maxRetryAfter");
    }

    private static void requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Option " + option + " is required for this grantType");
        }
    }

    private static void requirePositive(Duration value, String option) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Option " + option + " must be positive but was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String option) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("Option " + option + " must not be negative but was " + value);
        }
    }

    private void checkStarted() {
        if (!isStartingOrStarted() || executor == null) {
            throw new IllegalStateException("The token provider for client " + settings.clientId() + " is not started");
        }
    }

    // ---- single flight ---------------------------------------------------------------------------------------

    /** The in-flight request, or a new one when allowed; throws fast while a lockout or backoff lasts. */
    private CompletableFuture<AccessToken> flightToWaitFor(Instant now) {
        CompletableFuture<AccessToken> flight = inFlight.get();
        if (flight != null) {
            return flight;
        }
        if (!attemptAllowed(now)) {
            throw blocked();
        }
        return startAcquisition(true);
    }

    /** Whether no backoff or lockout forbids a token request at this instant; without the lock, no side effect. */
    private boolean notBlockedAt(long nowMillis) {
        Instant until = notBefore;
        return until == null || nowMillis >= until.toEpochMilli();
    }

    /** Whether a token request may be sent now; ends a lockout whose quiet period is over. */
    private boolean attemptAllowed(Instant now) {
        if (notBefore != null && now.isBefore(notBefore)) {
            return false;
        }
        if (credentialsLocked) {
            LOG.info(
                    "Quiet period after rejected credentials is over for client {}: trying again", settings.clientId());
            credentialsLocked = false;
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
                // A fresh exception per caller: the shared one must not collect suppressed exceptions from many
                // threads.
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
                    "No access token within maxWait (" + settings.maxWait()
                            + "): the token service is slow or the request is being retried");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "Interrupted while waiting for an access token");
        }
    }

    // ---- one acquisition, run on the provider's thread ------------------------------------------------------

    private record Obtained(String grantType, TokenResponse response, Instant requestStart) {}

    private void runAcquisition(CompletableFuture<AccessToken> flight, TokenEndpointClient client) {
        try {
            onSuccess(flight, acquireWithRetries(client));
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

    private Obtained acquireWithRetries(TokenEndpointClient client) throws InterruptedException {
        int retries = 0;
        while (true) {
            try {
                return obtainOnce(client);
            } catch (TokenEndpointException e) {
                if (!e.isTransient() || retries >= settings.maxRetries() || !isRunAllowed()) {
                    throw e;
                }
                Duration wait = backoff(retries);
                if (e.getRetryAfter() != null && e.getRetryAfter().compareTo(wait) > 0) {
                    wait = min(e.getRetryAfter(), settings.retryMaxBackoff());
                }
                retries++;
                LOG.info(
                        "{}; retry {} of {} in {} ms", e.getMessage(), retries, settings.maxRetries(), wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }

    /** The refresh token when one is held, else (or when it is rejected) the configured grant. */
    private Obtained obtainOnce(TokenEndpointClient client) {
        String presented = null;
        if (settings.useRefreshToken()) {
            stateLock.lock();
            try {
                presented = refreshToken;
            } finally {
                stateLock.unlock();
            }
        }
        if (presented != null) {
            try {
                return call(client, TokenRequest.refresh(presented));
            } catch (TokenEndpointException e) {
                if (!e.isRejection()) {
                    throw e;
                }
                stateLock.lock();
                try {
                    if (presented.equals(refreshToken)) {
                        refreshToken = null;
                    }
                } finally {
                    stateLock.unlock();
                }
                LOG.info(
                        "The token service rejected the refresh token ({}): dropping it and falling back to the {} grant",
                        e.getOauthError() != null ? e.getOauthError() : "HTTP " + e.getStatusCode(),
                        settings.grantType());
            }
        }
        return call(client, TokenRequest.grant(settings.grantType()));
    }

    private Obtained call(TokenEndpointClient client, TokenRequest request) {
        Instant start = clock.instant();
        stateLock.lock();
        try {
            tokenCalls++;
        } finally {
            stateLock.unlock();
        }
        try {
            return new Obtained(request.grantType(), client.requestToken(request), start);
        } catch (TokenEndpointException e) {
            stateLock.lock();
            try {
                failures.merge(e.getReason(), 1L, Long::sum);
            } finally {
                stateLock.unlock();
            }
            throw e;
        }
    }

    private void onSuccess(CompletableFuture<AccessToken> flight, Obtained obtained) {
        TokenResponse response = obtained.response();
        Duration lifetime = Duration.ofSeconds(response.expiresIn());
        Duration skew = null;
        JwtClaims claims = JwtClaims.parse(response.accessToken()).orElse(null);
        if (claims == null) {
            LOG.debug("The access token is not a JWT: treating it as opaque, expiry from expires_in only");
        } else {
            if (claims.issuedAt() != null) {
                // iat has whole seconds: compare it with the start truncated alike, or every token looks skewed.
                skew = Duration.between(obtained.requestStart().truncatedTo(ChronoUnit.SECONDS), claims.issuedAt());
            }
            Duration jwtLifetime = claims.lifetime().orElse(null);
            if (jwtLifetime != null && jwtLifetime.compareTo(lifetime) < 0) {
                LOG.debug(
                        "The JWT lives {} s (exp - iat), shorter than expires_in {} s: using the shorter",
                        jwtLifetime.toSeconds(),
                        response.expiresIn());
                lifetime = jwtLifetime;
            }
        }
        // A JWT's iat and exp are whole seconds: the server's clock started this token's life at the start of the
        // second it was issued in, up to a second before our request start. Counting the life from our start would
        // keep the token up to a second past the server's exp and earn a 401 in that gap; counting it from the start
        // of our second matches the server whenever the clocks agree (and is merely a little early when not).
        Instant lifeStart = claims != null && claims.issuedAt() != null
                ? obtained.requestStart().truncatedTo(ChronoUnit.SECONDS)
                : obtained.requestStart();
        AccessToken token = new AccessToken(response.accessToken(), obtained.requestStart(), lifeStart.plus(lifetime));
        boolean renewed;
        Instant due;
        stateLock.lock();
        try {
            if (flight != inFlight.get()) {
                return; // stopped meanwhile
            }
            renewed = snapshot != null;
            // Measured before the snapshot, so that even the first token's renewal lead uses a real round trip.
            lastTokenRoundTrip = Duration.between(obtained.requestStart(), clock.instant());
            Snapshot installed = snapshotOf(token);
            currentAfterUnauthorized = nextAfterUnauthorized;
            nextAfterUnauthorized = false;
            due = Instant.ofEpochMilli(installed.renewAtMillis());
            if (response.refreshToken() != null) {
                refreshToken = response.refreshToken();
            }
            grants.merge(obtained.grantType(), 1L, Long::sum);
            lastSuccessAt = clock.instant();
            if (skew != null) {
                clockSkew = skew;
            }
            consecutiveFailures = 0;
            notBefore = null;
            credentialsLocked = false;
            // Token first, then the end of the flight: a caller that sees no flight also sees the new token.
            snapshot = installed;
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
                due);
        for (TokenProviderListener listener : listeners) {
            try {
                if (renewed) {
                    listener.onTokenRenewed(obtained.grantType(), token.expiresAt());
                } else {
                    listener.onTokenObtained(obtained.grantType(), token.expiresAt());
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "Token listener {} failed: {}",
                        listener.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }

    private void onFailure(CompletableFuture<AccessToken> flight, TokenEndpointException failure) {
        ChimpyPosAuthenticationException delivered;
        stateLock.lock();
        try {
            if (flight != inFlight.get()) {
                flight.completeExceptionally(failure);
                return;
            }
            consecutiveFailures++;
            lastFailure = failure;
            Instant now = clock.instant();
            if (failure.isRejection()) {
                credentialsLocked = true;
                notBefore = now.plus(settings.credentialsRejectedQuietPeriod());
            } else if (failure.getReason() == TokenFailureReason.RATE_LIMITED) {
                Duration wait;
                if (failure.getRetryAfter() != null) {
                    wait = min(failure.getRetryAfter(), settings.maxRetryAfter());
                } else if ("too_many_attempts".equals(failure.getOauthError())) {
                    // Auth0's brute-force block: it lasts until an unblock, retrying soon only hits it again.
                    wait = settings.credentialsRejectedQuietPeriod();
                } else {
                    wait = backoff(consecutiveFailures - 1);
                }
                notBefore = now.plus(wait);
            } else {
                notBefore = now.plus(backoff(consecutiveFailures - 1));
            }
            delivered = blocked();
            // Backoff first, then the end of the flight: a caller that sees no flight also sees the backoff.
            inFlight.set(null);
            scheduleWakeUp();
        } finally {
            stateLock.unlock();
        }
        if (failure.isRejection()) {
            LOG.warn("{}", delivered.getMessage());
        } else {
            LOG.warn("No access token: {}", delivered.getMessage());
        }
        flight.completeExceptionally(delivered);
        for (TokenProviderListener listener : listeners) {
            try {
                listener.onTokenFailure(delivered.getReason(), delivered);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Token listener {} failed: {}",
                        listener.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }

    /** The fail-fast exception while no attempt is allowed; never quotes a credential. */
    private ChimpyPosAuthenticationException blocked() {
        TokenEndpointException failure = lastFailure;
        if (failure == null) {
            return new ChimpyPosAuthenticationException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, "No access token; no new attempt until " + notBefore);
        }
        String code = failure.getOauthError() != null
                ? failure.getOauthError()
                : failure.getStatusCode() > 0
                        ? "HTTP " + failure.getStatusCode()
                        : failure.getReason().name();
        String message;
        if (credentialsLocked && failure.getReason() == TokenFailureReason.CREDENTIALS_REJECTED) {
            message = "The credentials of client " + settings.clientId() + " were rejected by the token service ("
                    + code + "); no new attempt until " + notBefore
                    + " - fix them, then wait or reset the credentials lockout";
        } else if (credentialsLocked) {
            message = "The token service denied access to client " + settings.clientId() + " (" + code
                    + "; check audience, scope and grantType); no new attempt until " + notBefore
                    + " - fix the configuration, then wait or reset the credentials lockout";
        } else {
            message = failure.getMessage() + "; no new attempt until " + notBefore;
        }
        return new ChimpyPosAuthenticationException(
                failure.getReason(), failure.getStatusCode(), failure.getOauthError(), message, failure);
    }

    // ---- timing ----------------------------------------------------------------------------------------------

    /** A token with the instants, as epoch millis, until which it is served and at which its renewal is due. */
    private record Snapshot(AccessToken token, long usableUntilMillis, long renewAtMillis) {
        boolean usableAt(long nowMillis) {
            return nowMillis < usableUntilMillis;
        }
    }

    /** Computes the token's deadlines once, when it is installed. */
    private Snapshot snapshotOf(AccessToken token) {
        Duration lifetime = token.lifetime();
        long usableUntil = token.expiresAt().minus(expiryGuard(lifetime)).toEpochMilli();
        return new Snapshot(token, usableUntil, computeRenewAt(token).toEpochMilli());
    }

    private static Duration expiryGuard(Duration lifetime) {
        return min(MAX_EXPIRY_GUARD, lifetime.dividedBy(10));
    }

    /**
     * The margin before expiry at which a renewal starts: the configured margin, at least the expiry guard plus the
     * renewal lead (so the renewal starts, and normally completes, while the token is still served), and at most a
     * third of the lifetime (so short-lived tokens never renew in a loop, however slow the token service is).
     *
     * <p>The floor used to be twice the expiry guard: for a 4 s token that is 0.8 s, a fifth of its life, where the
     * renewal needs only the guard (0.4 s) plus a round trip. The lead is what the renewal really needs: twice the
     * last measured token round trip, at least {@link #MIN_RENEWAL_LEAD}.
     */
    Duration effectiveMargin(Duration lifetime) {
        Duration floor = expiryGuard(lifetime).plus(renewalLead());
        Duration margin = settings.refreshMargin().compareTo(floor) < 0 ? floor : settings.refreshMargin();
        return min(margin, lifetime.dividedBy(3));
    }

    /**
     * Twice the round trip of the last successful token request, at least {@link #MIN_RENEWAL_LEAD}. Before any
     * token request succeeded the minimum is used; in practice that never decides anything, because onSuccess
     * measures the round trip of the request that delivered a token before it computes that token's renewal.
     */
    private Duration renewalLead() {
        Duration roundTrip = lastTokenRoundTrip;
        if (roundTrip == null) {
            return MIN_RENEWAL_LEAD;
        }
        Duration lead = roundTrip.multipliedBy(2);
        return lead.compareTo(MIN_RENEWAL_LEAD) < 0 ? MIN_RENEWAL_LEAD : lead;
    }

    private Instant computeRenewAt(AccessToken token) {
        Duration margin = effectiveMargin(token.lifetime());
        long jitterMillis = (long) (margin.toMillis() * MARGIN_JITTER * random.getAsDouble());
        return token.expiresAt().minus(margin).minusMillis(jitterMillis);
    }

    /** Exponential backoff with equal jitter: half the step fixed, half random; capped at retryMaxBackoff. */
    Duration backoff(int attempt) {
        long initial = settings.retryInitialBackoff().toMillis();
        long cap = settings.retryMaxBackoff().toMillis();
        long step = initial << Math.min(Math.max(attempt, 0), 30);
        if (step <= 0 || step > cap) {
            step = cap;
        }
        long half = step / 2;
        return Duration.ofMillis(half + (long) ((step - half) * random.getAsDouble()));
    }

    /** Keeps idle routes warm: wakes up when the renewal is due (real time from our clock). Correctness does not
     * depend on it; callers trigger the same renewal. */
    private void scheduleWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        Snapshot current = snapshot;
        if (executor == null || current == null) {
            return;
        }
        Instant due = Instant.ofEpochMilli(current.renewAtMillis());
        if (notBefore != null && notBefore.isAfter(due)) {
            due = notBefore;
        }
        Duration delay = Duration.between(clock.instant(), due);
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        delay = delay.plus(WAKE_UP_SLACK);
        try {
            wakeUp = executor.schedule(this::onWakeUp, delay.toMillis(), TimeUnit.MILLISECONDS);
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
            Instant now = clock.instant();
            Snapshot current = snapshot;
            if (current == null || !current.usableAt(now.toEpochMilli())) {
                return; // nothing to keep warm; the next caller fetches a token
            }
            if (now.toEpochMilli() >= current.renewAtMillis() && attemptAllowed(now)) {
                LOG.debug(
                        "Renewal timer: renewing the access token expiring at {}",
                        current.token().expiresAt());
                startAcquisition(false);
            } else {
                scheduleWakeUp();
            }
        } finally {
            stateLock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String errorClass(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }

    @Override
    public String toString() {
        return "DefaultTokenProvider[tokenUrl=" + settings.tokenUrl() + ", clientId=" + settings.clientId()
                + ", username=" + settings.username() + ", grantType=" + settings.grantType() + "]";
    }
}
