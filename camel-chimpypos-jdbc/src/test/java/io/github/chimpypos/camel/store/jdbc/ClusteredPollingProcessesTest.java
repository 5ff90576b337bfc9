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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.chimpypos.camel.store.EncryptingTokenStoreContract;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.StationState;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * clusteredPolling across three JVMs: each runs {@link ClusteredPollingInstance} against one emulator and one
 * database (PostgreSQL when {@value JdbcTokenStorePostgresTest#URL_VARIABLE} is set, else an H2 TCP server on a free
 * loopback port in this JVM). The emulator's request counter shows each station polled once per cycle for the whole
 * cluster; killing the lease holder (SIGKILL: no release) hands the polls to a survivor within the lease, and the
 * survivor emits only what changed, since the last-seen state is in the database.
 */
class ClusteredPollingProcessesTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredPollingProcessesTest.class);
    private static final String STATIONS = "abc1,zrh1,off1";
    private static final int KEYS = 3;
    private static final long DELAY_MILLIS = 300;
    private static final int INSTANCES = 3;

    private final List<Instance> instances = new ArrayList<>();
    private ChimpyPosEmulator emulator;
    private Server h2;

    @AfterEach
    void stopEverything() {
        instances.forEach(instance -> instance.process().destroyForcibly());
        if (emulator != null) {
            emulator.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void eachKeyIsPolledOncePerCycleAndASurvivorTakesOverWithoutReEmitting() throws Exception {
        emulator = ChimpyPosEmulator.startDefault();
        String jdbcUrl = database();
        String key = EncryptingTokenStoreContract.newEncryptionKey();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(start(i, jdbcUrl, key));
        }
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        instances.stream().allMatch(instance -> instance.lines().contains("STARTED")));

        // steady state: the stations are polled once per lease renewal (one per cycle), whatever the instances
        Duration steadyWindow = pollsPerCycle(jdbcUrl, 10, INSTANCES);
        assertThat(instances.stream().flatMap(i -> i.emits().stream()).toList())
                .as("each initial state emitted once in the whole cluster")
                .extracting(line -> line.split(" ")[1])
                .containsExactlyInAnyOrder("abc1", "zrh1", "off1");

        // the holder is the instance that sees a change: it is the one polling
        emulator.control().setStationState("abc1", StationState.OFFLINE);
        await().atMost(Duration.ofSeconds(30)).until(() -> holder() != null);
        Instance holder = holder();
        // the next renewal starts a new poll: the one that emitted abc1 has recorded it in the store by then (a kill
        // between routing a change and recording it would emit it again: at least once, by design)
        awaitLeaseVersionAbove(jdbcUrl, leaseVersion(jdbcUrl));
        List<Instance> survivors = instances.stream().filter(i -> i != holder).toList();
        // by identity: an instance's record hash changes with every line it prints
        Map<Instance, Integer> seenBeforeKill = new IdentityHashMap<>();
        survivors.forEach(i -> seenBeforeKill.put(i, i.emits().size()));

        // the holder dies without releasing its lease; a station changes meanwhile
        long killedAt = System.nanoTime();
        holder.process().destroyForcibly();
        emulator.control().setStationState("zrh1", StationState.OFFLINE);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        survivors.stream().anyMatch(i -> i.emits().stream().anyMatch(l -> l.contains("zrh1 error"))));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);

        pollsPerCycle(jdbcUrl, 10, INSTANCES - 1);
        List<String> survivorEmits = survivors.stream()
                .flatMap(i -> i.emits().subList(seenBeforeKill.get(i), i.emits().size()).stream())
                .toList();
        assertThat(survivorEmits)
                .as("only the change, no burst of already-seen states")
                .containsExactly("EMIT zrh1 error");
        Duration lease = Duration.ofSeconds(10); // twice the instances' token wait plus connect and response timeouts
        assertThat(takeover)
                .as("taken over within the lease plus a cycle (and slack for a loaded machine)")
                .isLessThan(lease.plusMillis(DELAY_MILLIS).plusSeconds(3));
        LOG.info(
                "steady window of 10 cycles {} ms, takeover after kill {} ms (lease {} ms)",
                steadyWindow.toMillis(),
                takeover.toMillis(),
                lease.toMillis());
    }

    /** The instance that emitted the change of abc1, or null while none has. */
    private Instance holder() {
        return instances.stream()
                .filter(i -> i.emits().contains("EMIT abc1 error"))
                .findFirst()
                .orElse(null);
    }

    /**
     * Waits for {@code cycles} lease renewals and checks the emulator saw at most one request per station and cycle:
     * the holder renews once per poll (a renewal mid-poll only adds versions), so N instances polling on their own
     * would show N times as many.
     */
    private Duration pollsPerCycle(String jdbcUrl, int cycles, int running) throws Exception {
        long startVersion = awaitLeaseVersionAbove(jdbcUrl, 0);
        long startCalls = emulator.control().counters().apiCalls("getStationPricing");
        long started = System.nanoTime();
        long endVersion = awaitLeaseVersionAbove(jdbcUrl, startVersion + cycles - 1);
        long calls = emulator.control().counters().apiCalls("getStationPricing") - startCalls;
        long renewals = endVersion - startVersion;
        LOG.info("{} instances: {} lease renewals, {} station requests", running, renewals, calls);
        assertThat(calls)
                .as("requests over " + renewals + " cycles of " + running + " instances")
                .isBetween((long) KEYS * (renewals - 2) / 2, (long) KEYS * (renewals + 1));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private long awaitLeaseVersionAbove(String jdbcUrl, long version) {
        long[] seen = {0};
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            seen[0] = leaseVersion(jdbcUrl);
            return seen[0] > version;
        });
        return seen[0];
    }

    /** The version of the one poll lease row: one more for every claim or renewal. */
    private static long leaseVersion(String jdbcUrl) throws SQLException {
        try (Connection connection = dataSource(jdbcUrl).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MAX(version) FROM " + JdbcTokenStore.DEFAULT_POLL_TABLE
                        + " WHERE record_key LIKE 'chimpypos-poll-v1-%'")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // the table does not exist before the first poll
        }
    }

    private String database() throws SQLException, IOException {
        String postgres = System.getenv(JdbcTokenStorePostgresTest.URL_VARIABLE);
        if (postgres != null && !postgres.isBlank()) {
            try (Connection connection = dataSource(postgres).getConnection();
                    Statement statement = connection.createStatement()) {
                // a clean poll table, so the lease row of this run is the only one
                statement.execute("DROP TABLE IF EXISTS " + JdbcTokenStore.DEFAULT_POLL_TABLE);
            }
            return postgres;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists")
                .start();
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static javax.sql.DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    private Instance start(int index, String jdbcUrl, String encryptionKey) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2-polling-instance.xml",
                "-cp",
                System.getProperty("java.class.path"),
                ClusteredPollingInstance.class.getName());
        DemoCredentials credentials = emulator.credentials();
        Map<String, String> env = builder.environment();
        env.put("CLUSTER_JDBC_URL", jdbcUrl);
        env.put("CLUSTER_ENCRYPTION_KEY", encryptionKey);
        env.put("CLUSTER_API_URL", emulator.apiUrl().toString());
        env.put("CLUSTER_TOKEN_URL", emulator.tokenUrl().toString());
        env.put("CLUSTER_CLIENT_ID", credentials.clientId());
        env.put("CLUSTER_AUDIENCE", credentials.audience());
        env.put("CLUSTER_USERNAME", credentials.username());
        env.put("CLUSTER_PASSWORD", credentials.password());
        env.put(
                "CLUSTER_TRUST_STORE",
                emulator.trustStorePath().toAbsolutePath().toString());
        env.put("CLUSTER_TRUST_STORE_PASSWORD", emulator.trustStorePassword());
        env.put("CLUSTER_STATIONS", STATIONS);
        env.put("CLUSTER_DELAY_MILLIS", String.valueOf(DELAY_MILLIS));
        builder.redirectError(
                Path.of("target", "cluster-instance-" + index + ".log").toFile());
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        LOG.debug("instance {} output ended: {}", index, e.toString());
                    }
                },
                "cluster-instance-" + index);
        reader.setDaemon(true);
        reader.start();
        return new Instance(process, lines);
    }

    /** A running instance and what it printed. */
    private record Instance(Process process, List<String> lines) {
        List<String> emits() {
            return lines.stream().filter(line -> line.startsWith("EMIT ")).toList();
        }
    }
}
