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
package io.github.chimpypos.camel.store.jdbc;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.testsupport.EmulatorTrust;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One application instance as a user runs it: a Camel context whose chimpypos component keeps its token in a
 * {@link JdbcTokenStore}. Built in the test's JVM (restart test) or in a JVM of its own from environment variables
 * ({@link ClusterInstanceMain}), so the instances of the cluster test share nothing but the database and the emulator.
 *
 * @param apiUrl             the emulator's PoS API
 * @param tokenUrl           the emulator's token service
 * @param clientId           credentials issued by the emulator
 * @param audience           credentials issued by the emulator
 * @param username           credentials issued by the emulator
 * @param password           credentials issued by the emulator; travels to a child JVM in its environment only
 * @param trustStorePath     the emulator's certificate, the only one trusted
 * @param trustStorePassword of that trust store
 * @param jdbcUrl            the shared database: H2 (file or TCP) or PostgreSQL
 * @param encryptionKey      the store's key, shared by every instance; environment only
 * @param name               names this instance's leases, so a test can tell who holds one
 */
record StoreBackedInstanceSettings(
        String apiUrl,
        String tokenUrl,
        String clientId,
        String audience,
        String username,
        String password,
        Path trustStorePath,
        String trustStorePassword,
        String jdbcUrl,
        String encryptionKey,
        String name) {

    private static final String PREFIX = "CHIMPYPOS_INSTANCE_";

    /** The same settings under another name. */
    StoreBackedInstanceSettings named(String other) {
        return new StoreBackedInstanceSettings(
                apiUrl,
                tokenUrl,
                clientId,
                audience,
                username,
                password,
                trustStorePath,
                trustStorePassword,
                jdbcUrl,
                encryptionKey,
                other);
    }

    Map<String, String> toEnvironment() {
        return Map.ofEntries(
                Map.entry(PREFIX + "API_URL", apiUrl),
                Map.entry(PREFIX + "TOKEN_URL", tokenUrl),
                Map.entry(PREFIX + "CLIENT_ID", clientId),
                Map.entry(PREFIX + "AUDIENCE", audience),
                Map.entry(PREFIX + "USERNAME", username),
                Map.entry(PREFIX + "PASSWORD", password),
                Map.entry(PREFIX + "TRUSTSTORE", trustStorePath.toString()),
                Map.entry(PREFIX + "TRUSTSTORE_PASSWORD", trustStorePassword),
                Map.entry(PREFIX + "JDBC_URL", jdbcUrl),
                Map.entry(PREFIX + "STORE_KEY", encryptionKey),
                Map.entry(PREFIX + "NAME", name));
    }

    static StoreBackedInstanceSettings fromEnvironment(Map<String, String> environment) {
        return new StoreBackedInstanceSettings(
                environment.get(PREFIX + "API_URL"),
                environment.get(PREFIX + "TOKEN_URL"),
                environment.get(PREFIX + "CLIENT_ID"),
                environment.get(PREFIX + "AUDIENCE"),
                environment.get(PREFIX + "USERNAME"),
                environment.get(PREFIX + "PASSWORD"),
                Path.of(environment.get(PREFIX + "TRUSTSTORE")),
                environment.get(PREFIX + "TRUSTSTORE_PASSWORD"),
                environment.get(PREFIX + "JDBC_URL"),
                environment.get(PREFIX + "STORE_KEY"),
                environment.get(PREFIX + "NAME"));
    }

    static DataSource dataSource(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(jdbcUrl);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(jdbcUrl);
        return h2;
    }

    JdbcTokenStore store() {
        JdbcTokenStore store = new JdbcTokenStore(dataSource(jdbcUrl));
        store.setEncryptionKey(encryptionKey);
        return store;
    }

    /** A started Camel context with this instance's component; the caller stops it. */
    Running start() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ChimpyPosComponent component = new ChimpyPosComponent();
        ChimpyPosConfiguration configuration = component.getConfiguration();
        configuration.setApiUrl(apiUrl);
        configuration.setTokenUrl(tokenUrl);
        configuration.setClientId(clientId);
        configuration.setAudience(audience);
        configuration.setUsername(username);
        configuration.setPassword(password);
        configuration.setSslContextParameters(EmulatorTrust.of(trustStorePath, trustStorePassword));
        configuration.setTokenStore(new NamedLeases(store(), name));
        configure(configuration);
        camel.addComponent("chimpypos", component);
        camel.start();
        return new Running(camel, camel.createProducerTemplate());
    }

    /**
     * Timeouts that keep the lease short (twice connect plus response timeout, plus 5 s: 21 s) yet survive a loaded
     * build machine; an exchange may wait out a dead holder's lease.
     */
    private static void configure(ChimpyPosConfiguration configuration) {
        configuration.setConnectTimeout(3_000);
        configuration.setResponseTimeout(5_000);
        configuration.setRefreshMargin(1_000);
        configuration.setTokenMaxWait(50_000);
    }

    /** A running instance. */
    record Running(CamelContext camel, ProducerTemplate template) implements AutoCloseable {

        /** One exchange of the steady traffic; its failure, if any, is in the exchange. */
        Exchange checkBattery() {
            return template.send("chimpypos:checkBattery?rentalType=pickup&batteryId=BAT0001", exchange -> {});
        }

        @Override
        public void close() {
            camel.stop();
        }
    }

    /** The store under a lease owner name that starts with the instance's name. */
    static final class NamedLeases implements TokenStore {
        private final TokenStore engine;
        private final String name;

        NamedLeases(TokenStore engine, String name) {
            this.engine = engine;
            this.name = name;
        }

        @Override
        public Optional<TokenRecord> load(String key) {
            return engine.load(key);
        }

        @Override
        public boolean compareAndSet(String key, long expectedVersion, TokenRecord next) {
            return engine.compareAndSet(key, expectedVersion, next);
        }

        @Override
        public String credentialsTag(String secrets) {
            return engine.credentialsTag(secrets);
        }

        @Override
        public String newLeaseOwner() {
            return name + "/" + engine.newLeaseOwner();
        }

        @Override
        public String toString() {
            return "NamedLeases[" + name + ", " + engine + "]";
        }
    }

    @Override
    public String toString() {
        // the JDBC URL may carry the database password: never shown
        return "StoreBackedInstanceSettings[name=" + name + ", tokenUrl=" + tokenUrl + "]";
    }
}
