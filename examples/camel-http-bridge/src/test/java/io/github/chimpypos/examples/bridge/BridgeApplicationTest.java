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
package io.github.chimpypos.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The example as it runs: both routes answered, with a single token call between them. */
class BridgeApplicationTest {

    @Test
    void aTypedOperationAndAnUntypedEndpointShareOneToken() throws Exception {
        BridgeReport report = BridgeApplication.run();

        assertThat(report.typedStatus()).isNotBlank().isNotEqualTo("error");
        assertThat(report.untypedJson()).contains("\"user\"").contains("\"status\"");
        assertThat(report.tokenCalls()).isEqualTo(1);
        assertThat(report.render()).contains("token calls for both      -> 1");
    }
}
