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

/** A client under test: each call fetches the pricing of one station and returns it parsed. Thread-safe. */
public interface PricingClient extends AutoCloseable {

    ClientKind kind();

    /**
     * Fetches and parses the pricing of the benchmark station.
     *
     * @throws Exception on any failure, a non-200 answer included
     */
    Object getStationPricing() throws Exception;

    @Override
    void close();
}
