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
package io.github.chimpypos.camel.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import io.github.chimpypos.camel.store.EncryptingTokenStoreContract;
import io.github.chimpypos.camel.store.TokenStore;

/** The store contract on a real database: two store instances over one database are two cluster members. */
abstract class JdbcTokenStoreContract extends EncryptingTokenStoreContract {

    private final String encryptionKey = newEncryptionKey();
    private JdbcTokenStore store;
    private JdbcTokenStore peer;

    protected abstract DataSource dataSource();

    @Override
    protected TokenStore store() {
        if (store == null) {
            store = clientWithKey(encryptionKey);
        }
        return store;
    }

    @Override
    protected TokenStore peer() {
        if (peer == null) {
            peer = clientWithKey(encryptionKey);
        }
        return peer;
    }

    @Override
    protected JdbcTokenStore clientWithKey(String key) {
        JdbcTokenStore client = new JdbcTokenStore(dataSource());
        client.setEncryptionKey(key);
        return client;
    }

    /** Every column of the row, bytes read as Latin-1 so any readable text in them shows. */
    @Override
    protected String rawContents() {
        StringBuilder raw = new StringBuilder();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM " + JdbcTokenStore.DEFAULT_TABLE + " WHERE record_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        Object value = row.getObject(column);
                        raw.append(
                                        value instanceof byte[] bytes
                                                ? new String(bytes, StandardCharsets.ISO_8859_1)
                                                : String.valueOf(value))
                                .append('|');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return raw.toString();
    }
}
