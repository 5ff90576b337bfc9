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
package io.github.chimpypos.camel.store.hazelcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Real Hazelcast members in this JVM, joined over TCP on 127.0.0.1 with free ports: no multicast, nothing leaves
 * the machine.
 */
final class LoopbackCluster implements AutoCloseable {

    private final String name = "chimpypos-test-" + UUID.randomUUID();
    private final List<Integer> ports = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();

    LoopbackCluster(int size) {
        for (int i = 0; i < size; i++) {
            ports.add(freePort());
        }
        for (int port : ports) {
            members.add(Hazelcast.newHazelcastInstance(config(port)));
        }
    }

    HazelcastInstance member(int index) {
        return members.get(index);
    }

    /** A client of the cluster, as an application that does not host grid data would use it. */
    HazelcastInstance newClient() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "slf4j");
        for (int port : ports) {
            config.getNetworkConfig().addAddress("127.0.0.1:" + port);
        }
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        members.add(client);
        return client;
    }

    private Config config(int port) {
        Config config = new Config();
        config.setClusterName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : ports) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        }
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // clients first (added last), so none of them waits to reconnect to a member already gone
        Collections.reverse(members);
        for (HazelcastInstance member : members) {
            member.getLifecycleService().terminate();
        }
    }
}
