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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.chimpypos.benchmarks.emulator.Target;
import io.github.chimpypos.camel.store.TokenStore;
import org.apache.camel.Exchange;

/** Builds the clients under test, all with the same pool size and the same TLS trust. */
public final class Clients {

    private Clients() {}

    public static PricingClient create(ClientKind kind, Target target, ClientOptions options) {
        return switch (kind) {
            case FLOOR, NAIVE -> new RawHttpClient(kind, target, options);
            case OURS -> new CamelRouteClient(kind, target, oursUri(target, options), Clients::ourBody);
            case PEER -> new CamelRouteClient(kind, target, peerUri(target, options), Clients::parsePeerBody);
            case ROUTE_FLOOR ->
                new CamelRouteClient(
                        kind, target, new RawHttpClient(ClientKind.FLOOR, target, options), Clients::ourBody);
        };
    }

    /** The URI of a {@code chimpypos:getStationPricing} endpoint for {@code stationId} on {@code target}. */
    public static String oursUri(Target target, ClientOptions options, String stationId) {
        StringBuilder uri = new StringBuilder("chimpypos:getStationPricing?stationId=")
                .append(stationId)
                .append("&apiUrl=")
                .append(CamelRouteClient.raw(target.apiUrl()))
                .append("&tokenUrl=")
                .append(CamelRouteClient.raw(target.tokenUrl()))
                .append("&clientId=")
                .append(CamelRouteClient.raw(target.clientId()))
                .append("&audience=")
                .append(CamelRouteClient.raw(target.audience()))
                .append("&username=")
                .append(CamelRouteClient.raw(target.username()))
                .append("&password=")
                .append(CamelRouteClient.raw(target.password()))
                .append("&sslContextParameters=#")
                .append(Tls.BEAN)
                .append("&maxConnections=")
                .append(options.maxConnections());
        if (options.refreshMargin() != null) {
            uri.append("&refreshMargin=")
                    .append(options.refreshMargin().toMillis())
                    .append("ms");
        }
        return uri.toString();
    }

    /**
     * Ours with a token store: the endpoint's {@code tokenStore} option references {@code store}. Each client owns its
     * CamelContext, so each is one instance of a cluster with its own token provider.
     */
    public static PricingClient oursWithStore(Target target, ClientOptions options, TokenStore store) {
        return new CamelRouteClient(
                ClientKind.OURS,
                target,
                oursUri(target, options) + "&tokenStore=#tokenStore",
                Clients::ourBody,
                Map.of("tokenStore", store));
    }

    static String oursUri(Target target, ClientOptions options) {
        return oursUri(target, options, Target.STATION_ID);
    }

    /**
     * camel-http's https endpoint with its OAuth2 client-credentials options and token caching on. camel-http has no
     * {@code audience} option, which an Auth0-style token service without a default audience requires; it appends
     * {@code oauth2Scope} to the form body unencoded, so the audience rides along there.
     */
    public static String peerUri(Target target, ClientOptions options) {
        String audience = "&audience=" + URLEncoder.encode(target.audience(), StandardCharsets.UTF_8);
        return target.pricingUri()
                + "?httpMethod=GET"
                + "&oauth2Scope=" + CamelRouteClient.raw(audience)
                + "&oauth2ClientId=" + CamelRouteClient.raw(target.clientId())
                + "&oauth2ClientSecret=" + CamelRouteClient.raw(target.clientSecret())
                + "&oauth2TokenEndpoint=" + CamelRouteClient.raw(target.tokenUrl())
                + "&oauth2BodyAuthentication=true"
                + "&oauth2CacheTokens=true"
                + "&oauth2CachedTokensExpirationMarginSeconds=" + options.peerExpiryMarginSeconds()
                + "&connectionsPerRoute=" + options.maxConnections()
                + "&maxTotalConnections=" + options.maxConnections()
                + "&sslContextParameters=#" + Tls.BEAN;
    }

    private static Object ourBody(Exchange exchange) {
        return exchange.getMessage().getBody();
    }

    /** camel-http hands back the raw body; parse it as the floor does, into the same model type. */
    private static Object parsePeerBody(Exchange exchange) {
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            return Http5.parsePricing(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
