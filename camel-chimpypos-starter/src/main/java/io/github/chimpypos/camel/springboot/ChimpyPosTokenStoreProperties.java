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
package io.github.chimpypos.camel.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.chimpypos.token-store.*} properties: which token store the starter builds for the
 * component from the application's beans. Not options of the component (that takes a built store, {@code tokenStore});
 * the encryption key is masked by actuator and never printed (no {@code toString()}).
 */
@ConfigurationProperties(prefix = ChimpyPosTokenStoreProperties.PREFIX)
public class ChimpyPosTokenStoreProperties {

    static final String PREFIX = "camel.component.chimpypos.token-store";

    /**
     * The store to build: jdbc (a JdbcTokenStore on the application's DataSource, needs camel-chimpypos-jdbc) or
     * hazelcast (a HazelcastTokenStore on the application's HazelcastInstance, needs camel-chimpypos-hazelcast). None
     * by default: the token lives in memory, unless the application defines a TokenStore bean itself.
     */
    private String type;

    /**
     * The key that seals the tokens: base64 of 32 random bytes (openssl rand -base64 32), the same on every instance
     * sharing the store. Required with type. Keep it in the environment or a vault, never in the store.
     */
    private String encryptionKey;

    /** During a key rotation: the keys used before, comma-separated, so tokens they sealed still open. */
    private String previousEncryptionKey;

    /** jdbc: the token table (default chimpypos_token_store), optionally schema-qualified. */
    private String tableName;

    /** jdbc: the clustered polling table (default chimpypos_poll_store), optionally schema-qualified. */
    private String pollTableName;

    /** jdbc: whether the store creates its tables when absent; false when a DBA creates them. */
    private boolean createTable = true;

    /** hazelcast: the token map (default chimpypos-token-store). */
    private String mapName;

    /** hazelcast: the clustered polling map (default chimpypos-poll-store). */
    private String pollMapName;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public String getPreviousEncryptionKey() {
        return previousEncryptionKey;
    }

    public void setPreviousEncryptionKey(String previousEncryptionKey) {
        this.previousEncryptionKey = previousEncryptionKey;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getPollTableName() {
        return pollTableName;
    }

    public void setPollTableName(String pollTableName) {
        this.pollTableName = pollTableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public String getMapName() {
        return mapName;
    }

    public void setMapName(String mapName) {
        this.mapName = mapName;
    }

    public String getPollMapName() {
        return pollMapName;
    }

    public void setPollMapName(String pollMapName) {
        this.pollMapName = pollMapName;
    }
}
