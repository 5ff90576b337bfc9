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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStores;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.EmulatorCounters;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster judgement of issue 15: four instances in JVMs of their own share one JDBC store (PostgreSQL when
 * {@code CHIMPYPOS_TEST_POSTGRES_URL} is set, else an H2 TCP server started here on a free port) against the emulator
 * with refresh-token rotation and reuse detection, under steady traffic over several short token lifetimes. The
 * holder of a renewal lease is killed while its token call is in flight (the emulator delays every token call). The
 * cluster stays within one token call per lifetime plus 2, no refresh token is presented twice, and no exchange fails
 * on a surviving instance.
 *
 * <p>
 * Real time is unavoidable across JVMs: the instances run for {@link #RUN}; outcomes are awaited, never slept for.
 */
class JdbcTokenStoreClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTokenStoreClusterTest.class);

    private static final int INSTANCES = 4;
    private static final Duration LIFETIME = Duration.ofSeconds(20);
    private static final Duration RUN = Duration.ofSeconds(55);
    /** Four JVMs starting Camel at once on a loaded build machine. */
    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** Long enough to kill a holder mid-call, shorter than the instances' response timeout (5 s). */
    private static final Duration TOKEN_LATENCY = Duration.ofMillis(1_200);

    @TempDir
    Path directory;

    private ChimpyPosEmulator emulator;
    private Server h2;
    private final Map<String, Process> instances = new LinkedHashMap<>();

    @AfterEach
    void stopEverything() {
        instances.values().forEach(Process::destroyForcibly);
        if (h2 != null) {
            h2.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void fourInstancesShareOneTokenBudgetAndSurviveTheLeaseHoldersDeath() throws Exception {
        emulator = ChimpyPosEmulator.builder()
                .accessTokenLifetime(LIFETIME)
                .refreshTokenRotation(true)
                .start();
        emulator.control().setTokenLatency(TOKEN_LATENCY);
        // one encryption key for all: the instances differ by name only
        StoreBackedInstanceSettings settings =
                JdbcTokenStoreProviderRestartTest.instance(emulator, sharedDatabase(), "instance-0");
        JdbcTokenStore observer = settings.store();
        String recordKey = TokenStores.recordKey(
                settings.tokenUrl(), settings.clientId(), settings.audience(), settings.username(), "password");

        for (int i = 0; i < INSTANCES; i++) {
            String name = "instance-" + i;
            instances.put(name, launch(settings.named(name)));
        }
        // JVM and Camel start times vary with the machine's load: the run starts when all four are up
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> instances.keySet().stream().allMatch(JdbcTokenStoreClusterTest::isReady));
        long started = System.currentTimeMillis();
        long deadline = started + RUN.toMillis();
        for (Process instance : instances.values()) {
            instance.getOutputStream()
                    .write((ClusterInstanceMain.GO + " " + deadline + "\n").getBytes(StandardCharsets.UTF_8));
            instance.getOutputStream().flush();
        }

        // the first renewal: a lease claimed on a record that already holds a token; its holder is mid-call
        String holder = await().atMost(RUN)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> renewalLeaseHolder(observer, recordKey), Optional::isPresent)
                .orElseThrow();
        String killed = holder.substring(0, holder.indexOf('/'));
        instances.get(killed).destroyForcibly();

        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, Process> instance : instances.entrySet()) {
            if (!instance.getKey().equals(killed)) {
                results.put(instance.getKey(), resultOf(instance.getKey(), instance.getValue(), deadline));
            }
        }
        double lifetimes = (double) (System.currentTimeMillis() - started) / LIFETIME.toMillis();
        EmulatorCounters counters = emulator.control().counters();

        LOG.info(
                "Cluster of {} ({} killed mid-renewal): {} token calls over {} lifetimes; survivors: {}; emulator: {}",
                INSTANCES,
                killed,
                counters.tokenCalls(),
                String.format("%.2f", lifetimes),
                results.values(),
                counters);

        assertThat(results).hasSize(INSTANCES - 1);
        assertThat(results.values())
                .as("no exchange failed on a surviving instance")
                .allSatisfy(result -> assertThat(result).contains("failed=0").doesNotContain("succeeded=0 "));
        assertThat(counters.tokenCalls("refresh_token", "invalid_grant"))
                .as("reuse detections")
                .isZero();
        assertThat(counters.tokenCalls("password", "invalid_grant")).isZero();
        assertThat(counters.tokenCalls("password"))
                .as("the first grant, and the one after the holder died with the refresh token")
                .isEqualTo(2);
        assertThat((double) counters.tokenCalls())
                .as("token calls for the cluster over %.1f lifetimes: %s", lifetimes, counters)
                .isLessThanOrEqualTo(lifetimes + 2);
    }

    /** PostgreSQL from the build when there is one, else an H2 server of this test on a free loopback port. */
    private String sharedDatabase() throws Exception {
        String postgres = System.getenv(JdbcTokenStorePostgresTest.URL_VARIABLE);
        if (postgres != null && !postgres.isBlank()) {
            return postgres;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", directory.toString())
                .start();
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/cluster-tokens";
    }

    private static boolean isReady(String name) {
        Path console = console(name);
        try {
            return Files.exists(console)
                    && Files.readString(console, StandardCharsets.UTF_8).contains(ClusterInstanceMain.READY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path console(String name) {
        return Path.of("target", "cluster-test", name + ".log");
    }

    private Process launch(StoreBackedInstanceSettings settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-Dlog4j2.configurationFile=log4j2-cluster-instance.xml");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add(ClusterInstanceMain.class.getName());
        Path console = console(settings.name());
        Files.createDirectories(console.getParent());
        Files.deleteIfExists(console);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        // the password and the store key travel in the environment, never on a command line
        builder.environment().putAll(settings.toEnvironment());
        return builder.start();
    }

    private static Optional<String> renewalLeaseHolder(JdbcTokenStore store, String key) {
        return store.load(key)
                .filter(record -> record.token() != null && record.lease() != null)
                .map(TokenRecord::lease)
                .map(lease -> lease.owner());
    }

    private static String resultOf(String name, Process process, long deadline) throws Exception {
        long waitMillis = deadline - System.currentTimeMillis() + 40_000;
        if (!process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        String console = Files.readString(console(name), StandardCharsets.UTF_8);
        return console.lines()
                .filter(line -> line.startsWith(ClusterInstanceMain.RESULT))
                .findFirst()
                .map(line -> line + " ")
                .orElse("no result from " + name + " failed=?; its console:\n" + console);
    }
}
