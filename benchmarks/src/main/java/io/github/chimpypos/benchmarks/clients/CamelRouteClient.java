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
package io.github.chimpypos.benchmarks.clients;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.chimpypos.benchmarks.emulator.Target;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * A client that goes through a Camel route {@code direct:pricing -> <producer uri>}, as an integration would: our
 * component and the camel-http peer; or {@code direct:pricing -> processor} around another client, which prices the
 * route itself. Each instance owns its CamelContext.
 */
final class CamelRouteClient implements PricingClient {

    private final ClientKind kind;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint entry;
    private final Function<Exchange, Object> result;
    private final PricingClient inner;

    CamelRouteClient(ClientKind kind, Target target, String producerUri, Function<Exchange, Object> result) {
        this(kind, target, route -> route.to(producerUri), null, result, Map.of());
    }

    /** As above, with {@code beans} bound in the context's registry for the producer URI to reference. */
    CamelRouteClient(
            ClientKind kind,
            Target target,
            String producerUri,
            Function<Exchange, Object> result,
            Map<String, Object> beans) {
        this(kind, target, route -> route.to(producerUri), null, result, beans);
    }

    /** A route whose only step is a processor calling {@code inner}; closing this client closes it. */
    CamelRouteClient(ClientKind kind, Target target, PricingClient inner, Function<Exchange, Object> result) {
        this(
                kind,
                target,
                route -> route.process(e -> e.getMessage().setBody(inner.getStationPricing())),
                inner,
                result,
                Map.of());
    }

    private CamelRouteClient(
            ClientKind kind,
            Target target,
            Consumer<RouteDefinition> step,
            PricingClient inner,
            Function<Exchange, Object> result,
            Map<String, Object> beans) {
        this.kind = kind;
        this.result = result;
        this.inner = inner;
        this.camel = new DefaultCamelContext();
        try {
            camel.getRegistry().bind(Tls.BEAN, Tls.sslContextParameters(target));
            beans.forEach(camel.getRegistry()::bind);
            camel.getShutdownStrategy().setTimeout(5);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    step.accept(from("direct:pricing").routeId(kind.label()));
                }
            });
            camel.start();
            this.template = camel.createProducerTemplate();
            this.entry = camel.getEndpoint("direct:pricing");
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start the " + kind.label() + " route", e);
        }
    }

    static String raw(Object value) {
        return "RAW(" + value + ")";
    }

    @Override
    public ClientKind kind() {
        return kind;
    }

    @Override
    public Object getStationPricing() throws Exception {
        Exchange exchange = template.request(entry, e -> {});
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return result.apply(exchange);
    }

    @Override
    public void close() {
        try {
            if (template != null) {
                template.close();
            }
        } catch (Exception e) {
            // closing the context below releases everything anyway
        }
        camel.stop();
        if (inner != null) {
            inner.close();
        }
    }
}
