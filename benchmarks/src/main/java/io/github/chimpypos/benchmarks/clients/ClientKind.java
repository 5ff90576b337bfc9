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

/** The ways of calling the station-pricing operation that the suite puts side by side. */
public enum ClientKind {
    /** Our component: {@code direct:} route to {@code chimpypos:getStationPricing}, shared TokenProvider. */
    OURS("chimpypos", "chimpypos component (route direct -> chimpypos)"),
    /** The floor: Apache HttpClient 5 classic with a bearer token fetched once before the run. */
    FLOOR("floor", "HttpClient 5, static pre-fetched token"),
    /** The peer users would pick instead: camel-http with its OAuth2 client-credentials options, tokens cached. */
    PEER("camel-http", "camel-http OAuth2 client credentials, oauth2CacheTokens=true"),
    /** The client the Chimpy docs warn about: a token fetched for every request. */
    NAIVE("naive", "HttpClient 5, token fetched per request"),
    /**
     * The floor's own code called from a processor in the same kind of route as ours: what the Camel route costs by
     * itself, so that ours against it is what the component adds. Measured in the overhead scenario only.
     */
    ROUTE_FLOOR("floor in a route", "the floor's HttpClient code in a processor of a route direct -> processor");

    private final String label;
    private final String description;

    ClientKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
