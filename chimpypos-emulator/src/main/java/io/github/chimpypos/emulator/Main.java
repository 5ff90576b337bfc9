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

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Standalone entry point: {@code java -jar chimpypos-emulator-<version>-standalone.jar [flags]}; runs until Ctrl-C. */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar chimpypos-emulator-<version>-standalone.jar [options]

              --auth-port N            port of the token service (default: a free port)
              --api-port N             port of the PoS API and the /__admin control API (default: a free port)
              --token-lifetime SECONDS access-token lifetime (default 86400)
              --no-rotation            refresh tokens are not rotated (the same token stays valid)
              --seed FILE              seed JSON instead of the built-in seed
              --export-truststore FILE also write the PKCS12 truststore (password: changeit) to FILE
              --export-cert FILE       also write the certificate in PEM form to FILE (for curl --cacert)
              --help                   show this help
            """;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        ChimpyPosEmulator.Builder builder = ChimpyPosEmulator.builder()
                .authPort(options.authPort)
                .apiPort(options.apiPort)
                .refreshTokenRotation(options.rotation);
        if (options.tokenLifetimeSeconds != null) {
            builder.accessTokenLifetime(Duration.ofSeconds(options.tokenLifetimeSeconds));
        }
        if (options.seed != null) {
            builder.seed(options.seed);
        }
        ChimpyPosEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "chimpypos-emulator-shutdown"));
        Path trustStore = export(emulator.trustStorePath(), options.exportTrustStore);
        Path certificate = export(emulator.certificatePemPath(), options.exportCert);
        printBanner(System.out, emulator, trustStore, certificate);
        stopped.await();
    }

    private static Path export(Path source, Path target) {
        if (target == null) {
            return source;
        }
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    // The only console output of the project: the demo password is public sandbox data, printed on purpose.
    static void printBanner(PrintStream out, ChimpyPosEmulator emulator, Path trustStore, Path certificate) {
        DemoCredentials c = emulator.credentials();
        out.println("Chimpy PoS sandbox emulator is running (Ctrl-C to stop)");
        out.println();
        out.println("  token URL      " + emulator.tokenUrl());
        out.println("  JWKS URL       " + emulator.jwksUrl());
        out.println("  issuer         " + emulator.issuer());
        out.println("  PoS API URL    " + emulator.apiUrl() + "   (the component's apiUrl; endpoints under /api/v2)");
        out.println("  control API    " + emulator.adminUrl() + "   (HTTPS, no token; for tests only)");
        out.println("  truststore     " + trustStore + "   (PKCS12, password " + emulator.trustStorePassword() + ")");
        out.println("  certificate    " + certificate + "   (curl --cacert)");
        out.println();
        out.println("  client_id      " + c.clientId());
        out.println("  audience       " + c.audience());
        out.println("  username       " + c.username());
        out.println("  password       " + c.password());
        out.println("  client_secret  " + c.clientSecret() + "   (client_credentials grant)");
        out.println();
        out.println("  curl --cacert " + certificate + " -H 'Content-Type: application/json' -d '{\"grant_type\":"
                + "\"password\",\"client_id\":\"" + c.clientId() + "\",\"audience\":\"" + c.audience()
                + "\",\"username\":\"" + c.username() + "\",\"password\":\"" + c.password()
                + "\",\"scope\":\"offline_access\"}' " + emulator.tokenUrl());
        out.flush();
    }

    /** Parsed command line. */
    static final class Options {
        int authPort;
        int apiPort;
        Long tokenLifetimeSeconds;
        boolean rotation = true;
        Path seed;
        Path exportTrustStore;
        Path exportCert;
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> options.help = true;
                    case "--no-rotation" -> options.rotation = false;
                    case "--auth-port" -> options.authPort = intValue(arg, value(args, ++i, arg));
                    case "--api-port" -> options.apiPort = intValue(arg, value(args, ++i, arg));
                    case "--token-lifetime" ->
                        options.tokenLifetimeSeconds = (long) intValue(arg, value(args, ++i, arg));
                    case "--seed" -> options.seed = Path.of(value(args, ++i, arg));
                    case "--export-truststore" -> options.exportTrustStore = Path.of(value(args, ++i, arg));
                    case "--export-cert" -> options.exportCert = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return options;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int intValue(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number: " + value, e);
            }
        }
    }
}
