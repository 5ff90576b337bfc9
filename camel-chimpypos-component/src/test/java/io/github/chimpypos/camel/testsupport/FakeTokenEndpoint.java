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
package io.github.chimpypos.camel.testsupport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.chimpypos.camel.auth.TokenEndpointClient;
import io.github.chimpypos.camel.auth.TokenEndpointException;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenRequest;
import io.github.chimpypos.camel.auth.TokenResponse;

/**
 * An in-memory token service: deterministic, counts calls, can be blocked and scripted to fail. Like Auth0 with
 * rotation it issues a new refresh token on every refresh, and answers invalid_grant to a refresh token presented
 * twice (which would revoke the family on the real service).
 */
public final class FakeTokenEndpoint implements TokenEndpointClient {

    public static final String PASSWORD = "fake-Passw0rd!";
    public static final String CLIENT_SECRET = "fake-client-s3cret";

    private final List<TokenRequest> requests = new ArrayList<>();
    private final Deque<Function<TokenRequest, TokenResponse>> script = new ArrayDeque<>();
    private final Set<String> issuedRefreshTokens = new HashSet<>();
    private final Set<String> usedRefreshTokens = new HashSet<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger reusedRefreshTokens = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private long expiresIn = 3600;
    private boolean rotation = true;
    private boolean issueRefreshTokens = true;
    private int counter;

    @Override
    public TokenResponse requestToken(TokenRequest request) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            Function<TokenRequest, TokenResponse> step;
            synchronized (this) {
                requests.add(request);
                step = script.pollFirst();
            }
            entered.countDown();
            CountDownLatch currentGate = gate;
            if (currentGate != null) {
                try {
                    if (!currentGate.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return step != null ? step.apply(request) : issue(request);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    /** The default behaviour: a valid answer for every grant, rejecting reused refresh tokens. */
    public synchronized TokenResponse issue(TokenRequest request) {
        counter++;
        String refresh = null;
        if (request.isRefresh()) {
            if (!issuedRefreshTokens.contains(request.refreshToken())
                    || !usedRefreshTokens.add(request.refreshToken())) {
                reusedRefreshTokens.incrementAndGet();
                throw invalidGrant("Unknown or invalid refresh token.");
            }
            if (rotation) {
                refresh = "fake-rt-" + counter;
            }
        } else if (issueRefreshTokens && !TokenRequest.CLIENT_CREDENTIALS.equals(request.grantType())) {
            refresh = "fake-rt-" + counter;
        }
        if (refresh != null) {
            issuedRefreshTokens.add(refresh);
        }
        if (!rotation && request.isRefresh()) {
            usedRefreshTokens.remove(request.refreshToken());
        }
        return new TokenResponse("fake-at-" + counter, refresh, expiresIn, "Bearer", null);
    }

    public static TokenEndpointException invalidGrant(String description) {
        return new TokenEndpointException(
                TokenFailureReason.CREDENTIALS_REJECTED, 403, "invalid_grant", "rejected: " + description);
    }

    public static TokenEndpointException unavailable(int status) {
        return new TokenEndpointException(
                TokenFailureReason.AUTH_SERVICE_UNAVAILABLE, status, null, "HTTP " + status + " from fake");
    }

    public static TokenEndpointException rateLimited(Duration retryAfter) {
        return new TokenEndpointException(
                TokenFailureReason.RATE_LIMITED, 429, "too_many_requests", "HTTP 429 from fake", null, retryAfter);
    }

    public synchronized FakeTokenEndpoint then(Function<TokenRequest, TokenResponse> step) {
        script.addLast(step);
        return this;
    }

    public synchronized FakeTokenEndpoint thenFail(TokenEndpointException failure) {
        return then(request -> {
            throw failure;
        });
    }

    public synchronized FakeTokenEndpoint thenAnswer(TokenResponse response) {
        return then(request -> response);
    }

    public synchronized FakeTokenEndpoint expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    public synchronized FakeTokenEndpoint rotation(boolean rotation) {
        this.rotation = rotation;
        return this;
    }

    public synchronized FakeTokenEndpoint issueRefreshTokens(boolean issue) {
        this.issueRefreshTokens = issue;
        return this;
    }

    /** From now on calls block until {@link #open()}; {@link #awaitEntered()} waits until one call arrived. */
    public void block() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    public void open() {
        CountDownLatch currentGate = gate;
        gate = null;
        if (currentGate != null) {
            currentGate.countDown();
        }
    }

    public void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no token call arrived");
        }
    }

    public synchronized int calls() {
        return requests.size();
    }

    public synchronized long calls(String grantType) {
        return requests.stream().filter(r -> r.grantType().equals(grantType)).count();
    }

    public synchronized List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    public int maxConcurrentCalls() {
        return maxConcurrent.get();
    }

    public int reusedRefreshTokens() {
        return reusedRefreshTokens.get();
    }
}
