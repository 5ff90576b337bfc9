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

import javax.sql.DataSource;

import com.hazelcast.core.HazelcastInstance;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.store.EncryptingTokenStore;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.hazelcast.HazelcastTokenStore;
import io.github.chimpypos.camel.store.jdbc.JdbcTokenStore;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the component's token store from the application's beans when {@code camel.component.chimpypos.token-store.type}
 * asks for one: a {@link JdbcTokenStore} on the application's {@link DataSource} ({@code jdbc}) or a
 * {@link HazelcastTokenStore} on its {@link HazelcastInstance} ({@code hazelcast}). Either module is an optional
 * dependency the application adds. A {@link TokenStore} bean the application defines itself wins, and the one
 * {@link TokenStore} bean there is becomes the component's {@code tokenStore} unless that option is set.
 *
 * <p>
 * Kept apart from {@link ChimpyPosComponentAutoConfiguration}, which applies the component's own options.
 */
@AutoConfiguration(
        after = ChimpyPosComponentAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration"
        })
@EnableConfigurationProperties(ChimpyPosTokenStoreProperties.class)
public class ChimpyPosTokenStoreAutoConfiguration {

    static final String TYPE = "type";

    /** Hands the application's one token store to the component, after the component's own options were applied. */
    @Bean
    public ComponentCustomizer chimpyPosTokenStoreCustomizer(ObjectProvider<TokenStore> tokenStores) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                ChimpyPosComponent component = (ChimpyPosComponent) target;
                if (component.getConfiguration().getTokenStore() == null) {
                    tokenStores.ifUnique(component.getConfiguration()::setTokenStore);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof ChimpyPosComponent;
            }

            @Override
            public int getOrder() {
                // after the customizer that applies camel.component.chimpypos.token-store=#bean:...
                return Ordered.LOWEST;
            }
        };
    }

    /**
     * A type was asked for but no store could be built (module or engine bean missing): fail at startup saying what is
     * missing, rather than run every instance on its own token.
     */
    @Bean
    @ConditionalOnProperty(prefix = ChimpyPosTokenStoreProperties.PREFIX, name = TYPE)
    public SmartInitializingSingleton chimpyPosTokenStoreCheck(
            ChimpyPosTokenStoreProperties properties, ObjectProvider<TokenStore> tokenStores) {
        return () -> {
            if (tokenStores.getIfAvailable() != null) {
                return;
            }
            String type = properties.getType();
            String needs = switch (type) {
                case "jdbc" -> "camel-chimpypos-jdbc on the class path and a javax.sql.DataSource bean";
                case "hazelcast" ->
                    "camel-chimpypos-hazelcast and Hazelcast on the class path and a" + " HazelcastInstance bean";
                default -> null;
            };
            throw new IllegalStateException(
                    needs == null
                            ? "Invalid " + ChimpyPosTokenStoreProperties.PREFIX + ".type '" + type
                                    + "'; accepted values: jdbc, hazelcast"
                            : ChimpyPosTokenStoreProperties.PREFIX + ".type=" + type + " needs " + needs);
        };
    }

    /** {@code type=jdbc}: the store on the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTokenStore.class)
    @ConditionalOnProperty(prefix = ChimpyPosTokenStoreProperties.PREFIX, name = TYPE, havingValue = "jdbc")
    @ConditionalOnBean(DataSource.class)
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        JdbcTokenStore chimpyPosTokenStore(DataSource dataSource, ChimpyPosTokenStoreProperties properties) {
            JdbcTokenStore store = new JdbcTokenStore(dataSource);
            if (properties.getTableName() != null) {
                store.setTableName(properties.getTableName());
            }
            if (properties.getPollTableName() != null) {
                store.setPollTableName(properties.getPollTableName());
            }
            store.setCreateTable(properties.isCreateTable());
            return withKeys(store, properties);
        }
    }

    /** {@code type=hazelcast}: the store on the application's HazelcastInstance (a member or a client). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HazelcastTokenStore.class, HazelcastInstance.class})
    @ConditionalOnProperty(prefix = ChimpyPosTokenStoreProperties.PREFIX, name = TYPE, havingValue = "hazelcast")
    @ConditionalOnBean(HazelcastInstance.class)
    static class Hazelcast {

        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        HazelcastTokenStore chimpyPosTokenStore(HazelcastInstance hazelcast, ChimpyPosTokenStoreProperties properties) {
            HazelcastTokenStore store = new HazelcastTokenStore(hazelcast);
            if (properties.getMapName() != null) {
                store.setMapName(properties.getMapName());
            }
            if (properties.getPollMapName() != null) {
                store.setPollMapName(properties.getPollMapName());
            }
            return withKeys(store, properties);
        }
    }

    /** Sets the keys and checks them at startup, naming the property, instead of at the first token renewal. */
    static <T extends EncryptingTokenStore> T withKeys(T store, ChimpyPosTokenStoreProperties properties) {
        store.setEncryptionKey(properties.getEncryptionKey());
        store.setPreviousEncryptionKeys(properties.getPreviousEncryptionKey());
        try {
            store.credentialsTag("startup check");
        } catch (IllegalArgumentException e) {
            // the message names the problem (missing, not base64, not 32 bytes), never the key
            throw new IllegalArgumentException(
                    ChimpyPosTokenStoreProperties.PREFIX + ".encryption-key: " + e.getMessage(), e);
        }
        return store;
    }
}
