package io.github.chimpypos.benchmarks.clients;

import io.github.chimpypos.benchmarks.target.Target;
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
