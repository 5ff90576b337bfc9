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
package io.github.chimpypos.benchmarks.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An emulator running in a child JVM ({@link EmulatorMain}) on this machine's loopback. */
public final class EmulatorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Target target;

    private EmulatorProcess(Process process, Target target) {
        this.process = process;
        this.target = target;
    }

    public static EmulatorProcess start(Duration accessTokenLifetime) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms1g");
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmulatorMain.class.getName());
        command.add(Long.toString(accessTokenLifetime.toSeconds()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            String line;
            while ((line = reader.readLine()) != null && System.nanoTime() < deadline) {
                if (line.startsWith(EmulatorMain.READY_PREFIX)) {
                    Target target = parse(line.substring(EmulatorMain.READY_PREFIX.length()));
                    drain(reader);
                    return new EmulatorProcess(process, target);
                }
            }
            throw new IOException("the emulator process did not report ready (exit " + exitCode(process) + ")");
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public Target target() {
        return target;
    }

    /**
     * CPU time the emulator's JVM has used so far (user + system, from {@code /proc/<pid>/stat} in ticks of 10 ms),
     * or -1 where the platform does not expose it.
     */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // fields after the command name in parentheses, which may itself contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * TimeUnit.MILLISECONDS.toNanos(10);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Target parse(String json) throws IOException {
        Map<String, String> m = new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() {});
        Path trustStore = Path.of(m.get("trustStorePath"));
        String password = m.get("trustStorePassword");
        return new Target(
                URI.create(m.get("tokenUrl")),
                URI.create(m.get("apiUrl")),
                sslContext(trustStore, password),
                trustStore,
                password,
                m.get("clientId"),
                m.get("audience"),
                m.get("username"),
                m.get("password"),
                m.get("clientSecret"));
    }

    static SSLContext sslContext(Path trustStore, String password) throws IOException {
        try {
            KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
            try (var in = Files.newInputStream(trustStore)) {
                keyStore.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the emulator's trust store " + trustStore, e);
        }
    }

    private static void drain(BufferedReader reader) {
        Thread drainer = new Thread(
                () -> {
                    try {
                        while (reader.readLine() != null) {
                            // discard whatever the child prints, so its pipe never fills up
                        }
                    } catch (IOException ignored) {
                        // the child went away
                    }
                },
                "emulator-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "none, still running" : Integer.toString(process.exitValue());
    }
}
