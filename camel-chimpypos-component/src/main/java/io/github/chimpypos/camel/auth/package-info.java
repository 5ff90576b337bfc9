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
 * {@code NO_TOKEN} → (first {@code getToken}, all callers wait on one request) → {@code RENEWING} → {@code VALID}.
 * When the renewal margin is reached, the next caller (or the idle timer) starts one background renewal and
 * everyone keeps the valid token ({@code RENEWING}). A 401 for the current token drops it and every caller waits on
 * one renewal. No valid token and the last attempt failed: {@code FAILING} (fail fast until the backoff ends).
 * Credentials rejected: {@code CREDENTIALS_LOCKED} until the quiet period ends or a reset.
 *
 * <h2>Failure ladder (by the OAuth {@code error}, whatever the HTTP status)</h2>
 * <ol>
 * <li>Refresh token rejected ({@code invalid_grant} and the like): dropped, then one grant.</li>
 * <li>Grant rejected ({@code invalid_grant}, {@code invalid_client}, {@code unauthorized_client},
 * {@code access_denied}, {@code invalid_request}, {@code invalid_scope}, {@code unsupported_grant_type}): no attempt
 * for {@code credentialsRejectedQuietPeriod}; every caller fails fast with {@code CREDENTIALS_REJECTED} or
 * {@code ACCESS_DENIED}, so a wrong password never becomes a brute-force lock.</li>
 * <li>429: no attempt before {@code Retry-After} (or {@code x-ratelimit-reset}), capped by {@code maxRetryAfter};
 * Auth0's {@code too_many_attempts} without a hint waits the quiet period.</li>
 * <li>5xx, timeouts, resets, garbled answers: {@code maxRetries} retries with exponential backoff and equal jitter
 * from {@code retryInitialBackoff} up to {@code retryMaxBackoff}; then no attempt until the next backoff step. A
 * still-valid token is served throughout, so an outage shorter than its remaining life costs nothing.</li>
 * <li>TLS failures: not retried in a loop (a trust store does not fix itself); backoff as above.</li>
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
