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
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code chimpypos} actuator endpoint (lockout state and reset), and keeps secrets masked in {@code /actuator/env} and {@code /actuator/configprops} even where an application sets
 * {@code management.endpoint.env.show-values} or {@code management.endpoint.configprops.show-values} to
 * {@code always}: Spring Boot then shows every value that no sanitizing function masks.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ChimpyPosActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chimpyPosSanitizingFunction")
    public SanitizingFunction chimpyPosSanitizingFunction() {
        return ChimpyPosSecrets.sanitizingFunction();
    }

    @Bean
    @ConditionalOnMissingBean
    public ChimpyPosLockoutEndpoint chimpyPosLockoutEndpoint(Map<String, ObservableTokenProvider> providers) {
        return new ChimpyPosLockoutEndpoint(providers);
    }
}
