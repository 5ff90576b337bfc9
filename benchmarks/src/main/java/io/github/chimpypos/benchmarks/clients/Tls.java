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

import io.github.chimpypos.benchmarks.emulator.Target;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** Camel's TLS configuration trusting the emulator's self-signed certificate, bound as {@code #tls}. */
public final class Tls {

    public static final String BEAN = "tls";

    private Tls() {}

    public static SSLContextParameters sslContextParameters(Target target) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + target.trustStorePath().toAbsolutePath());
        trustStore.setPassword(target.trustStorePassword());
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
