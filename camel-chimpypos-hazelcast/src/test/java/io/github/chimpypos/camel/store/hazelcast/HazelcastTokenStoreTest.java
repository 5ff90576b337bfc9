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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.chimpypos.camel.store.EncryptingTokenStoreContract;
import io.github.chimpypos.camel.store.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on two real members: the store and its peer write through different members. */
class HazelcastTokenStoreTest extends EncryptingTokenStoreContract {

    private static LoopbackCluster cluster;
    private static final String ENCRYPTION_KEY = newEncryptionKey();
    private static HazelcastTokenStore store;
    private static HazelcastTokenStore peer;

    @BeforeAll
    static void startMembers() {
        cluster = new LoopbackCluster(2);
        store = clientOf(0, ENCRYPTION_KEY);
        peer = clientOf(1, ENCRYPTION_KEY);
    }

    @AfterAll
    static void stopMembers() {
        store.close();
        peer.close();
        cluster.close();
    }

    private static HazelcastTokenStore clientOf(int member, String key) {
        HazelcastTokenStore client = new HazelcastTokenStore(cluster.member(member));
        client.setEncryptionKey(key);
        return client;
    }

    @Override
    protected TokenStore store() {
        return store;
    }

    @Override
    protected TokenStore peer() {
        return peer;
    }

    @Override
    protected HazelcastTokenStore clientWithKey(String encryptionKey) {
        return clientOf(1, encryptionKey);
    }

    /** The map value as a grid console shows it, and its bytes as text. */
    @Override
    protected String rawContents() {
        String value = cluster.member(0)
                .<String, String>getMap(HazelcastTokenStore.DEFAULT_MAP)
                .get(key);
        return value + "|" + new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1);
    }
}
