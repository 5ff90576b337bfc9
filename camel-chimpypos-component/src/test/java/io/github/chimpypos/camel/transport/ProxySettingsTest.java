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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which targets go through the proxy, where the settings come from, and that the password never shows. */
class ProxySettingsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "localhost|127.*|[::1]; localhost; true",
                "localhost|127.*|[::1]; 127.0.0.1; true",
                "localhost|127.*|[::1]; ::1; true",
                "localhost|127.*|[::1]; [::1]; true",
                "localhost|127.*|[::1]; pos-api.chimpy.example; false",
                "*.corp.example, auth.example; pos.corp.example; true",
                "*.corp.example, auth.example; AUTH.example; true",
                "*.corp.example, auth.example; corp.example; false",
                "*.corp.example, auth.example; pos.corp.example.evil; false",
                "pos-*; pos-api.example; true",
            })
    void nonProxyHostsUseTheJvmSyntaxWithCommasToo(String nonProxyHosts, String target, boolean direct) {
        ProxySettings proxy = new ProxySettings("proxy.example", 3128, null, null, nonProxyHosts);

        assertThat(proxy.bypasses(target)).isEqualTo(direct);
        assertThat(proxy.proxyFor(target)).isEqualTo(direct ? null : proxy.proxyFor("elsewhere.example"));
    }

    @Test
    void anExplicitProxyAppliesToLoopbackToo() {
        ProxySettings proxy = ProxySettings.resolve("proxy.example", 3128, null, null, null);

        assertThat(proxy.proxyFor("127.0.0.1")).isNotNull();
        assertThat(proxy.proxyFor("localhost").toHostString()).isEqualTo("proxy.example:3128");
    }

    @Test
    void withoutOptionsTheJvmPropertiesDecideAndKeepTheirDefaultForLoopback() {
        ProxySettings proxy = ProxySettings.fromSystemProperties(
                Map.of("https.proxyHost", "proxy.example", "https.proxyPort", "8080")::get);

        assertThat(proxy.address()).isEqualTo("proxy.example:8080");
        assertThat(proxy.bypasses("127.0.0.1")).isTrue();
        assertThat(proxy.bypasses("pos-api.example")).isFalse();
        assertThat(ProxySettings.fromSystemProperties(Map.of("https.proxyHost", "proxy.example")::get)
                        .port())
                .isEqualTo(443);
        assertThat(ProxySettings.fromSystemProperties(Map.<String, String>of()::get))
                .isEqualTo(ProxySettings.NONE);
    }

    @Test
    void aBadJvmProxyPortNamesTheProperty() {
        assertThatThrownBy(() -> ProxySettings.fromSystemProperties(
                        Map.of("https.proxyHost", "proxy.example", "https.proxyPort", "squid")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https.proxyPort 'squid'");
    }

    @Test
    void thePasswordTakesPartInEqualityButNeverInToString() {
        ProxySettings one = new ProxySettings("proxy.example", 3128, "gw", "s3cret-one", null);
        ProxySettings two = new ProxySettings("proxy.example", 3128, "gw", "s3cret-two", null);

        assertThat(one).isNotEqualTo(two);
        assertThat(one.toString())
                .doesNotContain("s3cret-one")
                .contains("password=******")
                .contains("gw");
    }

    @Test
    void aProxyHostWithCredentialsInItIsRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> new ProxySettings("gw:s3cret@proxy.example", 3128, null, null, null).validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid option proxyHost")
                .hasMessageNotContaining("s3cret");
    }
}
