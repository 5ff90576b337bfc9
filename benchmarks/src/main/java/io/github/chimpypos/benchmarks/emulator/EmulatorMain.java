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

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs an emulator in a JVM of its own, so that the JVM under measurement holds only the client: JMH's GC profiler
 * counts the bytes allocated by every thread of its JVM, and a soak test must not see the emulator's heap. Prints one
 * line {@value #READY_PREFIX}{json} with the URLs and credentials, then serves until its standard input closes.
 *
 * <p>
 * Arguments: {@code [accessTokenLifetimeSeconds [workerThreads]]}.
 */
public final class EmulatorMain {

    static final String READY_PREFIX = "EMULATOR-READY ";

    private EmulatorMain() {}

    public static void main(String[] args) throws IOException {
        Duration lifetime = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 3600);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        try (InProcessEmulator emulator = InProcessEmulator.start(lifetime, workers)) {
            Target t = emulator.target();
            Map<String, String> ready = new LinkedHashMap<>();
            ready.put("tokenUrl", t.tokenUrl().toString());
            ready.put("apiUrl", t.apiUrl().toString());
            ready.put("trustStorePath", t.trustStorePath().toString());
            ready.put("trustStorePassword", t.trustStorePassword());
            ready.put("clientId", t.clientId());
            ready.put("audience", t.audience());
            ready.put("username", t.username());
            ready.put("password", t.password());
            ready.put("clientSecret", t.clientSecret());
            // the parent process reads this line; it is the protocol, not logging
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            out.println(READY_PREFIX + new ObjectMapper().writeValueAsString(ready));
            InputStream in = System.in;
            while (in.read() >= 0) {
                // serve until the parent closes our standard input or goes away
            }
        }
    }
}
