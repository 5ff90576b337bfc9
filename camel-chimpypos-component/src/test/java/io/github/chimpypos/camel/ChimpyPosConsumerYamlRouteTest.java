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
package io.github.chimpypos.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.StationState;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Tried as a new user would: a YAML route with only URI options, on Camel's real scheduler, emits one exchange when
 * the station goes offline and one when it comes back, and nothing in between.
 */
class ChimpyPosConsumerYamlRouteTest extends ChimpyPosTestSupport {

    @Test
    void oneExchangeWhenTheStationGoesOfflineAndOneWhenItComesBack() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "classpath:routes/station-alerts.camel.yaml"));
        MockEndpoint alerts = getMockEndpoint("mock:station-alerts");

        // the first poll after a start emits the state as it is
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.getReceivedCounter() == 1);
        assertThat(header(alerts, 0, ChimpyPosConstants.ERROR_TYPE)).isNull();
        quietFor(5, alerts, 1);

        emulator().control().setStationState("abc1", StationState.OFFLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.getReceivedCounter() == 2);
        assertThat(header(alerts, 1, ChimpyPosConstants.ERROR_TYPE)).isEqualTo("station_offline_error");
        quietFor(5, alerts, 2);

        emulator().control().setStationState("abc1", StationState.ONLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.getReceivedCounter() == 3);
        assertThat(header(alerts, 2, ChimpyPosConstants.ERROR_TYPE)).isNull();
        assertThat(header(alerts, 2, ChimpyPosConstants.PREVIOUS_ERROR_TYPE)).isEqualTo("station_offline_error");
        quietFor(5, alerts, 3);
    }

    /** Waits until the consumer polled {@code polls} more times and checks that nothing more was emitted. */
    private static void quietFor(int polls, MockEndpoint alerts, int expected) {
        long target = counters().apiCalls("getStationPricing") + polls;
        await().atMost(Duration.ofSeconds(20)).until(() -> counters().apiCalls("getStationPricing") >= target);
        assertThat(alerts.getReceivedCounter()).isEqualTo(expected);
    }

    private static String header(MockEndpoint mock, int index, String name) {
        List<Exchange> received = mock.getReceivedExchanges();
        return received.get(index).getMessage().getHeader(name, String.class);
    }
}
