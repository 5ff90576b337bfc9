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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.store.TokenStore;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Turns a bean reference in a {@code camel.component.chimpypos.*} property ({@code #bean:name} or {@code #name}) into
 * the Spring bean of that name, for the options whose type is an object.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class ChimpyPosComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(
            Clock.class,
            ChimpyPosConfiguration.class,
            CloseableHttpClient.class,
            SSLContextParameters.class,
            StateRepository.class,
            Supplier.class,
            TokenProvider.class,
            TokenProviderListener.class,
            TokenStore.class);

    private final ApplicationContext applicationContext;

    public ChimpyPosComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        for (Class<?> type : BEAN_TYPES) {
            answer.add(new ConvertiblePair(String.class, type));
        }
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        Class<?> type = targetType.getType();
        return BEAN_TYPES.contains(type) ? applicationContext.getBean(ref, type) : null;
    }
}
