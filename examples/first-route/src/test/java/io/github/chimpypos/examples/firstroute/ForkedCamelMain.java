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
package io.github.chimpypos.examples.firstroute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code org.apache.camel.main.Main} in a JVM of its own, on this module's class path, so that the page's
 * "real sandbox" profile reads its settings from real environment variables and logs with the page's log4j2
 * configuration, exactly as a user's app would.
 */
final class ForkedCamelMain {

    /** What a run left behind: its exit code and everything it wrote to the console. */
    record Run(int exitCode, String output) {}

    private static final long TIMEOUT_SECONDS = 120;

    private ForkedCamelMain() {}

    static Run run(Path workDirectory, Map<String, String> environment, String... systemProperties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.add("org.apache.camel.main.Main");
        Path console = Files.createTempFile(workDirectory, "console", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHIMPY_") || name.equals("LOG_LEVEL"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Camel Main did not stop within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(console, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    }
}
