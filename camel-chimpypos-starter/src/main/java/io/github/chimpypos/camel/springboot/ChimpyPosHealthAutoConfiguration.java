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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code chimpypos} health indicator, one per managed token provider bean (a composite keyed by bean name when
 * there are several). Switched off with {@code management.health.chimpypos.enabled=false}; add it to the readiness
 * group with {@code management.endpoint.health.group.readiness.include=readinessState,chimpypos}.
 */
@AutoConfiguration(after = ChimpyPosComponentAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ObservableTokenProvider.class)
@ConditionalOnEnabledHealthIndicator("chimpypos")
public class ChimpyPosHealthAutoConfiguration
        extends CompositeHealthContributorConfiguration<ChimpyPosHealthIndicator, ObservableTokenProvider> {

    public ChimpyPosHealthAutoConfiguration() {
        super(ChimpyPosHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chimpyposHealthContributor")
    public HealthContributor chimpyposHealthContributor(Map<String, ObservableTokenProvider> providers) {
        return createContributor(providers);
    }
}
