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
package io.github.chimpypos.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.emulator.internal.auth.AccessTokens;
import io.github.chimpypos.emulator.internal.auth.AuthServiceHandler;
import io.github.chimpypos.emulator.internal.auth.AuthSettings;
import io.github.chimpypos.emulator.internal.auth.BruteForceGuard;
import io.github.chimpypos.emulator.internal.auth.RefreshTokens;
import io.github.chimpypos.emulator.internal.auth.SigningKey;
import io.github.chimpypos.emulator.internal.auth.TokenService;
import io.github.chimpypos.emulator.internal.control.AdminHandler;
import io.github.chimpypos.emulator.internal.control.ArmedFaults;
import io.github.chimpypos.emulator.internal.control.DefaultEmulatorControl;
import io.github.chimpypos.emulator.internal.control.Latency;
import io.github.chimpypos.emulator.internal.control.LiveCounters;
import io.github.chimpypos.emulator.internal.http.HttpsServers;
import io.github.chimpypos.emulator.internal.http.RunningServer;
import io.github.chimpypos.emulator.internal.pos.PosApi;
import io.github.chimpypos.emulator.internal.pos.PosApiHandler;
import io.github.chimpypos.emulator.internal.pos.Seed;
import io.github.chimpypos.emulator.internal.pos.SeedLoader;
import io.github.chimpypos.emulator.internal.tls.GeneratedTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chimpy PoS sandbox emulator: an Auth0-shaped token service and the PoS API v2 (plus the {@code /__admin}
 * control API), each on its own HTTPS loopback port with a certificate generated at start.
 *
 * <pre>{@code
 * try (ChimpyPosEmulator emulator = ChimpyPosEmulator.startDefault()) {
 *     HttpClient client = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build();
 *     ...
 * }
 * }</pre>
 */
public final class ChimpyPosEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChimpyPosEmulator.class);

    private final GeneratedTls tls;
    private final RunningServer authServer;
    private final RunningServer apiServer;
    private final DemoCredentials credentials;
    private final DefaultEmulatorControl control;
    private final Path tempDirectory;
    private final Path trustStorePath;
    private final Path certificatePemPath;

    private ChimpyPosEmulator(Builder builder, Seed seed) {
        this.credentials = builder.credentials;
        this.tls = GeneratedTls.generate();
        this.tempDirectory = createTempDirectory();
        this.trustStorePath = tempDirectory.resolve("chimpypos-emulator-truststore.p12");
        this.certificatePemPath = tempDirectory.resolve("chimpypos-emulator-cert.pem");
        tls.writeTrustStore(trustStorePath);
        tls.writeCertificatePem(certificatePemPath);

        RunningServer auth = null;
        RunningServer api = null;
        try {
            auth = HttpsServers.bind(
                    "auth",
                    GeneratedTls.loopback(),
                    builder.authPort,
                    builder.trustedClients == null
                            ? tls.serverContext()
                            : tls.serverContextTrustingClients(builder.trustedClients),
                    builder.trustedClients != null,
                    builder.workerThreads);
            api = HttpsServers.bind(
                    "api", GeneratedTls.loopback(), builder.apiPort, tls.serverContext(), builder.workerThreads);
            String authUrl = "https://127.0.0.1:" + auth.port();

            LiveCounters counters = new LiveCounters();
            AuthSettings settings = new AuthSettings(
                    credentials,
                    authUrl + "/",
                    builder.accessTokenLifetime,
                    builder.refreshTokenRotation,
                    builder.refreshTokenReuseInterval,
                    builder.bruteForceThreshold,
                    builder.bruteForceLockDuration);
            SigningKey signingKey = SigningKey.generate();
            AccessTokens accessTokens = new AccessTokens(signingKey, settings, builder.clock);
            RefreshTokens refreshTokens = new RefreshTokens(counters::refreshTokenReuseDetected);
            BruteForceGuard bruteForce =
                    new BruteForceGuard(builder.bruteForceThreshold, builder.bruteForceLockDuration);
            ArmedFaults tokenFaults = new ArmedFaults();
            ArmedFaults apiFaults = new ArmedFaults();
            Latency tokenLatency = new Latency();
            Latency apiLatency = new Latency();
            PosApi posApi = new PosApi(seed, builder.clock, counters);
            this.control = new DefaultEmulatorControl(
                    counters,
                    posApi,
                    settings,
                    accessTokens,
                    refreshTokens,
                    bruteForce,
                    tokenFaults,
                    apiFaults,
                    tokenLatency,
                    apiLatency);

            auth.start(new AuthServiceHandler(
                    new TokenService(settings, accessTokens, refreshTokens, bruteForce, builder.clock),
                    signingKey,
                    counters,
                    tokenFaults,
                    tokenLatency));
            api.start(new PosApiHandler(
                    posApi,
                    accessTokens,
                    credentials.audience(),
                    new AdminHandler(control),
                    counters,
                    apiFaults,
                    apiLatency));
        } catch (RuntimeException e) {
            closeQuietly(api);
            closeQuietly(auth);
            deleteTempFiles();
            throw e;
        }
        this.authServer = auth;
        this.apiServer = api;
        LOG.info("Chimpy PoS emulator started: auth {} api {}", authUrl(), apiUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with the default settings, seed and demo credentials on free ports. */
    public static ChimpyPosEmulator startDefault() {
        return builder().start();
    }

    /** Base URL of the token service, {@code https://127.0.0.1:<port>}. */
    public URI authUrl() {
        return URI.create("https://127.0.0.1:" + authServer.port());
    }

    public URI tokenUrl() {
        return URI.create(authUrl() + "/oauth/token");
    }

    public URI jwksUrl() {
        return URI.create(authUrl() + "/.well-known/jwks.json");
    }

    /** The {@code iss} of issued tokens: the auth URL with a trailing slash, as Auth0 does. */
    public String issuer() {
        return authUrl() + "/";
    }

    /** Base URL of the PoS API; its endpoints live under {@code /api/v2/...}. */
    public URI apiUrl() {
        return URI.create("https://127.0.0.1:" + apiServer.port());
    }

    /** Base URL of the HTTP control API (tests and benchmarks only; needs no token). */
    public URI adminUrl() {
        return URI.create(apiUrl() + "/__admin");
    }

    /** A PKCS12 truststore holding the emulator's certificate (deleted on {@link #close()}). */
    public Path trustStorePath() {
        return trustStorePath;
    }

    public String trustStorePassword() {
        return GeneratedTls.TRUSTSTORE_PASSWORD;
    }

    public KeyStore trustStore() {
        return tls.trustStore();
    }

    /** An SSL context that trusts only this emulator's certificate. */
    public SSLContext clientSslContext() {
        return tls.clientContext();
    }

    /** The certificate in PEM form, for {@code curl --cacert} (deleted on {@link #close()}). */
    public Path certificatePemPath() {
        return certificatePemPath;
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    public EmulatorControl control() {
        return control;
    }

    /** Stops both servers at once and deletes the truststore and certificate files. */
    @Override
    public void close() {
        closeQuietly(apiServer);
        closeQuietly(authServer);
        deleteTempFiles();
        LOG.info("Chimpy PoS emulator stopped");
    }

    private static void closeQuietly(RunningServer server) {
        if (server != null) {
            server.close();
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("chimpypos-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the truststore", e);
        }
    }

    private void deleteTempFiles() {
        try (Stream<Path> files = Files.list(tempDirectory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(tempDirectory);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", tempDirectory, e.toString());
        }
    }

    /** Settings of an emulator; every setting has a default, {@link #start()} starts it. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private Duration accessTokenLifetime = Duration.ofSeconds(86_400);
        private boolean refreshTokenRotation = true;
        private Duration refreshTokenReuseInterval = Duration.ZERO;
        private int bruteForceThreshold = 10;
        private Duration bruteForceLockDuration = Duration.ofMinutes(15);
        private byte[] seedJson;
        private Path seedFile;
        private int authPort;
        private int apiPort;
        private DemoCredentials credentials = DemoCredentials.defaults();
        private int workerThreads = 256;
        private KeyStore trustedClients;

        private Builder() {}

        /** The clock for token times, brute-force locks and late fees; a {@link MutableClock} lets tests move it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = AuthSettings.requirePositive(lifetime, "access token lifetime");
            return this;
        }

        public Builder refreshTokenRotation(boolean enabled) {
            this.refreshTokenRotation = enabled;
            return this;
        }

        /** Auth0's "reuse interval": how long the previous refresh token may still be presented after a rotation. */
        public Builder refreshTokenReuseInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("reuse interval must not be negative");
            }
            this.refreshTokenReuseInterval = interval;
            return this;
        }

        public Builder bruteForceThreshold(int consecutiveFailures) {
            if (consecutiveFailures < 1) {
                throw new IllegalArgumentException("threshold must be at least 1");
            }
            this.bruteForceThreshold = consecutiveFailures;
            return this;
        }

        public Builder bruteForceLockDuration(Duration lockDuration) {
            this.bruteForceLockDuration = AuthSettings.requirePositive(lockDuration, "lock duration");
            return this;
        }

        /** A seed JSON file instead of the built-in seed (format in docs/emulator.md). */
        public Builder seed(Path jsonFile) {
            this.seedFile = Objects.requireNonNull(jsonFile, "jsonFile");
            this.seedJson = null;
            return this;
        }

        /** A seed JSON document, read now; the caller closes the stream. */
        public Builder seed(InputStream json) {
            Objects.requireNonNull(json, "json");
            try {
                this.seedJson = json.readAllBytes();
                this.seedFile = null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the seed", e);
            }
            return this;
        }

        /** Port of the token service; 0 (default) picks a free port. */
        public Builder authPort(int port) {
            this.authPort = checkPort(port);
            return this;
        }

        /** Port of the PoS API and control API; 0 (default) picks a free port. */
        public Builder apiPort(int port) {
            this.apiPort = checkPort(port);
            return this;
        }

        public Builder credentials(DemoCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Worker threads per server (default 256, enough for 200+ concurrent clients even with injected latency). */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1");
            }
            this.workerThreads = threads;
            return this;
        }

        /**
         * The auth service (not the PoS API) requires mutual TLS: a handshake without a client certificate issued by
         * one of the certificates in {@code trustedClients} fails (with TLS 1.3 after the client thinks it is done,
         * as real servers behave). Default: no client certificate asked for.
         */
        public Builder requireClientCertificate(KeyStore trustedClients) {
            this.trustedClients = Objects.requireNonNull(trustedClients, "trustedClients");
            return this;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            return port;
        }

        public ChimpyPosEmulator start() {
            return new ChimpyPosEmulator(this, loadSeed());
        }

        private Seed loadSeed() {
            if (seedFile != null) {
                try (InputStream in = Files.newInputStream(seedFile)) {
                    return SeedLoader.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the seed file " + seedFile, e);
                }
            }
            if (seedJson != null) {
                return SeedLoader.load(new ByteArrayInputStream(seedJson));
            }
            return SeedLoader.loadDefault();
        }
    }
}
