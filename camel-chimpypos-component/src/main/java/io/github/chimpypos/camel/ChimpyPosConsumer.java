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

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.chimpypos.camel.operation.OptionValidation;
import io.github.chimpypos.camel.polling.PollKeys;
import io.github.chimpypos.camel.polling.PollLease;
import io.github.chimpypos.camel.polling.PollState;
import io.github.chimpypos.camel.polling.PollState.Fingerprint;
import io.github.chimpypos.camel.polling.RequestPacer;
import io.github.chimpypos.camel.polling.SharedPollState;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStores;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a read-only operation (getStationPricing, checkBattery, checkUser, getRentalPricing) for a list of keys and
 * emits one exchange per key with the body and headers the producer gives, or with {@code onlyChanges} only when
 * the result differs from the last one seen.
 *
 * <p>
 * The API's answers about a key are data: a business error (HTTP 200, {@code status=error}) and a 4xx answer with an
 * error type (station offline, no battery, unknown station) become exchanges with the status headers. Everything
 * else (I/O errors, 5xx, 401/403/408/429, no token) fails the poll, so that Camel's backoff, error handler bridge
 * and consumer health check react; the next poll resumes after the key that failed.
 *
 * <p>
 * With {@code clusteredPolling}, the instances running the route take turns through the token store: only the holder
 * of the endpoint's poll lease polls a cycle, and the last-seen state lives in the store (see docs/scale-out.md).
 */
public class ChimpyPosConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ChimpyPosConsumer.class);

    private final ChimpyPosEndpoint endpoint;
    private final ChimpyPosConfiguration configuration;
    private final PollKeys keys;
    private final StateRepository<String, String> stateRepository;
    private final boolean ownStateRepository;
    /** How many delays a poll lease lasts after its last renewal: the longest a dead holder keeps the others out. */
    static final int LEASE_DELAYS = 3;

    private final String pollLeaseKey;
    private final SharedPollState sharedState;
    private final AtomicBoolean storeDownLogged = new AtomicBoolean();
    private PollLease lease;
    private RequestPacer pacer = RequestPacer.REAL;
    private PollState state;
    private ExecutorService requestExecutor;

    /** @throws IllegalArgumentException naming the option, when the endpoint cannot be polled as configured */
    public ChimpyPosConsumer(ChimpyPosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.keys = PollKeys.of(endpoint.getOperation(), configuration);
        OptionValidation.consumer(endpoint.getDelay(), configuration);
        this.ownStateRepository = configuration.getStateRepository() == null;
        this.pollLeaseKey = configuration.isClusteredPolling() ? TokenStores.pollLeaseKey(identity(endpoint)) : null;
        this.sharedState = configuration.isClusteredPolling() && ownStateRepository
                ? new SharedPollState(
                        configuration.getTokenStore(),
                        pollLeaseKey,
                        endpoint.getComponent().getClock())
                : null;
        this.stateRepository = !ownStateRepository
                ? configuration.getStateRepository()
                : sharedState != null ? sharedState : new MemoryStateRepository();
    }

    /**
     * What names this polling endpoint alike on every instance of the cluster and apart from other endpoints: its URI
     * with secrets masked, and the API and credentials it polls with (never a secret).
     */
    private static String identity(ChimpyPosEndpoint endpoint) {
        ChimpyPosConfiguration configuration = endpoint.getConfiguration();
        return URISupport.sanitizeUri(endpoint.getEndpointUri())
                + '\n'
                + configuration.getApiUrl()
                + '\n'
                + configuration.getClientId()
                + '\n'
                + configuration.getUsername();
    }

    @Override
    public ChimpyPosEndpoint getEndpoint() {
        return endpoint;
    }

    /** Replaces the real clock and sleep of request spreading; for tests. */
    void setPacer(RequestPacer pacer) {
        this.pacer = pacer;
    }

    /** Where the last-seen state of the keys is kept. */
    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /** The poll lease of this consumer, or null without clusteredPolling. */
    PollLease getPollLease() {
        return lease;
    }

    @Override
    protected void doStart() throws Exception {
        if (pollLeaseKey != null) {
            lease = startLease();
        }
        if (ownStateRepository) {
            ServiceHelper.startService(stateRepository);
        } else if (!getEndpoint().getCamelContext().hasService(stateRepository)) {
            // a user's repository may serve several routes: the context starts it once and stops it at shutdown
            getEndpoint().getCamelContext().addService(stateRepository, true, true);
        }
        state = new PollState(stateRepository, endpoint.getComponent().getObjectMapper());
        if (configuration.getMaxConcurrentRequests() > 1) {
            requestExecutor = getEndpoint()
                    .getCamelContext()
                    .getExecutorServiceManager()
                    .newFixedThreadPool(this, "ChimpyPosPoll", configuration.getMaxConcurrentRequests());
        }
        super.doStart();
    }

    /** Fails the route start when the store keeps no poll records; a store that is down only means polling alone. */
    private PollLease startLease() {
        TokenStore store = configuration.getTokenStore();
        try {
            store.loadPollRecord(pollLeaseKey);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("Option clusteredPolling: the tokenStore " + e.getMessage(), e);
        } catch (TokenStoreException e) {
            storeDown(e);
        }
        Duration leaseTime = leaseTime(getTimeUnit().toMillis(getDelay()), configuration);
        return new PollLease(
                store,
                pollLeaseKey,
                store.newLeaseOwner(),
                leaseTime,
                endpoint.getComponent().getClock());
    }

    /**
     * {@value #LEASE_DELAYS} delays, and at least twice the longest request (the wait for a token, then connect and
     * response timeouts): a poll renews its lease once half of it is gone, so a request it sends always ends within
     * its lease.
     */
    static Duration leaseTime(long delayMillis, ChimpyPosConfiguration configuration) {
        long longestRequest = configuration.getTokenMaxWait()
                + configuration.getConnectTimeout()
                + configuration.getResponseTimeout();
        return Duration.ofMillis(Math.max(delayMillis * LEASE_DELAYS, 2 * longestRequest));
    }

    @Override
    protected void doStop() throws Exception {
        if (lease != null) {
            try {
                lease.release();
            } catch (RuntimeException e) {
                LOG.debug("{}: poll lease not released, it expires: {}", endpoint, e.toString());
            }
        }
        super.doStop();
        if (requestExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(requestExecutor);
            requestExecutor = null;
        }
    }

    @Override
    protected void doShutdown() throws Exception {
        super.doShutdown();
        if (ownStateRepository) {
            ServiceHelper.stopAndShutdownService(stateRepository);
        }
    }

    @Override
    protected int poll() throws Exception {
        if (lease != null && !takeTurn()) {
            LOG.trace("{}: another instance holds the poll lease", endpoint);
            return 0;
        }
        List<String> batch = keys.nextBatch(configuration.getMaxRequestsPerPoll());
        RequestPacer.Pace pace = pacer.start(batch.size(), spreadWindow());
        Deque<Request> inFlight = new ArrayDeque<>();
        int delivered = 0;
        int emitted = 0;
        boolean failed = false;
        try {
            for (int index = 0; index < batch.size(); index++) {
                if (inFlight.size() >= configuration.getMaxConcurrentRequests()) {
                    emitted += deliver(inFlight.removeFirst());
                    delivered++;
                }
                if (!pace.awaitTurn(index, this::isRunAllowed) || !stillHoldsLease()) {
                    break;
                }
                inFlight.addLast(send(batch.get(index)));
            }
            while (!inFlight.isEmpty()) {
                emitted += deliver(inFlight.removeFirst());
                delivered++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed = true;
            throw e;
        } finally {
            // requests still in flight are dropped (polled again next time), but never overlap the next poll
            inFlight.forEach(ChimpyPosConsumer::awaitQuietly);
            // skip the key that failed, so that a key the API keeps failing on cannot hold up the others
            keys.completed(failed ? delivered + 1 : delivered);
        }
        LOG.debug("{}: polled {} of {} keys, {} exchanges", endpoint, delivered, batch.size(), emitted);
        return emitted;
    }

    /** Whether this instance polls this cycle: it holds the lease, or the store is down and it polls alone. */
    private boolean takeTurn() {
        try {
            PollLease.Turn turn = lease.acquire();
            if (turn == PollLease.Turn.CLAIMED && sharedState != null) {
                // another instance may have polled since this one did: its last-seen states are in the store
                sharedState.forgetLocalCopy();
            }
            if (turn.polls() && storeDownLogged.compareAndSet(true, false)) {
                LOG.info("{}: token store reachable again, polling in turn with the cluster", endpoint);
            }
            return turn.polls();
        } catch (TokenStoreException e) {
            storeDown(e);
            return true;
        }
    }

    /** A long poll renews its lease; one that lost it to another instance stops and leaves the keys to it. */
    private boolean stillHoldsLease() {
        if (lease == null) {
            return true;
        }
        try {
            return lease.stillHeld();
        } catch (TokenStoreException e) {
            storeDown(e);
            return true;
        }
    }

    private void storeDown(TokenStoreException e) {
        if (storeDownLogged.compareAndSet(false, true)) {
            LOG.warn(
                    "{}: token store unreachable, polling without the cluster's poll lease until it is back: {}",
                    endpoint,
                    e.getMessage());
        }
    }

    private Duration spreadWindow() {
        if (!configuration.isSpreadRequests()) {
            return Duration.ZERO;
        }
        long delayMillis = getTimeUnit().toMillis(getDelay());
        return Duration.ofMillis((long) (delayMillis * configuration.getSpreadFraction()));
    }

    /** Starts the request of one key: in this thread, or in the request pool when several may be in flight. */
    private Request send(String key) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setHeader(keys.keyParameter().header(), key);
        if (requestExecutor == null) {
            call(exchange);
            return new Request(key, exchange, CompletableFuture.completedFuture(null));
        }
        return new Request(key, exchange, requestExecutor.submit(() -> call(exchange)));
    }

    /** The producer's request and result mapping; answers about the key stay in the exchange as data. */
    private void call(Exchange exchange) {
        try {
            endpoint.operationRunner().run(endpoint.getOperation(), exchange);
        } catch (ChimpyPosBusinessException e) {
            // throwOnBusinessError is a producer option: polled, a business error is data like any other answer
            LOG.trace("Business error as data: {}", e.getErrorType());
        } catch (ChimpyPosApiException e) {
            if (!isAnswerAboutTheKey(e)) {
                throw e;
            }
            exchange.getMessage().setHeader(ChimpyPosConstants.STATUS, "error");
        }
    }

    /**
     * A 4xx answer with an API error type answers for the key (station offline, no battery, unknown station,
     * invalid id); 401, 403, 408 and 429 say nothing about it.
     */
    static boolean isAnswerAboutTheKey(ChimpyPosApiException e) {
        int status = e.getHttpResponseCode();
        return status >= 400
                && status < 500
                && status != 401
                && status != 403
                && status != 408
                && status != 429
                && e.getErrorType() != null;
    }

    /** Routes the result of one key when it is to be emitted; records it as last seen once routed. */
    private int deliver(Request request) throws Exception {
        awaitResult(request);
        Exchange exchange = request.exchange();
        Message message = exchange.getMessage();
        String stateKey = keys.stateKey(request.key());
        Fingerprint current = state.fingerprint(message);
        Fingerprint previous = state.lastSeen(stateKey);
        boolean changed = !current.equals(previous);
        boolean emit =
                !configuration.isOnlyChanges() || changed && (previous != null || configuration.isEmitInitialState());
        if (!emit) {
            if (changed) {
                state.remember(stateKey, current);
            }
            releaseExchange(exchange, false);
            return 0;
        }
        if (previous != null) {
            setIfPresent(message, ChimpyPosConstants.PREVIOUS_STATUS, previous.status());
            setIfPresent(message, ChimpyPosConstants.PREVIOUS_ERROR_TYPE, previous.errorType());
        }
        message.setHeader(ChimpyPosConstants.CHANGED, changed);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            // not recorded as seen: the change is emitted again at the next poll
            getExceptionHandler()
                    .handleException(
                            "Error processing the result of " + request.key(), exchange, exchange.getException());
        } else if (changed) {
            state.remember(stateKey, current);
        }
        releaseExchange(exchange, false);
        return 1;
    }

    private static void awaitResult(Request request) throws Exception {
        try {
            request.call().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void awaitQuietly(Request request) {
        try {
            request.call().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.trace("Dropped request of {} failed too", request.key(), e.getCause());
        }
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    /** One key's request: the exchange it fills and the call in progress. */
    private record Request(String key, Exchange exchange, Future<?> call) {}
}
