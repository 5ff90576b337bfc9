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

import io.github.chimpypos.camel.operation.OptionValidation;
import io.github.chimpypos.camel.polling.PollKeys;
import io.github.chimpypos.camel.polling.PollState;
import io.github.chimpypos.camel.polling.PollState.Fingerprint;
import io.github.chimpypos.camel.polling.RequestPacer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
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
 */
public class ChimpyPosConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ChimpyPosConsumer.class);

    private final ChimpyPosEndpoint endpoint;
    private final ChimpyPosConfiguration configuration;
    private final PollKeys keys;
    private final StateRepository<String, String> stateRepository;
    private final boolean ownStateRepository;
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
        this.stateRepository = ownStateRepository ? new MemoryStateRepository() : configuration.getStateRepository();
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

    @Override
    protected void doStart() throws Exception {
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

    @Override
    protected void doStop() throws Exception {
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
                if (!pace.awaitTurn(index, this::isRunAllowed)) {
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
