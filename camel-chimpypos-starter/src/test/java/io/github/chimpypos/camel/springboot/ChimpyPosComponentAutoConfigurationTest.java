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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.DefaultTokenProvider;
import io.github.chimpypos.camel.auth.GrantType;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenRequestFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ChimpyPosComponentAutoConfigurationTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** A shared provider's connection and credentials. */
    private static final String[] SHOP_CREDENTIALS = {
        "camel.component.chimpypos.api-url=https://pos.example.test",
        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token",
        "camel.component.chimpypos.client-id=shop-client",
        "camel.component.chimpypos.audience=https://pos-api.example.test",
        "camel.component.chimpypos.username=shop",
        "camel.component.chimpypos.password=s3cret-from-properties"
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CamelAutoConfiguration.class,
                    ChimpyPosComponentConverter.class,
                    ChimpyPosComponentAutoConfiguration.class));

    @Test
    void bindsEveryKindOfPropertyAndAppliesItToTheComponent() {
        SSLContextParameters trust = new SSLContextParameters();
        runner.withBean("shopTrust", SSLContextParameters.class, () -> trust)
                .withBean("shopClock", Clock.class, () -> FIXED)
                .withPropertyValues(
                        "camel.component.chimpypos.api-url=https://pos.example.test",
                        "camel.component.chimpypos.location-id=shop-zurich-hb",
                        "camel.component.chimpypos.slip-width=32",
                        "camel.component.chimpypos.throw-on-business-error=true",
                        "camel.component.chimpypos.connect-timeout=3s",
                        "camel.component.chimpypos.credentials-rejected-quiet-period=2m",
                        "camel.component.chimpypos.grant-type=client_credentials",
                        "camel.component.chimpypos.token-request-format=form",
                        "camel.component.chimpypos.ssl-context-parameters=#bean:shopTrust",
                        "camel.component.chimpypos.clock=#shopClock",
                        "camel.component.chimpypos.check-battery-path=/v9/b/{battery_id}")
                .run(context -> {
                    ChimpyPosComponentConfiguration properties = context.getBean(ChimpyPosComponentConfiguration.class);
                    assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getSslContextParameters()).isSameAs(trust);
                    assertThat(properties.getClock()).isSameAs(FIXED);

                    ChimpyPosComponent component = component(context);
                    ChimpyPosConfiguration configuration = component.getConfiguration();
                    assertThat(configuration.getApiUrl()).isEqualTo("https://pos.example.test");
                    assertThat(configuration.getLocationId()).isEqualTo("shop-zurich-hb");
                    assertThat(configuration.getSlipWidth()).isEqualTo(32);
                    assertThat(configuration.isThrowOnBusinessError()).isTrue();
                    assertThat(configuration.getConnectTimeout()).isEqualTo(3_000);
                    assertThat(configuration.getCredentialsRejectedQuietPeriod())
                            .isEqualTo(120_000);
                    assertThat(configuration.getGrantType()).isEqualTo(GrantType.client_credentials);
                    assertThat(configuration.getTokenRequestFormat()).isEqualTo(TokenRequestFormat.form);
                    assertThat(configuration.getSslContextParameters()).isSameAs(trust);
                    assertThat(configuration.getCheckBatteryPath()).isEqualTo("/v9/b/{battery_id}");
                    assertThat(component.getClock()).isSameAs(FIXED);
                    // untouched options keep the component's defaults
                    assertThat(configuration.getMaxConnections()).isEqualTo(20);
                    assertThat(configuration.getScope()).isEqualTo("offline_access");
                });
    }

    @Test
    void configurationBeanIsTheBaseThatSingleOptionsRefine() {
        ChimpyPosConfiguration base = new ChimpyPosConfiguration();
        base.setApiUrl("https://base.example.test");
        base.setLang("fr");
        runner.withBean("baseConfiguration", ChimpyPosConfiguration.class, () -> base)
                .withPropertyValues(
                        "camel.component.chimpypos.configuration=#bean:baseConfiguration",
                        "camel.component.chimpypos.lang=de")
                .run(context -> {
                    ChimpyPosConfiguration configuration = component(context).getConfiguration();
                    assertThat(configuration).isSameAs(base);
                    assertThat(configuration.getApiUrl()).isEqualTo("https://base.example.test");
                    assertThat(configuration.getLang()).isEqualTo("de");
                });
    }

    @Test
    void sharedTokenProviderBeanIsTheOneEndpointsAcquireFromTheComponentsRegistry() {
        runner.withPropertyValues(SHOP_CREDENTIALS)
                .withPropertyValues(
                        "camel.component.chimpypos.token-max-retries=7", "camel.component.chimpypos.token-max-wait=4s")
                .run(context -> {
                    assertThat(context).hasSingleBean(TokenProvider.class);
                    DefaultTokenProvider provider = (DefaultTokenProvider) context.getBean(TokenProvider.class);
                    assertThat(provider.isStarted()).isTrue();
                    assertThat(provider.getSettings().tokenUrl()).hasToString("https://auth.example.test/oauth/token");
                    assertThat(provider.getSettings().clientId()).isEqualTo("shop-client");
                    assertThat(provider.getSettings().password()).isEqualTo("s3cret-from-properties");
                    assertThat(provider.getSettings().maxRetries()).isEqualTo(7);
                    assertThat(provider.getSettings().maxWait()).isEqualTo(Duration.ofSeconds(4));

                    ChimpyPosComponent component = component(context);
                    assertThat(component.getTokenProviderRegistry().providers()).containsExactly(provider);
                    ChimpyPosEndpoint endpoint = startedEndpoint(context, "chimpypos:checkBattery");
                    assertThat(endpoint.getTokenProvider()).isSameAs(provider);
                    assertThat(component.getTokenProviderRegistry().users(provider))
                            .isEqualTo(2);
                });
    }

    @Test
    void theSharedProviderIsValidatedLikeAnEndpointUriWithTheRealOptionNames() {
        runner.withPropertyValues(SHOP_CREDENTIALS)
                .withPropertyValues("camel.component.chimpypos.token-retry-initial-backoff=0s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("Invalid option tokenRetryInitialBackoff 0; must be positive"));
    }

    @Test
    void anEndpointWithOtherCredentialsGetsItsOwnProvider() {
        runner.withPropertyValues(
                        "camel.component.chimpypos.api-url=https://pos.example.test",
                        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token",
                        "camel.component.chimpypos.client-id=shop-client",
                        "camel.component.chimpypos.audience=https://pos-api.example.test",
                        "camel.component.chimpypos.username=shop",
                        "camel.component.chimpypos.password=pw")
                .run(context -> {
                    TokenProvider shared = context.getBean(TokenProvider.class);
                    ChimpyPosEndpoint other =
                            startedEndpoint(context, "chimpypos:checkBattery?username=other-shop&password=RAW(pw2)");
                    assertThat(other.getTokenProvider()).isNotNull().isNotSameAs(shared);
                    assertThat(component(context).getTokenProviderRegistry().providers())
                            .hasSize(2);
                });
    }

    @Test
    void tokenProviderBeanStopsWithTheApplication() {
        DefaultTokenProvider[] provider = new DefaultTokenProvider[1];
        runner.withPropertyValues(
                        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token",
                        "camel.component.chimpypos.client-id=shop-client",
                        "camel.component.chimpypos.audience=https://pos-api.example.test",
                        "camel.component.chimpypos.username=shop",
                        "camel.component.chimpypos.password=pw")
                .run(context -> provider[0] = (DefaultTokenProvider) context.getBean(TokenProvider.class));
        assertThat(provider[0].isStopped()).isTrue();
    }

    @Test
    void usersOwnTokenProviderWinsAndReachesTheComponent() {
        TokenProvider own = new FixedTokenProvider();
        runner.withBean("ownTokenProvider", TokenProvider.class, () -> own)
                .withPropertyValues(
                        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token",
                        "camel.component.chimpypos.client-id=shop-client",
                        "camel.component.chimpypos.audience=https://pos-api.example.test",
                        "camel.component.chimpypos.username=shop",
                        "camel.component.chimpypos.password=pw")
                .run(context -> {
                    assertThat(context).hasSingleBean(TokenProvider.class);
                    assertThat(context).doesNotHaveBean(ChimpyPosComponentAutoConfiguration.SHARED_TOKEN_PROVIDER);
                    assertThat(component(context).getConfiguration().getTokenProvider())
                            .isSameAs(own);
                });
    }

    @Test
    void tokenProviderPropertyBeatsTheSharedBean() {
        TokenProvider chosen = new FixedTokenProvider();
        TokenProvider other = new FixedTokenProvider();
        runner.withBean("chosen", TokenProvider.class, () -> chosen)
                .withBean("other", TokenProvider.class, () -> other)
                .withPropertyValues("camel.component.chimpypos.token-provider=#bean:chosen")
                .run(context -> assertThat(component(context).getConfiguration().getTokenProvider())
                        .isSameAs(chosen));
    }

    @Test
    void withoutTokenUrlEndpointsBuildTheirOwnProviders() {
        runner.withPropertyValues("camel.component.chimpypos.api-url=https://pos.example.test")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(TokenProvider.class);
                    assertThat(component(context).getConfiguration().getTokenProvider())
                            .isNull();
                });
    }

    @Test
    void secretsBindFromEnvironmentVariables() {
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "systemEnvironment-test",
                                Map.of(
                                        "CAMEL_COMPONENT_CHIMPYPOS_PASSWORD", "pw-from-env",
                                        "CAMEL_COMPONENT_CHIMPYPOS_CLIENT_SECRET", "cs-from-env",
                                        "CAMEL_COMPONENT_CHIMPYPOS_TOKEN_URL", "https://auth.example.test/t",
                                        "CAMEL_COMPONENT_CHIMPYPOS_CLIENT_ID", "env-client",
                                        "CAMEL_COMPONENT_CHIMPYPOS_AUDIENCE", "https://pos-api.example.test",
                                        "CAMEL_COMPONENT_CHIMPYPOS_USERNAME", "env-user"))))
                .run(context -> {
                    ChimpyPosConfiguration configuration = component(context).getConfiguration();
                    assertThat(configuration.getPassword()).isEqualTo("pw-from-env");
                    assertThat(configuration.getClientSecret()).isEqualTo("cs-from-env");
                    DefaultTokenProvider provider = (DefaultTokenProvider) context.getBean(TokenProvider.class);
                    assertThat(provider.getSettings().password()).isEqualTo("pw-from-env");
                    assertThat(provider.getSettings().username()).isEqualTo("env-user");
                });
    }

    @Test
    void disabledComponentAutoConfigurationLeavesTheComponentAlone() {
        runner.withPropertyValues(
                        "camel.component.chimpypos.enabled=false",
                        "camel.component.chimpypos.api-url=https://pos.example.test",
                        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ChimpyPosComponentConfiguration.class);
                    assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
                    assertThat(context).doesNotHaveBean(TokenProvider.class);
                    assertThat(component(context).getConfiguration().getApiUrl())
                            .isNull();
                });
    }

    @Test
    void allCamelComponentsDisabledDisablesThisOneToo() {
        runner.withPropertyValues(
                        "camel.component.enabled=false", "camel.component.chimpypos.api-url=https://pos.example.test")
                .run(context -> assertThat(context).doesNotHaveBean(ComponentCustomizer.class));
    }

    @Test
    void disabledCustomizerKeepsThePropertiesOffTheComponent() {
        runner.withPropertyValues(
                        "camel.component.chimpypos.customizer.enabled=false",
                        "camel.component.chimpypos.api-url=https://pos.example.test")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChimpyPosComponentConfiguration.class);
                    assertThat(component(context).getConfiguration().getApiUrl())
                            .isNull();
                });
    }

    @Test
    void invalidTokenSettingsFailTheStartNamingTheOptionButNotTheSecret() {
        runner.withPropertyValues(
                        "camel.component.chimpypos.token-url=https://auth.example.test/oauth/token",
                        "camel.component.chimpypos.password=never-show-me")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("clientId")
                            .hasMessageNotContaining("never-show-me");
                });
    }

    private static ChimpyPosEndpoint startedEndpoint(AssertableApplicationContext context, String uri) {
        ChimpyPosEndpoint endpoint = context.getBean(CamelContext.class).getEndpoint(uri, ChimpyPosEndpoint.class);
        endpoint.start();
        return endpoint;
    }

    static ChimpyPosComponent component(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("chimpypos", ChimpyPosComponent.class);
    }

    /** A user's own provider: hands out one fixed token. */
    static final class FixedTokenProvider implements TokenProvider {
        @Override
        public AccessToken getToken() {
            throw new UnsupportedOperationException("not called in these tests");
        }

        @Override
        public AccessToken renewAfterUnauthorized(AccessToken rejected) {
            throw new UnsupportedOperationException("not called in these tests");
        }
    }
}
