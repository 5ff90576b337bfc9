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
package io.github.chimpypos.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.emulator.MutableClock;
import org.apache.camel.main.Main;

/**
 * Plays one day at a Chimpy partner shop through Camel routes: starts Camel Main with the YAML routes of the
 * counter and the Java routes of the station, plays the day, prints a summary and stops.
 *
 * <p>
 * Against the embedded emulator the day runs on a shared {@link MutableClock}: the script moves it forward hour by
 * hour, so a day with hour-long tokens (a fetch, background renewals with the refresh token, a revoked token
 * recovered after a 401) plays out in seconds.
 */
public final class QuickstartApplication {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(90);
    static final Instant OPENING_TIME = Instant.parse("2026-06-01T06:00:00Z");

    private QuickstartApplication() {}

    public static void main(String[] args) throws Exception {
        DaySummary summary = run(System.getenv());
        System.out.println(summary.render());
        if (!summary.failures().isEmpty()) {
            System.exit(1);
        }
    }

    static DaySummary run(Map<String, String> environment) throws Exception {
        MutableClock clock = MutableClock.startingAt(OPENING_TIME);
        try (SandboxConnection connection = SandboxConnection.open(environment, clock, TOKEN_LIFETIME)) {
            // Routes: the YAML counter routes (see application.properties) and StationRoutes, found by package scan.
            Main main = new Main(QuickstartApplication.class);
            ChimpyPosComponent chimpypos = new ChimpyPosComponent();
            connection.configure(chimpypos.getConfiguration());
            if (connection.emulator().isPresent()) {
                chimpypos.setClock(clock);
            }
            main.bind("chimpypos", chimpypos);
            main.start();
            try {
                return new ShopDay(
                                main.getCamelContext(),
                                clock,
                                connection.emulator().orElse(null))
                        .play();
            } finally {
                main.stop();
            }
        }
    }
}
