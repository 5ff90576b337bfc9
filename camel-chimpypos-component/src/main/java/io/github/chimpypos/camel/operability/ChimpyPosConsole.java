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
package io.github.chimpypos.camel.operability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import io.github.chimpypos.camel.auth.TokenProviderStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * Dev console {@code chimpypos}: the chimpypos endpoints (operation, API and token service, client id) and the state
 * of their token providers, as text or JSON. Reads state only: it never requests a token. Shows no secret.
 */
@DevConsole(
        name = "chimpypos",
        displayName = "Chimpy PoS",
        description = "Chimpy PoS endpoints and the state of their access tokens")
public class ChimpyPosConsole extends AbstractDevConsole {

    public ChimpyPosConsole() {
        super("camel", "chimpypos", "Chimpy PoS", "Chimpy PoS endpoints and the state of their access tokens");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        Map<TokenProvider, ProviderView> providers = providers();
        List<ChimpyPosEndpoint> endpoints = endpoints();
        StringBuilder text = new StringBuilder();
        text.append("Token providers: ").append(providers.size()).append('\n');
        for (ProviderView view : providers.values()) {
            TokenProviderStatus status = view.status();
            TokenProviderHealth health = TokenProviderHealth.of(status);
            text.append("\n    ").append(view.name()).append('\n');
            line(text, "Health", (health.up() ? "UP - " : "DOWN - ") + health.message());
            line(text, "Endpoints", view.users());
            TokenStatusView.of(status).appendText(text);
        }
        text.append("\nEndpoints: ").append(endpoints.size()).append('\n');
        for (ChimpyPosEndpoint endpoint : endpoints) {
            ChimpyPosConfiguration configuration = endpoint.getConfiguration();
            text.append("\n    ")
                    .append(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                    .append('\n');
            line(text, "Operation", endpoint.getOperation());
            line(text, "API URL", sanitize(configuration.getApiUrl()));
            line(text, "Token URL", sanitize(configuration.getTokenUrl()));
            line(text, "Client id", configuration.getClientId());
            line(text, "Grant type", configuration.getGrantType());
            line(text, "Token provider", providerName(endpoint, providers));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<TokenProvider, ProviderView> providers = providers();
        List<JsonObject> providerList = new ArrayList<>();
        for (ProviderView view : providers.values()) {
            TokenProviderStatus status = view.status();
            TokenProviderHealth health = TokenProviderHealth.of(status);
            JsonObject json = new JsonObject();
            json.put("name", view.name());
            if (view.identity() != null) {
                json.put("clientId", view.identity().clientId());
                json.put("tokenUrl", view.identity().tokenUrl());
                json.put("grantType", view.identity().grantType());
                putIfNotNull(json, "audience", view.identity().audience());
            }
            json.put("endpoints", view.users());
            json.put("up", health.up());
            json.put("message", health.message());
            TokenStatusView.of(status).putJson(json);
            providerList.add(json);
        }
        List<JsonObject> endpointList = new ArrayList<>();
        for (ChimpyPosEndpoint endpoint : endpoints()) {
            ChimpyPosConfiguration configuration = endpoint.getConfiguration();
            JsonObject json = new JsonObject();
            json.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            json.put("operation", endpoint.getOperation().name());
            putIfNotNull(json, "apiUrl", sanitize(configuration.getApiUrl()));
            putIfNotNull(json, "tokenUrl", sanitize(configuration.getTokenUrl()));
            putIfNotNull(json, "clientId", configuration.getClientId());
            json.put("grantType", configuration.getGrantType().name());
            putIfNotNull(json, "tokenProvider", providerName(endpoint, providers));
            endpointList.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("tokenProviders", providerList);
        root.put("endpoints", endpointList);
        return root;
    }

    /** A provider as shown: the shared ones of every chimpypos component, then custom managed ones. */
    private record ProviderView(
            String name, TokenProviderIdentity identity, ObservableTokenProvider provider, int users) {
        TokenProviderStatus status() {
            return provider.status();
        }
    }

    private Map<TokenProvider, ProviderView> providers() {
        Map<TokenProvider, ProviderView> views = new LinkedHashMap<>();
        CamelContext context = getCamelContext();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof ChimpyPosComponent chimpyPos) {
                for (ObservableTokenProvider provider :
                        chimpyPos.getTokenProviderRegistry().providers()) {
                    views.put(
                            provider,
                            view(provider, chimpyPos.getTokenProviderRegistry().users(provider), false));
                }
            }
        }
        Map<ObservableTokenProvider, Integer> custom = new LinkedHashMap<>();
        for (ChimpyPosEndpoint endpoint : endpoints()) {
            if (endpoint.getTokenProvider() instanceof ObservableTokenProvider managed && !views.containsKey(managed)) {
                custom.merge(managed, 1, Integer::sum);
            }
        }
        custom.forEach((provider, users) -> views.put(provider, view(provider, users, true)));
        return views;
    }

    private static ProviderView view(ObservableTokenProvider provider, int users, boolean custom) {
        TokenProviderIdentity identity = provider.identity();
        String name =
                identity != null ? identity.displayName() : provider.getClass().getName();
        return new ProviderView(custom ? "custom " + name : name, identity, provider, users);
    }

    private static String providerName(ChimpyPosEndpoint endpoint, Map<TokenProvider, ProviderView> providers) {
        TokenProvider provider = endpoint.getTokenProvider();
        if (provider == null) {
            return "none (endpoint stopped)";
        }
        ProviderView view = providers.get(provider);
        return view != null ? view.name() : "custom " + provider.getClass().getName() + " (no status)";
    }

    private List<ChimpyPosEndpoint> endpoints() {
        List<ChimpyPosEndpoint> endpoints = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof ChimpyPosEndpoint chimpyPos) {
                endpoints.add(chimpyPos);
            }
        }
        return endpoints;
    }

    private static void line(StringBuilder text, String label, Object value) {
        if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
            text.append("        ").append(label).append(": ").append(value).append('\n');
        }
    }

    private static void putIfNotNull(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String sanitize(String url) {
        return url != null ? URISupport.sanitizeUri(url.trim()) : null;
    }
}
