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
package io.github.chimpypos.emulator.internal.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence: a bug in a handler becomes a logged 500 instead of a silently dropped connection, and the
 * exchange is always closed so the worker is freed.
 */
final class GuardedHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedHandler.class);

    private final HttpHandler delegate;

    GuardedHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            delegate.handle(exchange);
        } catch (IOException e) {
            // the client went away or broke the connection: nothing to answer
            LOG.debug(
                    "I/O error on {} {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.error(
                    "Emulator bug while handling {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    e);
            try {
                Responses.json(exchange, 500, Responses.plainError("internal emulator error"));
            } catch (IOException | RuntimeException ignored) {
                // the response may already be under way; the connection is closed below
            }
        } finally {
            exchange.close();
        }
    }
}
