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
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections that never write HttpClient's wire log ({@code org.apache.hc.client5.http.wire}) and mask
 * credentials in its header log ({@code org.apache.hc.client5.http.headers}). Token requests carry the password or a
 * refresh token in their body, token responses carry tokens, and API requests carry the bearer token: enabling
 * HttpClient debug logging must not put any of them into a log.
 */
final class SecretSafeConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final SecretSafeConnectionFactory INSTANCE = new SecretSafeConnectionFactory();

    private static final Logger HEADER_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    /** Parts of a header name that mark it as carrying a credential, in either direction. */
    private static final Set<String> SENSITIVE_NAME_PARTS = Set.of(
            "authorization", "authenticat", "cookie", "token", "secret", "password", "api-key", "apikey", "session");

    private static final AtomicLong COUNTER = new AtomicLong();

    private SecretSafeConnectionFactory() {}

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        SecretSafeConnection connection = new SecretSafeConnection("chimpypos-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class SecretSafeConnection extends DefaultManagedHttpClientConnection {

        SecretSafeConnection(String id) {
            super(id);
        }

        // The superclass wraps the socket in a wire-logging holder when the wire log is enabled; never do that.
        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} >> {}", getId(), new RequestLine(request));
                logHeaders(">>", request.getHeaders());
            }
        }

        // The superclass logs response headers as they came, Set-Cookie included.
        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (response != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} << {}", getId(), new StatusLine(response));
                logHeaders("<<", response.getHeaders());
            }
        }

        private void logHeaders(String direction, Header[] headers) {
            for (Header header : headers) {
                HEADER_LOG.debug(
                        "{} {} {}: {}",
                        getId(),
                        direction,
                        header.getName(),
                        isSensitive(header.getName()) ? "******" : header.getValue());
            }
        }
    }

    static boolean isSensitive(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        for (String part : SENSITIVE_NAME_PARTS) {
            if (name.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
