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
import java.time.Instant;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the API keeps rejecting tokens right after they were obtained (an audience the API does not accept, a revoked
 * client), renewing on every 401 would cost one token call per exchange. After {@value #MAX_QUICK_REJECTIONS} such
 * rejections in a row the exchange fails until the token is older than the quick-rejection window.
 */
final class UnauthorizedGuard {

    static final int MAX_QUICK_REJECTIONS = 2;
    private static final Duration MAX_WINDOW = Duration.ofSeconds(30);
    /** Under the provider's name, which is what operators configure. */
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    private UnauthorizedGuard() {}

    /**
     * The API answered 401 on the token {@code current} serves: the token is dropped, and the next one is known to
     * follow a 401.
     *
     * @throws ChimpyPosAuthenticationException when renewing again now would only earn another 401
     */
    static TokenLifecycle invalidate(TokenLifecycle current, Instant now) {
        AccessToken token = current.token().token();
        int inARow = check(token, current.afterUnauthorized(), current.quickRejections(), now);
        LOG.debug("The API rejected the current access token (expiring at {}): invalidating it", token.expiresAt());
        return current.rejectedByApi(inARow);
    }

    /**
     * @return the quick rejections in a row, counting this one
     * @throws ChimpyPosAuthenticationException when renewing again now would only earn another 401
     */
    static int check(AccessToken rejected, boolean obtainedAfterUnauthorized, int quickSoFar, Instant now) {
        Duration window = window(rejected.lifetime());
        boolean quick = obtainedAfterUnauthorized
                && Duration.between(rejected.obtainedAt(), now).compareTo(window) < 0;
        int inARow = quick ? quickSoFar + 1 : 0;
        if (inARow >= MAX_QUICK_REJECTIONS) {
            throw new ChimpyPosAuthenticationException(
                    TokenFailureReason.TOKEN_REJECTED_BY_API,
                    401,
                    null,
                    "The PoS API keeps rejecting freshly obtained access tokens (HTTP 401);"
                            + " no new token before " + rejected.obtainedAt().plus(window)
                            + " - check that audience and clientId are the ones the API expects",
                    null);
        }
        return inARow;
    }

    /** A tenth of the token's life, between 1 s and 30 s. */
    static Duration window(Duration lifetime) {
        Duration window = lifetime.dividedBy(10);
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return TokenTiming.min(window, MAX_WINDOW);
    }
}
