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

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transport, server and authentication failures fail the poll: Camel counts the error, backs off, bridges it to the
 * error handler when asked, and nothing is recorded as seen. Answers about a key are data, never a failure.
 */
class ChimpyPosConsumerFailuresTest extends ChimpyPosTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chimpypos:getStationPricing?stationIds=abc1,zrh1&onlyChanges=true"
                                + "&backoffErrorThreshold=2&backoffMultiplier=3&" + POLLED_BY_TEST)
                        .routeId("backoff")
                        .to("mock:backoff");
                from("chimpypos:getStationPricing?stationIds=abc1&bridgeErrorHandler=true&" + POLLED_BY_TEST)
                        .routeId("bridged")
                        .errorHandler(deadLetterChannel("mock:dead"))
                        .to("mock:bridged");
                from("chimpypos:checkUser?userCoupons=APPUSER1&password=RAW(not-the-password)"
                                + "&bridgeErrorHandler=true&" + POLLED_BY_TEST)
                        .routeId("wrong-password")
                        .errorHandler(deadLetterChannel("mock:dead"))
                        .to("mock:users");
                from("chimpypos:getStationPricing?stationIds=nope1,abc1&" + POLLED_BY_TEST)
                        .routeId("unknown-station")
                        .to("mock:unknown");
            }
        };
    }

    @Test
    void serverErrorsFailThePollAndBackOffAfterTheThreshold() {
        emulator().control().failNextApiCalls(2, Fault.status(503));
        ChimpyPosConsumer consumer = consumer("backoff");

        assertThat(poll("backoff", "mock:backoff")).isEmpty();
        assertThat(consumer.getErrorCounter()).isEqualTo(1);
        assertThat(counters().apiCalls("getStationPricing", 503)).isEqualTo(1);
        assertThat(poll("backoff", "mock:backoff")).isEmpty();
        assertThat(consumer.getErrorCounter()).isEqualTo(2);
        assertThat(counters().apiCalls("getStationPricing", 503)).isEqualTo(2);

        // backoffErrorThreshold reached: polls are skipped without a request until the backoff ends (Camel counts
        // the poll that ends it among the backoffMultiplier polls)
        int skipped = 0;
        List<Exchange> recovered;
        while ((recovered = poll("backoff", "mock:backoff")).isEmpty()) {
            skipped++;
            assertThat(consumer.getBackoffCounter()).isEqualTo(skipped);
            assertThat(skipped).isLessThan(3);
        }
        assertThat(skipped).isEqualTo(2);
        assertThat(counters().apiCalls("getStationPricing")).isEqualTo(2 + 2);

        // nothing was recorded as seen while failing, so both stations come as new
        assertThat(recovered)
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactlyInAnyOrder("abc1", "zrh1");
        assertThat(consumer.getErrorCounter()).isZero();
        assertThat(consumer.getBackoffCounter()).isZero();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("HTTP 500", Fault.status(500), 1, ChimpyPosApiException.class),
                Arguments.of("HTTP 503", Fault.status(503), 1, ChimpyPosApiException.class),
                Arguments.of("HTTP 429", Fault.tooManyRequests(Duration.ofSeconds(30)), 1, ChimpyPosApiException.class),
                Arguments.of("an HTML page", Fault.respond(502, "text/html", "<html>"), 1, ChimpyPosApiException.class),
                // the component replays a GET once after an I/O error (ioErrorReplays=1)
                Arguments.of("a dropped connection", Fault.dropConnection(), 2, ChimpyPosException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureIsBridgedToTheErrorHandlerAndTheNextPollRecovers(
            String what, Fault fault, int times, Class<? extends Exception> expected) {
        emulator().control().failNextApiCalls(times, fault);

        assertThat(poll("bridged", "mock:bridged")).isEmpty();
        List<Exchange> dead = getMockEndpoint("mock:dead").getReceivedExchanges();
        assertThat(dead)
                .singleElement()
                .satisfies(e -> assertThat(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                        .isExactlyInstanceOf(expected));
        assertThat(consumer("bridged").getErrorCounter()).isEqualTo(1);

        assertThat(poll("bridged", "mock:bridged")).hasSize(1);
        assertThat(consumer("bridged").getErrorCounter()).isZero();
    }

    @Test
    void rejectedCredentialsFailThePoll() {
        assertThat(poll("wrong-password", "mock:users")).isEmpty();

        Exception caught = getMockEndpoint("mock:dead")
                .getReceivedExchanges()
                .get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught)
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED));
        assertThat(caught.getMessage()).doesNotContain("not-the-password");
        assertThat(counters().apiCalls()).isZero();
        assertThat(consumer("wrong-password").getErrorCounter()).isEqualTo(1);
    }

    @Test
    void anUnknownStationIsAnAnswerAboutItsKeyNotAFailure() {
        List<Exchange> polled = poll("unknown-station", "mock:unknown");

        assertThat(polled).hasSize(2);
        assertThat(header(polled.get(0), ChimpyPosConstants.ERROR_TYPE)).isEqualTo("station_not_found");
        assertThat(polled.get(0).getMessage().getHeader(ChimpyPosConstants.HTTP_STATUS))
                .isEqualTo(404);
        assertThat(polled.get(0).getMessage().getBody()).isNull();
        assertThat(header(polled.get(1), ChimpyPosConstants.STATION_ID)).isEqualTo("abc1");
        assertThat(consumer("unknown-station").getErrorCounter()).isZero();
    }

    @Test
    void aKeyTheApiKeepsFailingOnDoesNotHoldUpTheOthers() {
        emulator().control().failNextApiCalls(1, Fault.status(500));

        assertThat(poll("backoff", "mock:backoff")).isEmpty();
        List<Exchange> next = poll("backoff", "mock:backoff");

        // the poll after the failure starts with the key after the one that failed
        assertThat(next)
                .extracting(e -> header(e, ChimpyPosConstants.STATION_ID))
                .containsExactly("zrh1", "abc1");
    }
}
