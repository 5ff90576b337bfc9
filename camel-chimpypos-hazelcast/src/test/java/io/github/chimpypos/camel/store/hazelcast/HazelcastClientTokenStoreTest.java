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

/**
 * The store contract between a member and a Hazelcast client: the members hold no class of ours, the client's writes
 * compete with the member's on the same records.
 */
class HazelcastClientTokenStoreTest extends EncryptingTokenStoreContract {

    private static final String ENCRYPTION_KEY = newEncryptionKey();
    private static LoopbackCluster cluster;
    private static HazelcastTokenStore onMember;
    private static HazelcastTokenStore onClient;

    @BeforeAll
    static void startMemberAndClient() {
        cluster = new LoopbackCluster(1);
        onMember = new HazelcastTokenStore(cluster.member(0));
        onMember.setEncryptionKey(ENCRYPTION_KEY);
        onClient = clientStore(ENCRYPTION_KEY);
    }

    @AfterAll
    static void stop() {
        onMember.close();
        onClient.close();
        cluster.close();
    }

    private static HazelcastTokenStore clientStore(String key) {
        HazelcastTokenStore store = new HazelcastTokenStore(cluster.newClient());
        store.setEncryptionKey(key);
        return store;
    }

    @Override
    protected TokenStore store() {
        return onMember;
    }

    @Override
    protected TokenStore peer() {
        return onClient;
    }

    @Override
    protected HazelcastTokenStore clientWithKey(String encryptionKey) {
        HazelcastTokenStore store = new HazelcastTokenStore(cluster.member(0));
        store.setEncryptionKey(encryptionKey);
        return store;
    }

    @Override
    protected String rawContents() {
        String value = cluster.member(0)
                .<String, String>getMap(HazelcastTokenStore.DEFAULT_MAP)
                .get(key);
        return value + "|" + new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1);
    }
}
