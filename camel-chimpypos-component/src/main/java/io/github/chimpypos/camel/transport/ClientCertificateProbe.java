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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Tells a server that refuses our TLS client (typically for want of a trusted client certificate) from one that broke
 * a connection for any other reason. With TLS 1.3 the server checks the client certificate after the client has
 * finished its handshake: the client writes its request, the server sends an alert (some servers, the JDK's among
 * them, send none) and closes, and the client then reads the alert, a reset, a broken pipe or an empty answer, by
 * chance. The probe opens one more connection, completes the handshake and writes nothing: a server that accepted
 * it waits for a request, one that refuses it says so or hangs up at once. It sends no request and no credential.
 */
public final class ClientCertificateProbe {

    /**
     * The longest the probe listens after its handshake: a refusal comes one round trip after the client's last
     * handshake message, a server that accepted us says nothing.
     */
    static final Duration MAX_LISTEN = Duration.ofMillis(500);

    /**
     * A refusal at the TLS level.
     *
     * @param evidence             what the server did, e.g. the TLS alert it sent; never a secret
     * @param certificatePresented whether we presented a client certificate (then the server did not trust it)
     */
    public record Refusal(String evidence, boolean certificatePresented) {}

    private static final String[] CLIENT_CERTIFICATE_ALERTS = {
        "certificate_required", "bad_certificate", "unknown_ca", "certificate_unknown"
    };

    private ClientCertificateProbe() {}

    /**
     * The client-certificate alert named anywhere in the cause chain of a TLS failure, or null: what a server that
     * refused our certificate (or its absence) said, when we got to read it.
     */
    public static String clientCertificateAlert(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof SSLException) {
                for (String alert : CLIENT_CERTIFICATE_ALERTS) {
                    if (message.contains(alert)) {
                        return alert;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Connects to {@code url} over TLS as the HTTP client would ({@code sslContext}, null for the JVM default; host
     * name verified), completes the handshake and listens briefly without writing anything.
     *
     * @return the refusal, or null when the server accepted the connection or could not be reached at all (an outage)
     */
    public static Refusal refusal(SSLContext sslContext, URI url, Duration connectTimeout) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return null;
        }
        int port = url.getPort() >= 0 ? url.getPort() : 443;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(url.getHost(), port), connectMillis);
            plain.setSoTimeout((int) Math.min(connectMillis, MAX_LISTEN.toMillis()));
            try (SSLSocket tls =
                    (SSLSocket) context(sslContext).getSocketFactory().createSocket(plain, url.getHost(), port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                try {
                    tls.startHandshake();
                } catch (SSLException | SocketException e) {
                    // It took the TCP connection, so it is up: it refuses our TLS client (TLS 1.2 judges the client
                    // certificate here, and the JDK's server, for one, hangs up without an alert).
                    return new Refusal(evidence(e, "the server broke off the TLS handshake"), false);
                }
                return listen(tls);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** After a completed handshake, before any request: only TLS 1.3 servers judge the client's handshake now. */
    private static Refusal listen(SSLSocket tls) throws IOException {
        boolean presented = tls.getSession().getLocalCertificates() != null;
        boolean tls13 = "TLSv1.3".equals(tls.getSession().getProtocol());
        try {
            int first = tls.getInputStream().read();
            return first < 0 && tls13
                    ? new Refusal("the server hung up right after the TLS 1.3 handshake, before any request", presented)
                    : null;
        } catch (SocketTimeoutException e) {
            return null; // it waits for a request: it accepted us
        } catch (SSLException | SocketException e) {
            return tls13 || clientCertificateAlert(e) != null
                    ? new Refusal(evidence(e, "the server broke the connection right after the handshake"), presented)
                    : null;
        }
    }

    private static String evidence(IOException e, String otherwise) {
        String alert = clientCertificateAlert(e);
        return alert != null
                ? "TLS alert " + alert
                : otherwise + " (" + e.getClass().getSimpleName() + ")";
    }

    private static SSLContext context(SSLContext configured) throws IOException {
        if (configured != null) {
            return configured;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("No default TLS context", e);
        }
    }
}
