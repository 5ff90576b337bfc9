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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.TokenFailureReason;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.camel.testsupport.LogCapture;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/** Password, client secret and tokens never show in URIs, toString(), exception messages or headers. */
class ChimpyPosSecretsTest extends ChimpyPosTestSupport {

    private static final String URI_PASSWORD = "uri-Passw0rd-4711";
    private static final String URI_SECRET = "uri-client-s3cret-0815";
    private static final String URI_PROXY_PASSWORD = "uri-pr0xy-pass-1234";

    @Test
    void secretsGivenInTheUriAreMaskedWhereCamelShowsTheUri() {
        Endpoint endpoint = context.getEndpoint(
                "chimpypos:checkUser?password=RAW(" + URI_PASSWORD + ")&clientSecret=RAW(" + URI_SECRET
                        + ")&proxyHost=proxy.example&proxyPort=3128&proxyAuthUsername=gw&proxyAuthPassword=RAW("
                        + URI_PROXY_PASSWORD + ")");

        assertThat(endpoint.toString())
                .doesNotContain(URI_PASSWORD)
                .doesNotContain(URI_SECRET)
                .doesNotContain(URI_PROXY_PASSWORD);
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain(URI_PASSWORD)
                .doesNotContain(URI_SECRET)
                .doesNotContain(URI_PROXY_PASSWORD);
        ChimpyPosConfiguration configuration = ((ChimpyPosEndpoint) endpoint).getConfiguration();
        assertThat(configuration.toString())
                .doesNotContain(URI_PASSWORD)
                .doesNotContain(URI_SECRET)
                .doesNotContain(URI_PROXY_PASSWORD)
                .contains("password=******")
                .contains("proxyAuthPassword=******");
        assertThat(configuration.toProxySettings().toString())
                .doesNotContain(URI_PROXY_PASSWORD)
                .contains("proxy.example:3128");
    }

    @Test
    void secretsGivenOnTheComponentNeverReachTheEndpointUri() {
        Endpoint endpoint = context.getEndpoint("chimpypos:checkUser?userCoupon=APPUSER1");

        assertThat(endpoint.getEndpointUri()).doesNotContain(credentials().password());
        assertThat(component().getConfiguration().toString())
                .doesNotContain(credentials().password());
    }

    @Test
    void theCatalogMarksTheSecrets() throws IOException {
        String catalog = readResource("META-INF/io/github/chimpypos/camel/chimpypos.json");

        assertThat(catalog).containsPattern("\"password\": \\{[^}]*\"secret\": true");
        assertThat(catalog).containsPattern("\"clientSecret\": \\{[^}]*\"secret\": true");
        assertThat(catalog).containsPattern("\"proxyAuthPassword\": \\{[^}]*\"secret\": true");
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        Exchange exchange = send("chimpypos:checkUser?userCoupon=APPUSER1&password=RAW(" + URI_PASSWORD + ")");

        assertThat(exchange.getException())
                .isInstanceOfSatisfying(
                        ChimpyPosAuthenticationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(TokenFailureReason.CREDENTIALS_REJECTED));
        assertThat(messagesOf(exchange.getException())).noneMatch(m -> m.contains(URI_PASSWORD));
        assertThat(counters().apiCalls()).isZero();
    }

    @Test
    void theTokenNeverShowsInHeadersOrExceptions() {
        Exchange ok = send("chimpypos:checkUser?userCoupon=APPUSER1");
        Exchange failed = send("chimpypos:getStationPricing?stationId=off1");
        ChimpyPosEndpoint endpoint =
                context.getEndpoint("chimpypos:checkUser?userCoupon=APPUSER1", ChimpyPosEndpoint.class);
        AccessToken token = endpoint.getTokenProvider().getToken();

        assertThat(ok.getMessage().getHeaders().values())
                .noneMatch(v -> String.valueOf(v).contains(token.value()));
        assertThat(messagesOf(failed.getException())).noneMatch(m -> m.contains(token.value()));
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void validationMessagesNeverEchoCredentialsInUrls() {
        assertThatThrownBy(() -> context.getEndpoint(
                        "chimpypos:checkUser?apiUrl=RAW(https://shop:" + URI_PASSWORD + "@pos.example)"))
                .satisfies(e -> assertThat(illegalArgument(e))
                        .hasMessageContaining("credentials in the URL are not supported")
                        .hasMessageNotContaining(URI_PASSWORD))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(URI_PASSWORD));
    }

    @Test
    void noLogLineAtAnyLevelShowsASecretOrAToken() {
        List<String> lines;
        AccessToken token;
        // The secrets of this scenario are set on the component, as the documentation advises: Camel itself logs raw
        // endpoint URIs at TRACE.
        try (LogCapture log = LogCapture.everything()) {
            send("chimpypos:checkUser?userCoupon=APPUSER1");
            emulator().control().revokeAccessTokens();
            send("chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb&batteryId=BAT0200");
            send("chimpypos:getStationPricing?stationId=off1");
            component().getConfiguration().setPassword(URI_PASSWORD);
            send("chimpypos:checkUser?userCoupon=FREECHARGE1&scope=other");
            token = context.getEndpoint("chimpypos:checkUser?userCoupon=APPUSER1", ChimpyPosEndpoint.class)
                    .getTokenProvider()
                    .getToken();
            lines = log.lines();
        }

        assertThat(lines).isNotEmpty().anyMatch(line -> line.contains("Authorization"));
        assertThat(lines)
                .noneMatch(line -> line.contains(credentials().password()))
                .noneMatch(line -> line.contains(credentials().clientSecret()))
                .noneMatch(line -> line.contains(URI_PASSWORD))
                .noneMatch(line -> line.contains(token.value()));
    }

    private static List<String> messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }

    private static String readResource(String name) throws IOException {
        try (var in = ChimpyPosSecretsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
