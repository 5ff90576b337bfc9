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
import io.github.chimpypos.camel.auth.FailureLadder.Rung;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a token request may be sent for one credential set, and the wait a failure leaves behind. Each method
 * returns the next {@link TokenLifecycle} for the provider to apply under its lock; the only memory kept is the JVM's
 * (or the shared store's) {@link CredentialLockouts}, so that a lockout survives a provider restart and an operator
 * reset on another instance reaches this one.
 */
final class AttemptGate {

    /** Under the provider's name, which is what operators configure and what the docs show. */
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenProvider.class);

    private final TokenProviderSettings settings;
    private final FailureLadder ladder;
    private final CredentialLockouts lockouts;
    /** The key of this credential set in {@link #lockouts}; never a secret. */
    private final String credentials;

    AttemptGate(TokenProviderSettings settings, FailureLadder ladder, CredentialLockouts lockouts) {
        this.settings = settings;
        this.ladder = ladder;
        this.lockouts = lockouts;
        this.credentials = settings.credentialsFingerprint();
    }

    /**
     * {@code state} with every wait that holds now: a lockout remembered for this credential set by an earlier
     * provider in this JVM is taken on, one an operator lifted elsewhere is dropped. A request may be sent when the
     * result is not {@link TokenLifecycle#blockedAt blocked} at {@code now}.
     */
    TokenLifecycle admit(TokenLifecycle state, long now) {
        TokenLifecycle next = state;
        CredentialLockouts.Lockout remembered = lockouts.get(credentials);
        if (remembered != null && next.lastFailure() == null) {
            next = next.remembering(remembered, ladder.notBefore(remembered));
        }
        if (next.blockedAt(now) && lockouts.resetElsewhere(credentials, next.blockedBy())) {
            next = next.reset(); // an operator reset the lockout on another instance sharing the store
        }
        if (!next.blockedAt(now) && next.blockedBy() == Rung.CREDENTIALS_REJECTED) {
            LOG.info(
                    "Quiet period after rejected credentials is over for client {}: trying again (attempt {} of {})",
                    settings.clientId(),
                    remembered != null ? remembered.rejections() + 1 : 1,
                    FailureLadder.MAX_REJECTED_ATTEMPTS);
        }
        return next;
    }

    /** After a failed acquisition: the wait its rung on the ladder leads to; a rejection is remembered first. */
    TokenLifecycle failed(TokenLifecycle state, TokenEndpointException failure, Instant now, Duration backoffStep) {
        Rung rung = FailureLadder.rungOf(failure);
        Instant notBefore = ladder.notBeforeAfter(rung, failure, now, backoffStep, lockouts, credentials);
        return state.failed(failure, notBefore == null ? Rung.UNTIL_RESET : rung, notBefore);
    }

    /** After a token was obtained: the credential set starts clean. */
    void succeeded() {
        lockouts.clear(credentials);
    }

    /** An operator's reset: every wait ends (lockout, backoff, rate limit), here and in the remembered lockouts. */
    TokenLifecycle reset(TokenLifecycle state) {
        boolean remembered = lockouts.reset(credentials);
        if (remembered || state.notBeforeMillis() != 0) {
            LOG.info(
                    "Credentials lockout and waits for client {} reset by an operator: the next request tries again",
                    settings.clientId());
        }
        return state.reset();
    }

    /** The fail-fast exception while no attempt is allowed; never quotes a credential. */
    ChimpyPosAuthenticationException blocked(TokenLifecycle state) {
        return TokenFailureMessages.blocked(settings, state.lastFailure(), state.blockedBy(), state.notBefore());
    }
}
