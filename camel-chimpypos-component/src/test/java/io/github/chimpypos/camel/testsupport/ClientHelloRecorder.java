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

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP listener at 127.0.0.1 that reads the TLS ClientHello of the first connection, records the protocol versions
 * the client offers, and closes the connection: it shows what a client would negotiate, independently of what the
 * server side of this JVM would accept.
 */
public final class ClientHelloRecorder implements AutoCloseable {

    private static final int HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    private static final int SUPPORTED_VERSIONS = 43;

    private final ServerSocket socket;
    private final CompletableFuture<List<String>> offered = new CompletableFuture<>();

    public ClientHelloRecorder() throws IOException {
        socket = new ServerSocket(0, 4, InetAddress.getByName("127.0.0.1"));
        Thread thread = new Thread(this::recordOne, "client-hello-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public String url(String path) {
        return "https://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** The versions offered by the first ClientHello, e.g. {@code [TLSv1.3, TLSv1.2]}. */
    public List<String> offeredVersions() throws Exception {
        return offered.get(10, TimeUnit.SECONDS);
    }

    private void recordOne() {
        try (Socket client = socket.accept()) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            if (in.readUnsignedByte() != HANDSHAKE) {
                throw new IOException("not a TLS handshake record");
            }
            in.readUnsignedShort(); // record version
            byte[] record = new byte[in.readUnsignedShort()];
            in.readFully(record);
            offered.complete(parseClientHello(record));
        } catch (Exception e) {
            offered.completeExceptionally(e);
        }
    }

    static List<String> parseClientHello(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(record));
        if (in.readUnsignedByte() != CLIENT_HELLO) {
            throw new IOException("not a ClientHello");
        }
        in.skipBytes(3); // handshake length
        int legacyVersion = in.readUnsignedShort();
        in.skipBytes(32); // random
        in.skipBytes(in.readUnsignedByte()); // session id
        in.skipBytes(in.readUnsignedShort()); // cipher suites
        in.skipBytes(in.readUnsignedByte()); // compression methods
        int extensionsLeft = in.readUnsignedShort();
        while (extensionsLeft > 0) {
            int type = in.readUnsignedShort();
            int length = in.readUnsignedShort();
            extensionsLeft -= 4 + length;
            if (type != SUPPORTED_VERSIONS) {
                in.skipBytes(length);
                continue;
            }
            List<String> versions = new ArrayList<>();
            int listLength = in.readUnsignedByte();
            for (int i = 0; i < listLength / 2; i++) {
                versions.add(name(in.readUnsignedShort()));
            }
            return versions;
        }
        return List.of(name(legacyVersion)); // no extension: only the legacy version is offered
    }

    private static String name(int version) {
        return switch (version) {
            case 0x0304 -> "TLSv1.3";
            case 0x0303 -> "TLSv1.2";
            case 0x0302 -> "TLSv1.1";
            case 0x0301 -> "TLSv1";
            case 0x0300 -> "SSLv3";
            default -> String.format("0x%04x", version);
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
