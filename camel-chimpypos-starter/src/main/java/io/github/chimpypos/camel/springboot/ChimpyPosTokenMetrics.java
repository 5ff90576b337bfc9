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
package io.github.chimpypos.camel.springboot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.auth.TokenRequest;
import io.github.chimpypos.camel.operability.TokenStatusView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Token lifecycle metrics of each managed token provider bean, tagged with its bean name ({@code provider}), read
 * from the provider's {@link TokenStatusView} (as JMX, the dev console and the health check read it) at every
 * scrape:
 *
 * <ul>
 * <li>{@code chimpypos.token.grants} (counter, tag {@code grant.type}: password, client_credentials,
 * refresh_token): tokens obtained;</li>
 * <li>{@code chimpypos.token.failures} (counter, tag {@code reason}): token acquisitions that failed for good;</li>
 * <li>{@code chimpypos.token.unauthorized.renewals} (counter): 401 answers of the API that made the component renew
 * the token and replay the request;</li>
 * <li>{@code chimpypos.token.time.to.expiry} (time gauge): how long the current token stays valid, 0 without
 * one;</li>
 * <li>{@code chimpypos.token.valid} (gauge): 1 while a valid token is held, else 0;</li>
 * <li>{@code chimpypos.token.consecutive.failures} (gauge).</li>
 * </ul>
 */
public class ChimpyPosTokenMetrics implements MeterBinder {

    static final List<String> GRANT_TYPES =
            List.of(TokenRequest.PASSWORD, TokenRequest.CLIENT_CREDENTIALS, TokenRequest.REFRESH_TOKEN);

    private final Map<String, ? extends ObservableTokenProvider> providers;

    /** @param providers the providers by bean name */
    public ChimpyPosTokenMetrics(Map<String, ? extends ObservableTokenProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        providers.forEach((name, provider) -> bind(registry, name, provider));
    }

    private static void bind(MeterRegistry registry, String name, ObservableTokenProvider provider) {
        for (String grantType : GRANT_TYPES) {
            FunctionCounter.builder(
                            "chimpypos.token.grants",
                            provider,
                            p -> view(p).count(TokenStatusView.GRANTS_BY_TYPE, grantType))
                    .description("Access tokens obtained from the token service, by grant type")
                    .tags("provider", name, "grant.type", grantType)
                    .register(registry);
        }
        for (TokenFailureReason reason : TokenFailureReason.values()) {
            FunctionCounter.builder(
                            "chimpypos.token.failures",
                            provider,
                            p -> view(p).count(TokenStatusView.FAILURES_BY_REASON, reason.name()))
                    .description("Token acquisitions that failed after their retries, by reason")
                    .tags("provider", name, "reason", reason.name())
                    .register(registry);
        }
        FunctionCounter.builder(
                        "chimpypos.token.unauthorized.renewals",
                        provider,
                        p -> view(p).count(TokenStatusView.UNAUTHORIZED_RENEWALS))
                .description("API answers 401 that made the component renew the token and replay the request")
                .tags("provider", name)
                .register(registry);
        TimeGauge.builder(
                        "chimpypos.token.time.to.expiry",
                        provider,
                        TimeUnit.MILLISECONDS,
                        ChimpyPosTokenMetrics::millisToExpiry)
                .description("Time until the current access token expires; 0 without a valid token")
                .tags("provider", name)
                .register(registry);
        Gauge.builder(
                        "chimpypos.token.valid",
                        provider,
                        p -> view(p).value(TokenStatusView.TOKEN_EXPIRES_AT) != null ? 1 : 0)
                .description("1 while a valid access token is held, else 0")
                .tags("provider", name)
                .register(registry);
        Gauge.builder(
                        "chimpypos.token.consecutive.failures",
                        provider,
                        p -> view(p).count(TokenStatusView.CONSECUTIVE_FAILURES))
                .description("Failed token acquisitions since the last success")
                .tags("provider", name)
                .register(registry);
    }

    /** The status every operability view reads, so that metrics, JMX, console and health agree. */
    private static TokenStatusView view(ObservableTokenProvider provider) {
        return TokenStatusView.of(provider.status());
    }

    private static double millisToExpiry(ObservableTokenProvider provider) {
        // The provider judges expiry by its own clock; so does this gauge.
        Clock clock = provider instanceof DefaultTokenProvider defaultProvider
                ? defaultProvider.getSettings().clock()
                : Clock.systemUTC();
        return view(provider).timeToExpiry(clock.instant()).toMillis();
    }
}
