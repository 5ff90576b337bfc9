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
/**
 * The token lifecycle of the Chimpy PoS API, shared by every endpoint with the same credentials.
 *
 * <h2>Use from the component</h2>
 *
 * <pre>{@code
 * TokenProviderRegistry registry = new TokenProviderRegistry();          // one per component
 * ObservableTokenProvider provider = registry.acquire(settings);            // endpoint doStart
 * AccessToken token = provider.getToken();                               // per exchange
 * token = provider.renewAfterUnauthorized(token);                        // after a 401, then replay once
 * registry.release(provider);                                            // endpoint doStop
 * registry.close();                                                      // component doStop
 * }</pre>
 *
 * {@link io.github.chimpypos.camel.auth.ObservableTokenProvider#status()} feeds health checks, JMX and the dev console;
 * {@link io.github.chimpypos.camel.auth.TokenProviderListener} can be bridged to Camel events;
 * {@link io.github.chimpypos.camel.auth.ObservableTokenProvider#resetCredentialsLockout()} is the operator's reset.
 *
 * <h2>States</h2>
 *
 * {@code TokenLifecycle.phaseAt} derives the phase from one immutable value and the
 * clock: {@code FRESH} (served), {@code STALE} (served, renewal due: the first caller starts one background renewal),
 * {@code EXPIRED} (callers wait on one request), {@code BACKING_OFF}, {@code CREDENTIALS_LOCKED} and
 * {@code LOCKED_UNTIL_RESET} (callers fail fast). Operators see the coarser
 * {@link io.github.chimpypos.camel.auth.TokenProviderState}. The provider is assembled from small pieces:
 * {@code SingleFlight} (one request in flight), {@code ProviderRuntime} (client and {@code ProviderThread} of one
 * start: requests and the renewal timer), {@code TokenRequests} and {@code TokenAcquisition} (one acquisition with its
 * retries), {@code IssuedToken} (answer to served token), {@code TokenTiming}, {@code AttemptGate} (may a request be
 * sent: {@code FailureLadder} with {@code CredentialLockouts}), {@code UnauthorizedGuard} (a 401),
 * {@code TokenCounters} and {@code TokenListeners}. docs/token-lifecycle.md draws the diagram.
 *
 * <h2>Failure ladder (by the OAuth {@code error}, whatever the HTTP status)</h2>
 * <ol>
 * <li>Refresh token rejected: dropped, then one grant. A refresh whose outcome is unknown (timeout, reset after
 * sending) is never sent again: the next attempt is a grant.</li>
 * <li>Credentials rejected ({@code invalid_grant}, {@code invalid_client}, {@code unauthorized_client}): no attempt for
 * {@code credentialsRejectedQuietPeriod}, then twice that; after the third rejection in a row none until
 * {@code resetCredentialsLockout} or changed credentials, remembered per credential set for the life of the JVM.</li>
 * <li>Auth0's {@code too_many_attempts}, {@code access_denied}, {@code invalid_scope}, {@code mfa_required},
 * {@code consent_required} and any other 4xx: one call, then none until a reset or a configuration change.</li>
 * <li>429: no attempt before {@code Retry-After} (or {@code x-ratelimit-reset}, read against the answer's
 * {@code Date}), at least the current backoff step, at most {@code tokenMaxRetryAfter}.</li>
 * <li>5xx, 408, timeouts, resets, garbled 2xx answers: {@code tokenMaxRetries} retries with exponential backoff and
 * equal jitter from {@code tokenRetryInitialBackoff} up to {@code tokenRetryMaxBackoff}; then no attempt until the
 * next backoff step. A still-valid token is served throughout.</li>
 * <li>TLS failures, a client certificate the service wants included (with TLS 1.3 told apart from an outage by
 * {@link io.github.chimpypos.camel.transport.ClientCertificateProbe}): no retry within the acquisition; backoff.</li>
 * <li>The API rejecting freshly obtained tokens twice in a row: {@code TOKEN_REJECTED_BY_API} without token calls
 * until the token is older than a tenth of its life (1 to 30 s).</li>
 * </ol>
 *
 * <h2>Secrets</h2>
 *
 * Passwords, client secrets, access and refresh tokens appear in no {@code toString()}, exception message, status or
 * log line at any level, HttpClient's wire log included (request bodies are zeroed after sending).
 */
package io.github.chimpypos.camel.auth;
