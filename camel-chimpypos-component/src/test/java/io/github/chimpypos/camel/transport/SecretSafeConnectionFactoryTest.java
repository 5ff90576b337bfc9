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
package io.github.chimpypos.camel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.chimpypos.camel.testsupport.LogCapture;
import io.github.chimpypos.camel.testsupport.TestCertificates;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which header values the header log masks, requests and responses alike. */
class SecretSafeConnectionFactoryTest {

    @ParameterizedTest(name = "{0}: masked {1}")
    @CsvSource({
        "Authorization, true",
        "Proxy-Authorization, true",
        "WWW-Authenticate, true",
        "Cookie, true",
        "Set-Cookie, true",
        "X-Refresh-Token, true",
        "x-api-key, true",
        "X-Session-Id, true",
        "Content-Type, false",
        "Retry-After, false",
        "x-ratelimit-reset, false",
        "Date, false"
    })
    void tokenBearingHeadersAreMaskedInBothDirections(String name, boolean masked) {
        assertThat(SecretSafeConnectionFactory.isSensitive(name)).isEqualTo(masked);
    }

    /**
     * Invariant: with HttpClient's header log on, a real exchange logs its headers in both directions, and neither
     * the bearer token sent nor the cookie or token header received appears in any log line.
     */
    @Test
    void realExchangeLogsHeadersBothWaysWithoutTheTokenSentOrTheCookieReceived() throws Exception {
        String bearer = "bearer-value-sent-7c1d9e";
        String session = "session-value-received-51aa0f";
        String refresh = "refresh-value-received-93be42";
        TestCertificates.Identity server = TestCertificates.server("localhost", "127.0.0.1");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        https.setHttpsConfigurator(new HttpsConfigurator(server.sslContext()));
        https.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "session=" + session + "; Secure; HttpOnly");
            exchange.getResponseHeaders().add("X-Refresh-Token", refresh);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        https.start();
        List<String> lines;
        try (CloseableHttpClient client = HttpClientFactory.create(new HttpClientSettings(
                        TestCertificates.client("log-test").sslContext(server.certificate()),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        1));
                LogCapture log = LogCapture.everything()) {
            HttpGet get = new HttpGet("https://127.0.0.1:" + https.getAddress().getPort() + "/api/v2/users/U1");
            get.setHeader("Authorization", "Bearer " + bearer);
            int status = client.execute(get, response -> response.getCode());
            assertThat(status).isEqualTo(200);
            lines = log.lines();
        } finally {
            https.stop(0);
        }

        // the JDK server sends header names as Set-cookie, X-refresh-token
        List<String> lower =
                lines.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
        assertThat(lower).anyMatch(line -> line.contains(">> authorization: ******"));
        assertThat(lower).anyMatch(line -> line.contains("<< set-cookie: ******"));
        assertThat(lower).anyMatch(line -> line.contains("<< x-refresh-token: ******"));
        assertThat(lower)
                .as("the header log is on")
                .anyMatch(line -> line.contains("<< content-type: application/json"));
        assertThat(lines).noneMatch(line -> line.contains(bearer) || line.contains(session) || line.contains(refresh));
    }
}
