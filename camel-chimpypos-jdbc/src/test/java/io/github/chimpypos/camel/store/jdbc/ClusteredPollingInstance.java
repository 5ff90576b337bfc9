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
import javax.sql.DataSource;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.testsupport.EmulatorTrust;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One instance of the cluster in {@link ClusteredPollingProcessesTest}: its own JVM, polling the emulator with
 * clusteredPolling through a JdbcTokenStore on the test's database (a poll lease of 10 s: twice the token wait plus
 * the connect and response timeouts). It prints {@code STARTED}, then one
 * {@code EMIT <station> <status>} line per exchange its route receives, and stops when its stdin closes.
 * Everything comes from the environment, the password included, so no secret shows in a process list.
 */
public final class ClusteredPollingInstance {

    private ClusteredPollingInstance() {}

    public static void main(String[] args) throws Exception {
        JdbcTokenStore store = new JdbcTokenStore(dataSource(env("CLUSTER_JDBC_URL")));
        store.setEncryptionKey(env("CLUSTER_ENCRYPTION_KEY"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("store", store);
            ChimpyPosComponent component = new ChimpyPosComponent();
            ChimpyPosConfiguration configuration = component.getConfiguration();
            configuration.setApiUrl(env("CLUSTER_API_URL"));
            configuration.setTokenUrl(env("CLUSTER_TOKEN_URL"));
            configuration.setClientId(env("CLUSTER_CLIENT_ID"));
            configuration.setAudience(env("CLUSTER_AUDIENCE"));
            configuration.setUsername(env("CLUSTER_USERNAME"));
            configuration.setPassword(env("CLUSTER_PASSWORD"));
            configuration.setSslContextParameters(
                    EmulatorTrust.of(Path.of(env("CLUSTER_TRUST_STORE")), env("CLUSTER_TRUST_STORE_PASSWORD")));
            camel.addComponent("chimpypos", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("chimpypos:getStationPricing?stationIds=" + env("CLUSTER_STATIONS")
                                    + "&onlyChanges=true&clusteredPolling=true&tokenStore=#store&spreadRequests=false"
                                    + "&tokenMaxWait=2000&connectTimeout=1000&responseTimeout=2000"
                                    + "&delay=" + env("CLUSTER_DELAY_MILLIS"))
                            .process(exchange -> emit(
                                    exchange.getMessage().getHeader(ChimpyPosConstants.STATION_ID, String.class),
                                    exchange.getMessage().getHeader(ChimpyPosConstants.STATUS, String.class)));
                }
            });
            camel.start();
            System.out.println("STARTED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // the test closes stdin to stop this instance gracefully, or kills the process
            }
        }
    }

    private static synchronized void emit(String station, String status) {
        System.out.println("EMIT " + station + " " + status);
        System.out.flush();
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
