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
package io.github.chimpypos.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The password and the client secret never show: not in actuator's env (values shown on purpose), nor in logs. */
@ExtendWith(OutputCaptureExtension.class)
class ChimpyPosSecretsTest {

    private static final String PASSWORD_FROM_ENV = "Env-Passw0rd-4711";
    private static final String CLIENT_SECRET = "Client-S3cret-0815";

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    private final Sanitizer sanitizer = new Sanitizer(List.of(ChimpyPosSecrets.sanitizingFunction()));

    /** Why the starter brings a sanitizing function: Spring Boot 4 masks by key name only through such functions. */
    @Test
    void springBootAloneMasksEverythingByDefaultButNothingOnceValuesAreShown() {
        SanitizableData password = new SanitizableData(null, "camel.component.chimpypos.password", "pw");
        Sanitizer bootDefault = new Sanitizer();
        assertThat(bootDefault.sanitize(password, false)).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(bootDefault.sanitize(password, true)).isEqualTo("pw");
        assertThat(sanitizer.sanitize(password, true)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void secretKeysAreMaskedEvenWhenValuesAreShown() {
        for (String key : List.of(
                "camel.component.chimpypos.password",
                "camel.component.chimpypos.client-secret",
                "camel.component.chimpypos.clientSecret",
                "CAMEL_COMPONENT_CHIMPYPOS_PASSWORD",
                "CAMEL_COMPONENT_CHIMPYPOS_CLIENT_SECRET",
                "CAMEL_COMPONENT_CHIMPYPOS_CLIENTSECRET",
                "camel.ssl.trust-managers.key-store.password",
                "camel.component.chimpypos.token-store.encryption-key",
                "camel.component.chimpypos.token-store.previous-encryption-key",
                "CAMEL_COMPONENT_CHIMPYPOS_TOKENSTORE_ENCRYPTIONKEY")) {
            assertThat(sanitizer.sanitize(new SanitizableData(null, key, "value-of-" + key), true))
                    .as(key)
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
    }

    @Test
    void ordinaryKeysStayReadable() {
        for (String key : List.of(
                "camel.component.chimpypos.api-url",
                "camel.component.chimpypos.token-url",
                "camel.component.chimpypos.username",
                "camel.component.chimpypos.token-max-wait")) {
            assertThat(sanitizer.sanitize(new SanitizableData(null, key, "plain"), true))
                    .as(key)
                    .isEqualTo("plain");
        }
    }

    @Test
    void anOptionTheCatalogMarksSecretIsMaskedWhateverItsName() {
        Set<String> secrets = Set.of("pinCode");
        assertThat(ChimpyPosSecrets.isSecretOption("camel.component.chimpypos.pin-code", secrets))
                .isTrue();
        assertThat(ChimpyPosSecrets.isSecretOption("CAMEL_COMPONENT_CHIMPYPOS_PIN_CODE", secrets))
                .isTrue();
        assertThat(ChimpyPosSecrets.isSecretOption("other.pin-code", secrets)).isFalse();
        assertThat(ChimpyPosSecrets.isSecretOption("camel.component.chimpypos.pin", secrets))
                .isFalse();
    }

    @Test
    void environmentEndpointWithShowValuesAlwaysMasksSecretsFromEnvironmentVariables() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChimpyPosActuatorAutoConfiguration.class))
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "systemEnvironment-test",
                                Map.of(
                                        "CAMEL_COMPONENT_CHIMPYPOS_PASSWORD", PASSWORD_FROM_ENV,
                                        "CAMEL_COMPONENT_CHIMPYPOS_CLIENT_SECRET", CLIENT_SECRET,
                                        "CAMEL_COMPONENT_CHIMPYPOS_USERNAME", "shop-user"))))
                .run(context -> {
                    List<SanitizingFunction> functions = new ArrayList<>(
                            context.getBeansOfType(SanitizingFunction.class).values());
                    assertThat(functions).hasSize(1);
                    EnvironmentEndpoint endpoint =
                            new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS);
                    Map<String, Object> shown = shownValues(endpoint.environment(null));
                    assertThat(shown)
                            .containsEntry("CAMEL_COMPONENT_CHIMPYPOS_PASSWORD", SanitizableData.SANITIZED_VALUE)
                            .containsEntry("CAMEL_COMPONENT_CHIMPYPOS_CLIENT_SECRET", SanitizableData.SANITIZED_VALUE)
                            .containsEntry("CAMEL_COMPONENT_CHIMPYPOS_USERNAME", "shop-user");
                    assertThat(shown.values()).doesNotContain(PASSWORD_FROM_ENV, CLIENT_SECRET);
                    assertThat(endpoint.environmentEntry("camel.component.chimpypos.password")
                                    .getProperty()
                                    .getValue())
                            .isEqualTo(SanitizableData.SANITIZED_VALUE);
                });
    }

    @Test
    void configpropsWithShowValuesAlwaysMasksSecretsAndReferencesBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        CamelAutoConfiguration.class,
                        ChimpyPosComponentConverter.class,
                        ChimpyPosComponentAutoConfiguration.class,
                        ChimpyPosActuatorAutoConfiguration.class))
                .withBean("shopTrust", SSLContextParameters.class, SSLContextParameters::new)
                .withPropertyValues(
                        "camel.component.chimpypos.api-url=https://pos.example.test",
                        "camel.component.chimpypos.password=" + PASSWORD_FROM_ENV,
                        "camel.component.chimpypos.client-secret=" + CLIENT_SECRET,
                        "camel.component.chimpypos.ssl-context-parameters=#bean:shopTrust")
                .run(context -> {
                    ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
                            context.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
                    endpoint.setApplicationContext(context);
                    Map<String, Object> properties = endpoint.configurationPropertiesWithPrefix(
                                    ChimpyPosComponentAutoConfiguration.PREFIX)
                            .getContexts()
                            .values()
                            .iterator()
                            .next()
                            .getBeans()
                            .values()
                            .iterator()
                            .next()
                            .getProperties();
                    assertThat(properties)
                            .doesNotContainKey("error")
                            .containsEntry("apiUrl", "https://pos.example.test")
                            .containsEntry("password", SanitizableData.SANITIZED_VALUE)
                            .containsEntry("clientSecret", SanitizableData.SANITIZED_VALUE)
                            .containsEntry("sslContextParameters", Map.of());
                    assertThat(properties.toString()).doesNotContain(PASSWORD_FROM_ENV, CLIENT_SECRET);
                });
    }

    @Test
    void applicationsCanReplaceTheSanitizingFunction() {
        SanitizingFunction own = SanitizingFunction.sanitizeValue().ifKeyContains("pin");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChimpyPosActuatorAutoConfiguration.class))
                .withBean("chimpyPosSanitizingFunction", SanitizingFunction.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(SanitizingFunction.class)).isSameAs(own));
    }

    @Test
    void noSecretInTheLogsOfAFailedAndASuccessfulTokenLifecycle(ChimpyPosEmulator emulator, CapturedOutput output) {
        ApplicationContextRunner runner =
                EmulatorSupport.runner(emulator).withPropertyValues("camel.component.chimpypos.token-max-retries=0");
        String wrongPassword = "Wr0ng-Passw0rd-in-logs";
        runner.withPropertyValues("camel.component.chimpypos.password=" + wrongPassword)
                .run(context -> assertThatThrownBy(
                                () -> context.getBean(TokenProvider.class).getToken())
                        .isInstanceOf(ChimpyPosAuthenticationException.class)
                        .hasMessageNotContaining(wrongPassword));
        String[] accessToken = new String[1];
        runner.run(context ->
                accessToken[0] = context.getBean(TokenProvider.class).getToken().value());

        // the provider logs a new token on its own thread, just after handing it out
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Obtained a Chimpy access token"));
        assertThat(output.getAll())
                .contains("rejected")
                .doesNotContain(wrongPassword)
                .doesNotContain(emulator.credentials().password())
                .doesNotContain(accessToken[0]);
    }

    /** Every value the endpoint shows, by property name, over all property sources. */
    private static Map<String, Object> shownValues(EnvironmentDescriptor descriptor) {
        Map<String, Object> values = new java.util.HashMap<>();
        descriptor
                .getPropertySources()
                .forEach(source -> source.getProperties().forEach((name, value) -> values.put(name, value.getValue())));
        return values;
    }
}
