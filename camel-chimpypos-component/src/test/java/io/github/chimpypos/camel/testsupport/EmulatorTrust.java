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
package io.github.chimpypos.camel.testsupport;

import java.nio.file.Path;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** TLS settings that trust exactly the emulator's generated certificate, as a user would configure them. */
public final class EmulatorTrust {

    private EmulatorTrust() {}

    public static SSLContextParameters of(ChimpyPosEmulator emulator) {
        return of(emulator.trustStorePath(), emulator.trustStorePassword());
    }

    /** The same from the trust store's file and password, e.g. where the emulator object cannot be passed. */
    public static SSLContextParameters of(Path trustStorePath, String trustStorePassword) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + trustStorePath.toAbsolutePath());
        trustStore.setPassword(trustStorePassword);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
