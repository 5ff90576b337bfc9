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

import static io.github.chimpypos.camel.store.EncryptingTokenStoreContract.newEncryptionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import io.github.chimpypos.camel.store.LeaseClaim;
import io.github.chimpypos.camel.store.Lockout;
import io.github.chimpypos.camel.store.StoredToken;
import io.github.chimpypos.camel.store.TokenRecord;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.store.TokenStoreSettings;
import io.github.chimpypos.camel.store.TokenStores;
import io.github.chimpypos.emulator.MutableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-machine case: an H2 file that outlives the store (and database engine) that wrote it. */
class JdbcTokenStoreRestartTest {

    private static final String KEY = TokenStores.recordKey("https://auth.test/oauth/token", "c", "a", "u", "PASSWORD");
    private static final TokenStoreSettings SETTINGS =
            TokenStoreSettings.forCallTimeout(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @TempDir
    Path directory;

    private final String encryptionKey = newEncryptionKey();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));

    private JdbcDataSource h2File() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("tokens"));
        return dataSource;
    }

    private JdbcTokenStore store(JdbcDataSource dataSource) {
        JdbcTokenStore store = new JdbcTokenStore(dataSource);
        store.setEncryptionKey(encryptionKey);
        return store;
    }

    @Test
    void aRestartedInstanceFindsItsTokenAndNeedsNoTokenCall() {
        StoredToken obtained =
                new StoredToken("access-1", clock.instant(), clock.instant().plusSeconds(3600), "refresh-1");
        TokenStoreSession before = new TokenStoreSession(store(h2File()), KEY, "pw", SETTINGS, clock);
        LeaseClaim.Held held = (LeaseClaim.Held) before.claim(token -> false);
        assertThat(before.commit(held, obtained)).isTrue();

        // a new engine on the same file: H2 closed the database with its last connection
        TokenStoreSession after = new TokenStoreSession(store(h2File()), KEY, "pw", SETTINGS, clock);
        LeaseClaim claim =
                after.claim(token -> token.expiresAt().isAfter(clock.instant().plusSeconds(60)));

        assertThat(claim)
                .isInstanceOfSatisfying(
                        LeaseClaim.Adopt.class,
                        adopt -> assertThat(adopt.record().token()).isEqualTo(obtained));
    }

    @Test
    void aTableCreatedByADbaUnderItsOwnNameIsUsedAsIs() throws SQLException {
        JdbcDataSource dataSource = h2File();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(String.format(JdbcTokenStore.DDL, "dba_tokens"));
        }
        JdbcTokenStore store = store(dataSource);
        store.setTableName("dba_tokens");
        store.setCreateTable(false);

        assertThat(store.compareAndSet(
                        KEY, TokenRecord.ABSENT, new TokenRecord(1, null, null, Lockout.NONE, clock.instant())))
                .isTrue();
        assertThat(store.load(KEY)).isPresent();
    }

    @Test
    void aMissingTableThatMayNotBeCreatedIsAStoreFailureNamingTheTable() {
        JdbcTokenStore store = store(h2File());
        store.setTableName("not_created");
        store.setCreateTable(false);

        assertThatThrownBy(() -> store.load(KEY))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("not_created");
    }

    @Test
    void anUnreachableDatabaseIsAStoreFailureThatShowsNoPassword() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + directory.resolve("absent") + ";IFEXISTS=TRUE");
        missing.setUser("app");
        missing.setPassword("db-password-value");

        assertThatThrownBy(() -> store(missing).load(KEY))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("unreachable")
                .hasMessageNotContaining("db-password-value");
    }

    @Test
    void aTableNameThatIsNotAnIdentifierIsRefusedNamingTheOption() {
        JdbcTokenStore store = store(h2File());

        assertThatThrownBy(() -> store.setTableName("tokens; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tableName must be an SQL identifier");
    }
}
