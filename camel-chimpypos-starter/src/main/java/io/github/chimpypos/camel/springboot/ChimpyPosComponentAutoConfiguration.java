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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.chimpypos.*} properties to the chimpypos component through a
 * {@link ComponentCustomizer} and Camel's property binding, and exposes the token provider the endpoints share as a
 * bean: with {@code token-url} set, the provider of the component's registry for the configured credentials (so the
 * component's JMX, token events and listener follow it too); an application's own {@link TokenProvider} bean instead
 * becomes the component's {@code tokenProvider}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, ChimpyPosComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ChimpyPosComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.chimpypos"})
public class ChimpyPosComponentAutoConfiguration {

    static final String PREFIX = "camel.component.chimpypos";
    static final String SHARED_TOKEN_PROVIDER = "chimpyPosTokenProvider";
    /** The bean camel-http URIs name: {@code httpClientConfigurer=#chimpyAuth}. */
    public static final String BEARER_AUTH_CONFIGURER = "chimpyAuth";

    /** Properties of the auto-configuration itself, not options of the component. */
    private static final Set<String> STARTER_ONLY_PROPERTIES = Set.of("enabled", "customizer");

    private final ApplicationContext applicationContext;
    private final ChimpyPosComponentConfiguration configuration;

    public ChimpyPosComponentAutoConfiguration(
            ApplicationContext applicationContext, ChimpyPosComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureChimpyPosComponent(ObjectProvider<TokenProvider> tokenProviders) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                applyProperties(target.getCamelContext(), configuration, target);
                ChimpyPosComponent component = (ChimpyPosComponent) target;
                // the starter's own provider reaches the endpoints through the registry; an application's own
                // provider bean has to be handed to the component
                if (component.getConfiguration().getTokenProvider() == null
                        && !applicationContext.containsBeanDefinition(SHARED_TOKEN_PROVIDER)) {
                    tokenProviders.ifUnique(component.getConfiguration()::setTokenProvider);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", PREFIX + ".customizer")
                        && target instanceof ChimpyPosComponent;
            }
        };
    }

    /**
     * The token lifecycle for the credentials in the properties: acquired from the component's registry, where every
     * endpoint with the same credentials finds it, so all share one token and health, metrics, JMX and token events
     * watch the same provider. An application that defines its own {@link TokenProvider} bean replaces it. The
     * registry stops it when the component stops.
     */
    @Bean(name = SHARED_TOKEN_PROVIDER, destroyMethod = "")
    @ConditionalOnMissingBean(TokenProvider.class)
    @ConditionalOnProperty(prefix = PREFIX, name = "token-url")
    public ObservableTokenProvider chimpyPosTokenProvider(CamelContext camelContext) {
        ChimpyPosComponent component = camelContext.getComponent("chimpypos", ChimpyPosComponent.class);
        return component
                .getTokenProviderRegistry()
                .acquire(ChimpyPosTokenProviderSettings.from(component, camelContext));
    }

    /**
     * The component's shared token for plain camel-http endpoints, e.g.
     * {@code https://pos-api.example/api/v3/reports?httpClientConfigurer=#chimpyAuth}: the same credentials, token and
     * single flight as the chimpypos endpoints ({@link ChimpyPosComponent#bearerAuthConfigurer()}).
     */
    @Bean(name = BEARER_AUTH_CONFIGURER)
    @ConditionalOnMissingBean(name = BEARER_AUTH_CONFIGURER)
    public HttpClientConfigurer chimpyAuth(ObjectProvider<CamelContext> camelContext) {
        // resolved when a camel-http endpoint builds its client: Camel may look this bean up while it is being created
        return builder -> camelContext
                .getObject()
                .getComponent("chimpypos", ChimpyPosComponent.class)
                .bearerAuthConfigurer()
                .configureHttpClient(builder);
    }

    /**
     * Sets every non-null property on the component with Camel's property binding ({@code configuration} first, so
     * that single options refine a configuration bean rather than being replaced by it). An option the component does
     * not accept fails fast, naming the option but never its value.
     */
    static void applyProperties(CamelContext camelContext, ChimpyPosComponentConfiguration source, Component target) {
        Map<String, Object> all = CamelPropertiesHelper.getNonNullProperties(camelContext, source);
        all.keySet().removeAll(STARTER_ONLY_PROPERTIES);
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (all.containsKey("configuration")) {
            ordered.put("configuration", all.remove("configuration"));
        }
        ordered.putAll(all);
        CamelPropertiesHelper.setCamelProperties(camelContext, target, ordered, false);
        if (!ordered.isEmpty()) {
            throw new IllegalArgumentException("The chimpypos component does not accept the properties "
                    + new TreeSet<>(ordered.keySet()) + " of " + PREFIX
                    + ": the starter and the component are out of step");
        }
    }
}
