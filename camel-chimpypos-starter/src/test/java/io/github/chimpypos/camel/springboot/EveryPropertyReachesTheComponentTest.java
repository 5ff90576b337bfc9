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

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.store.InMemoryTokenStore;
import io.github.chimpypos.camel.store.TokenStore;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Sets every starter property to a value other than its default and reads each back from the component through
 * Camel's own configurer: no property is dropped on the way, whatever options the component gains.
 */
class EveryPropertyReachesTheComponentTest {

    private final Clock clock = Clock.systemDefaultZone();
    private final ChimpyPosConfiguration configuration = new ChimpyPosConfiguration();
    private final SSLContextParameters trust = new SSLContextParameters();
    private final TokenProvider tokenProvider = new ChimpyPosComponentAutoConfigurationTest.FixedTokenProvider();
    private final TokenProviderListener tokenListener = new TokenProviderListener() {};
    private final TokenStore tokenStore = new InMemoryTokenStore();
    private final StateRepository<String, String> stateRepository = new MemoryStateRepository();
    private final Supplier<Collection<String>> keysSupplier = () -> List.of("abc1");
    private final HttpClientConfigurer httpClientConfigurer = builder -> {};

    /** The beans the object options reference, by bean name, and the option types they are registered as. */
    private final Map<String, Object> beans = new LinkedHashMap<>();

    private final Map<String, Class<?>> beanTypes = new LinkedHashMap<>();

    @Test
    void everyPropertyIsReadBackFromTheComponent() {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        StarterMetadata.catalogOptions().forEach((option, model) -> {
            Object[] sample = sample(option, model);
            properties.put(StarterMetadata.propertyName(option), String.valueOf(sample[0]));
            expected.put(option, sample[1]);
        });

        try (CloseableHttpClient httpClient = HttpClients.createDefault()) {
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            CamelAutoConfiguration.class,
                            ChimpyPosComponentConverter.class,
                            ChimpyPosComponentAutoConfiguration.class));
            for (Map.Entry<String, Object> bean : beans.entrySet()) {
                Object instance = bean.getValue() == SAME_HTTP_CLIENT ? httpClient : bean.getValue();
                runner = withBean(runner, bean.getKey(), beanTypes.get(bean.getKey()), instance);
            }
            runner.withPropertyValues(properties.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        ChimpyPosComponent component =
                                context.getBean(CamelContext.class).getComponent("chimpypos", ChimpyPosComponent.class);
                        PropertyConfigurerGetter getter =
                                (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
                        List<String> lost = new ArrayList<>();
                        expected.forEach((option, value) -> {
                            Object actual = getter.getOptionValue(component, option, false);
                            if (!value.equals(actual)) {
                                lost.add(option + ": expected " + value + " but the component has " + actual);
                            }
                        });
                        assertThat(lost).isEmpty();
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A property value unlike the default, and what the component holds for it. */
    private Object[] sample(String option, JsonNode model) {
        String type = model.get("type").asText();
        String javaType = model.get("javaType").asText();
        switch (type) {
            case "duration":
                return new Object[] {"7s", 7_000L};
            case "boolean":
                boolean flipped = !model.path("defaultValue").asBoolean(false);
                return new Object[] {flipped, flipped};
            case "integer":
                return new Object[] {7, 7};
            case "number":
                return new Object[] {0.25, 0.25};
            case "string":
                return new Object[] {"sample-" + option, "sample-" + option};
            case "enum": {
                JsonNode values = model.get("enum");
                String last = values.get(values.size() - 1).asText();
                if (javaType.equals("java.lang.Integer")) {
                    return new Object[] {last, Integer.valueOf(last)};
                }
                if (javaType.equals("java.lang.String")) {
                    return new Object[] {last, last};
                }
                return new Object[] {last, enumValue(javaType, last)};
            }
            case "object":
                String erased = ChimpyPosStarterCatalogTest.erasure(javaType);
                Object bean = bean(erased);
                beans.put(beanName(erased), bean);
                beanTypes.put(beanName(erased), load(erased));
                return new Object[] {"#bean:" + beanName(erased), bean};
            default:
                throw new IllegalStateException("No sample for " + option + " of type " + type);
        }
    }

    private static String beanName(String javaType) {
        return "sample"
                + javaType.substring(javaType.lastIndexOf('.') + 1)
                        .replace("ChimpyPos", "")
                        .replace("SSLContextParameters", "Trust")
                        .replace("CloseableHttpClient", "HttpClient");
    }

    private Object bean(String javaType) {
        switch (javaType) {
            case "java.time.Clock":
                return clock;
            case "io.github.chimpypos.camel.ChimpyPosConfiguration":
                return configuration;
            case "org.apache.camel.support.jsse.SSLContextParameters":
                return trust;
            case "io.github.chimpypos.camel.auth.TokenProvider":
                return tokenProvider;
            case "io.github.chimpypos.camel.auth.TokenProviderListener":
                return tokenListener;
            case "io.github.chimpypos.camel.store.TokenStore":
                return tokenStore;
            case "org.apache.camel.spi.StateRepository":
                return stateRepository;
            case "java.util.function.Supplier":
                return keysSupplier;
            case "org.apache.camel.component.http.HttpClientConfigurer":
                return httpClientConfigurer;
            case "org.apache.hc.client5.http.impl.classic.CloseableHttpClient":
                return SAME_HTTP_CLIENT;
            default:
                return interfaceBean(javaType);
        }
    }

    /** An option a branch adds with an interface type (a configurer, a store) gets a do-nothing implementation. */
    private static Object interfaceBean(String javaType) {
        Class<?> type = load(javaType);
        if (!type.isInterface()) {
            throw new IllegalStateException("No sample bean of type " + javaType + ": add one to this test");
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "sample " + type.getSimpleName();
                default:
                    return null;
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ApplicationContextRunner withBean(
            ApplicationContextRunner runner, String name, Class<?> type, Object bean) {
        return runner.withBean(name, (Class) type, () -> bean);
    }

    private static Class<?> load(String javaType) {
        try {
            return Class.forName(javaType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the http client bean, which exists only while the context runs. */
    private static final Object SAME_HTTP_CLIENT = new Object() {
        @Override
        public boolean equals(Object other) {
            return other instanceof CloseableHttpClient;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String javaType, String name) {
        return Enum.valueOf((Class) load(javaType), name);
    }
}
