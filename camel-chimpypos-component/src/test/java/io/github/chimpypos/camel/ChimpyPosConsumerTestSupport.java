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

import java.util.List;

import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * Consumer tests drive the polls themselves: routes start with {@code startScheduler=false} and a test runs one
 * scheduled poll with {@link #poll(String)}, the very task Camel's scheduler runs (backoff, error counters and the
 * error handler bridge included), without waiting for a timer.
 */
abstract class ChimpyPosConsumerTestSupport extends ChimpyPosTestSupport {

    /** Options of a consumer polled by the test: no scheduler, no spreading. */
    static final String POLLED_BY_TEST = "startScheduler=false&spreadRequests=false";

    protected ChimpyPosConsumer consumer(String routeId) {
        return (ChimpyPosConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Runs one scheduled poll of the route's consumer and returns the exchanges it routed to {@code mock}. */
    protected List<Exchange> poll(String routeId, String mock) {
        return poll(routeId, mock, 1);
    }

    /** Runs {@code times} polls and returns every exchange they routed to {@code mock}. */
    protected List<Exchange> poll(String routeId, String mock, int times) {
        MockEndpoint endpoint = getMockEndpoint(mock);
        int before = endpoint.getReceivedCounter();
        for (int i = 0; i < times; i++) {
            consumer(routeId).run();
        }
        List<Exchange> received = endpoint.getReceivedExchanges();
        return List.copyOf(received.subList(before, received.size()));
    }

    static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }
}
