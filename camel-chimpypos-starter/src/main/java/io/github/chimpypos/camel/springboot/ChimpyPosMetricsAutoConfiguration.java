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

import java.util.Map;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Token lifecycle metrics, when Micrometer is on the classpath; Spring Boot binds them to its meter registries. */
@AutoConfiguration(after = ChimpyPosComponentAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ObservableTokenProvider.class)
public class ChimpyPosMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ChimpyPosTokenMetrics chimpyPosTokenMetrics(Map<String, ObservableTokenProvider> providers) {
        return new ChimpyPosTokenMetrics(providers);
    }
}
