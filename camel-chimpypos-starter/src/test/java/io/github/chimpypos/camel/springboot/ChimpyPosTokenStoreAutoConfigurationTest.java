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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.store.hazelcast.HazelcastTokenStore;
import io.github.chimpypos.camel.store.jdbc.JdbcTokenStore;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** camel.component.chimpypos.token-store.*: the store built from the application's DataSource or HazelcastInstance. */
class ChimpyPosTokenStoreAutoConfigurationTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CamelAutoConfiguration.class,
                    ChimpyPosComponentConverter.class,
                    ChimpyPosComponentAutoConfiguration.class,
                    ChimpyPosTokenStoreAutoConfiguration.class));

    @Test
    void typeJdbcBuildsTheStoreOnTheApplicationsDataSourceAndAClusteredRouteUsesIt(ChimpyPosEmulator emulator) {
        JdbcDataSource h2 = h2();
        runner.withBean("dataSource", DataSource.class, () -> h2)
                .withBean("emulatorTrust", SSLContextParameters.class, () -> EmulatorSupport.trust(emulator))
                .withBean("watch", RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("chimpypos:getStationPricing?stationIds=abc1&clusteredPolling=true&delay=60000")
                                .routeId("watch")
                                .process(exchange -> {});
                    }
                })
                .withPropertyValues(EmulatorSupport.connectionProperties(emulator))
                .withPropertyValues(
                        "camel.component.chimpypos.token-store.type=jdbc",
                        "camel.component.chimpypos.token-store.encryption-key=" + KEY,
                        "camel.component.chimpypos.token-store.poll-table-name=app_poll_store")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTokenStore store = context.getBean(JdbcTokenStore.class);
                    ChimpyPosComponent component =
                            context.getBean(CamelContext.class).getComponent("chimpypos", ChimpyPosComponent.class);
                    assertThat(component.getConfiguration().getTokenStore()).isSameAs(store);
                    assertThat(context.getBean(CamelContext.class)
                                    .getRouteController()
                                    .getRouteStatus("watch")
                                    .isStarted())
                            .as("clusteredPolling found its tokenStore")
                            .isTrue();
                    // the route's first poll claimed its lease in the application's database
                    org.awaitility.Awaitility.await().until(() -> rows(h2, "app_poll_store") > 0);
                });
    }

    @Test
    void withoutATypeNoStoreIsBuilt() {
        runner.withBean("dataSource", DataSource.class, ChimpyPosTokenStoreAutoConfigurationTest::h2)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(TokenStore.class);
                    assertThat(context.getBean(CamelContext.class)
                                    .getComponent("chimpypos", ChimpyPosComponent.class)
                                    .getConfiguration()
                                    .getTokenStore())
                            .isNull();
                });
    }

    @Test
    void anApplicationsOwnStoreBeanWinsAndReachesTheComponent() {
        TokenStore own = new io.github.chimpypos.camel.store.InMemoryTokenStore();
        runner.withBean("dataSource", DataSource.class, ChimpyPosTokenStoreAutoConfigurationTest::h2)
                .withBean("ownStore", TokenStore.class, () -> own)
                .withPropertyValues("camel.component.chimpypos.token-store.type=jdbc")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TokenStore.class)).isSameAs(own);
                    assertThat(context.getBean(CamelContext.class)
                                    .getComponent("chimpypos", ChimpyPosComponent.class)
                                    .getConfiguration()
                                    .getTokenStore())
                            .isSameAs(own);
                });
    }

    @Test
    void aMissingOrMalformedKeyFailsAtStartupNamingThePropertyButNotTheValue() {
        runner.withBean("dataSource", DataSource.class, ChimpyPosTokenStoreAutoConfigurationTest::h2)
                .withPropertyValues(
                        "camel.component.chimpypos.token-store.type=jdbc",
                        "camel.component.chimpypos.token-store.encryption-key=not-a-key-s3cr3t")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .satisfies(failure -> assertThat(messages(failure))
                                .contains("camel.component.chimpypos.token-store.encryption-key")
                                .doesNotContain("not-a-key-s3cr3t")));
    }

    @Test
    void typeJdbcWithoutADataSourceFailsAtStartupSayingWhatIsMissing() {
        runner.withPropertyValues(
                        "camel.component.chimpypos.token-store.type=jdbc",
                        "camel.component.chimpypos.token-store.encryption-key=" + KEY)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .satisfies(failure -> assertThat(messages(failure))
                                .contains("token-store.type=jdbc needs")
                                .contains("DataSource bean")));
    }

    @Test
    void anUnknownTypeFailsNamingTheAcceptedValues() {
        runner.withPropertyValues("camel.component.chimpypos.token-store.type=redis")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .satisfies(
                                failure -> assertThat(messages(failure)).contains("accepted values: jdbc, hazelcast")));
    }

    @Test
    void typeHazelcastBuildsTheStoreOnTheApplicationsHazelcastInstance() {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(loopbackMember());
        try {
            runner.withBean("hazelcast", HazelcastInstance.class, () -> member)
                    .withPropertyValues(
                            "camel.component.chimpypos.token-store.type=hazelcast",
                            "camel.component.chimpypos.token-store.encryption-key=" + KEY,
                            "camel.component.chimpypos.token-store.poll-map-name=app-polls")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        HazelcastTokenStore store = context.getBean(HazelcastTokenStore.class);
                        assertThat(context.getBean(CamelContext.class)
                                        .getComponent("chimpypos", ChimpyPosComponent.class)
                                        .getConfiguration()
                                        .getTokenStore())
                                .isSameAs(store);
                        store.compareAndSetPollRecord(
                                "k",
                                0,
                                new io.github.chimpypos.camel.store.PollRecord(1, null, "ok", java.time.Instant.now()));
                        assertThat(member.getMap("app-polls").containsKey("k"))
                                .as("the poll map name property reached the store")
                                .isTrue();
                    });
        } finally {
            member.shutdown();
        }
    }

    /** Every message of the cause chain: what a user reads in the startup failure. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static int rows(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            return 0; // not created yet
        }
    }

    /** A single member on a free loopback port, joining nobody. */
    private static Config loopbackMember() {
        Config config = new Config();
        config.setClusterName("chimpypos-starter-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
