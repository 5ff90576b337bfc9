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
package io.github.chimpypos.camel.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosOperation;
import io.github.chimpypos.camel.client.ApiRequest;
import io.github.chimpypos.camel.client.ChimpyPosJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every operation is complete in the table, and the table agrees with the catalog and the documented headers. */
class OperationTableTest {

    private static final ObjectMapper MAPPER = ChimpyPosJson.newMapper();
    private static CamelContext context;
    private static JsonNode catalogOptions;

    @BeforeAll
    static void start() throws IOException {
        context = new DefaultCamelContext();
        context.start();
        try (InputStream json =
                OperationTableTest.class.getResourceAsStream("/META-INF/io/github/chimpypos/camel/chimpypos.json")) {
            catalogOptions = MAPPER.readTree(json).path("properties");
        }
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    @ParameterizedTest
    @EnumSource(ChimpyPosOperation.class)
    void everyOperationHasACompleteEntry(ChimpyPosOperation operation) {
        OperationSpec spec = OperationTable.spec(operation);
        ChimpyPosConfiguration defaults = new ChimpyPosConfiguration();

        assertThat(spec.operation()).isEqualTo(operation);
        assertThat(spec.method()).isNotNull();
        assertThat(spec.resultType()).isNotNull();
        assertThat(spec.resourceKey()).isNotBlank();
        assertThat(spec.requestFactory()).isNotNull();
        assertThat(spec.path().apply(defaults)).isEqualTo(spec.defaultPath());
        assertThat(catalogOptions.path(spec.pathOption()).path("defaultValue").asText())
                .isEqualTo(spec.defaultPath());
        assertThat(spec.pathTemplate(defaults).variables())
                .allSatisfy(variable -> assertThat(spec.pathVariables())
                        .extracting(OperationParameter::apiName)
                        .contains(variable));
        if (spec.pollable()) {
            assertThat(catalogOptions.has(spec.pollKey().keysOption())).isTrue();
            assertThat(spec.pollKey().keys().apply(defaults)).isNull();
            assertThat(spec.fixedRequest())
                    .as("a polled request is built from options and the key")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ChimpyPosOperation.class)
    void everyRequestFactoryFillsOnlyTheEntrysPathVariables(ChimpyPosOperation operation) {
        OperationSpec spec = OperationTable.spec(operation);
        ChimpyPosConfiguration configuration = new ChimpyPosConfiguration();
        configuration.setLocationId("LOC1");
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage()
                .setHeaders(Map.of(
                        ChimpyPosConstants.BATTERY_ID, "BAT0001",
                        ChimpyPosConstants.RENTAL_TYPE, "pickup",
                        ChimpyPosConstants.USER_COUPON, "COUPON1",
                        ChimpyPosConstants.STATION_ID, "abc1",
                        ChimpyPosConstants.PARTNER_TRANSACTION_ID, "tx-1"));
        exchange.getMessage().setBody(Map.of("payment_gateway", "stripe", "stripe_payment_intent_id", "pi_1"));
        MessageParameters parameters = new MessageParameters(operation, exchange, configuration, MAPPER);

        ApiRequest request = spec.requestFactory().create(parameters, spec.request(spec.pathTemplate(configuration)));

        assertThat(request.method()).isEqualTo(spec.method().name());
        assertThat(request.operation()).isEqualTo(operation.name());
        assertThat(request.pathVariables().keySet())
                .isSubsetOf(spec.pathVariables().stream()
                        .map(OperationParameter::apiName)
                        .collect(Collectors.toSet()));
    }

    @Test
    void theDocumentedOperationListIsTheTables() throws NoSuchFieldException {
        Metadata header = ChimpyPosConstants.class.getField("OPERATION").getAnnotation(Metadata.class);

        assertThat(header.enums()).isEqualTo(ChimpyPosOperation.acceptedValues().replace(", ", ","));
        assertThat(OperationTable.all())
                .extracting(OperationSpec::operation)
                .containsExactly(ChimpyPosOperation.values());
        assertThat(OperationTable.pollableOperations())
                .isEqualTo("checkBattery, checkUser, getRentalPricing, getStationPricing");
    }
}
