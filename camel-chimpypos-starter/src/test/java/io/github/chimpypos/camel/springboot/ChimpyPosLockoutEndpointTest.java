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
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderState;
import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The actuator reset: after the password is fixed at the token service, the reset lets the next call succeed. */
class ChimpyPosLockoutEndpointTest {

    @RegisterExtension
    static final ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();

    @Test
    void theActuatorResetEndsTheCredentialsLockout(ChimpyPosEmulator emulator) {
        EmulatorSupport.runner(emulator, ChimpyPosActuatorAutoConfiguration.class)
                .withPropertyValues("camel.component.chimpypos.token-max-retries=0")
                .run(context -> {
                    ObservableTokenProvider provider = context.getBean(ObservableTokenProvider.class);
                    ChimpyPosLockoutEndpoint endpoint = context.getBean(ChimpyPosLockoutEndpoint.class);
                    emulator.control()
                            .failNextTokenCalls(
                                    1,
                                    io.github.chimpypos.emulator.Fault.respond(
                                            403,
                                            "application/json",
                                            "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}"));

                    assertThat(catchThrowable(provider::getToken)).hasMessageContaining("Wrong email or password.");
                    assertThat(endpoint.lockouts().values())
                            .singleElement()
                            .satisfies(e -> assertThat(e).containsEntry("state", "CREDENTIALS_LOCKED"));
                    long calls = emulator.control().counters().tokenCalls();

                    endpoint.resetCredentialsLockout();

                    assertThat(provider.getToken()).isNotNull();
                    assertThat(provider.status().state()).isEqualTo(TokenProviderState.VALID);
                    assertThat(emulator.control().counters().tokenCalls()).isEqualTo(calls + 1);
                });
    }
}
