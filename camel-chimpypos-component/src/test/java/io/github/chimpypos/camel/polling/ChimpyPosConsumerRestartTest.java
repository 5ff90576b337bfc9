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
package io.github.chimpypos.camel.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosConsumer;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.StationState;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with a persistent state repository does not replay what was already emitted; with the default in-memory
 * repository the first poll after a start emits every key, as documented.
 */
class ChimpyPosConsumerRestartTest extends ChimpyPosTestSupport {

    private static final String URI = "chimpypos:getStationPricing?stationIds=abc1,zrh1,off1&onlyChanges=true"
            + "&stateRepository=#stationState&" + POLLED_BY_TEST;

    @TempDir
    Path stateDirectory;

    @Test
    void aRestartWithAFileStateRepositoryEmitsOnlyWhatChangedMeanwhile() throws Exception {
        Path store = stateDirectory.resolve("stations.state");
        assertThat(run(FileStateRepository.fileStateRepository(store.toFile())))
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("abc1", "zrh1", "off1");

        assertThat(run(FileStateRepository.fileStateRepository(store.toFile()))).isEmpty();

        emulator().control().setStationState("zrh1", StationState.OFFLINE);
        assertThat(run(FileStateRepository.fileStateRepository(store.toFile())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(header(e, ChimpyPosConstants.STATION_ID)).isEqualTo("zrh1");
                    assertThat(header(e, ChimpyPosConstants.ERROR_TYPE)).isEqualTo("station_offline_error");
                });
        assertThat(run(FileStateRepository.fileStateRepository(store.toFile()))).isEmpty();
    }

    @Test
    void theDefaultInMemoryStateStartsAfreshAtEveryStart() throws Exception {
        assertThat(run(null)).hasSize(3);
        assertThat(run(null)).hasSize(3);
    }

    @Test
    void aRouteEmitsAgainWhatItFailedToProcess() throws Exception {
        Path store = stateDirectory.resolve("stations.state");
        try (DefaultCamelContext camel = context(FileStateRepository.fileStateRepository(store.toFile()))) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(URI)
                            .routeId("failing")
                            .filter(header(ChimpyPosConstants.STATION_ID).isEqualTo("zrh1"))
                            .throwException(new IllegalStateException("the ERP rejected zrh1"));
                }
            });
            camel.start();
            ((ChimpyPosConsumer) camel.getRoute("failing").getConsumer()).run();
        }

        assertThat(run(FileStateRepository.fileStateRepository(store.toFile())))
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("zrh1");
    }

    /**
     * Starts a context, polls once and stops: one run of an application.
     *
     * @param repository the state repository, or null for the default
     */
    private List<Exchange> run(StateRepository<String, String> repository) throws Exception {
        try (DefaultCamelContext camel = context(repository)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(repository == null ? URI.replace("&stateRepository=#stationState", "") : URI)
                            .routeId("watch")
                            .to("mock:changes");
                }
            });
            camel.start();
            ((ChimpyPosConsumer) camel.getRoute("watch").getConsumer()).run();
            return List.copyOf(
                    camel.getEndpoint("mock:changes", MockEndpoint.class).getReceivedExchanges());
        }
    }

    private DefaultCamelContext context(StateRepository<String, String> repository) {
        DefaultCamelContext camel = new DefaultCamelContext();
        ChimpyPosComponent component = new ChimpyPosComponent();
        configure(component);
        camel.addComponent("chimpypos", component);
        if (repository != null) {
            camel.getRegistry().bind("stationState", repository);
        }
        return camel;
    }
}
