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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.github.chimpypos.camel.store.EncryptingTokenStore;
import io.github.chimpypos.camel.store.Lease;
import io.github.chimpypos.camel.store.Lockout;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.SealedTokenRecord;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStores;

/**
 * A token store in one table of a relational database, over plain JDBC: PostgreSQL for a cluster, an H2 file
 * ({@code jdbc:h2:file:/var/lib/app/chimpypos;AUTO_SERVER=TRUE}) for one machine. Compare-and-set is an
 * {@code UPDATE ... WHERE version = ?} (or an {@code INSERT} that a primary key violation refuses), so it needs no
 * lock, no transaction isolation level beyond the default and nothing vendor-specific.
 *
 * <p>
 * The table is created when absent ({@link #DDL}); a DBA who creates it beforehand turns that off with
 * {@link #setCreateTable(boolean)}. Tokens are sealed with the key from {@link #setEncryptionKey(String)}.
 */
public class JdbcTokenStore extends EncryptingTokenStore {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "chimpypos_token_store";

    /**
     * The table, as created when absent ({@code %s}: the table name). Instants are {@code TIMESTAMP WITH TIME ZONE};
     * {@code sealed_token} holds the AES-256-GCM sealed token values.
     */
    public static final String DDL = "CREATE TABLE IF NOT EXISTS %s ("
            + " record_key VARCHAR(100) PRIMARY KEY,"
            + " version BIGINT NOT NULL,"
            + " sealed_token BYTEA,"
            + " token_expires_at TIMESTAMP WITH TIME ZONE,"
            + " lease_owner VARCHAR(200),"
            + " lease_until TIMESTAMP WITH TIME ZONE,"
            + " rejections INTEGER NOT NULL,"
            + " locked BOOLEAN NOT NULL,"
            + " next_attempt_at TIMESTAMP WITH TIME ZONE,"
            + " credentials_tag VARCHAR(64),"
            + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    /** The default table of the clustered polling consumer's leases and last-seen states. */
    public static final String DEFAULT_POLL_TABLE = "chimpypos_poll_store";

    /**
     * The poll table, as created when a clustered polling consumer first uses it ({@code %s}: the table name). One
     * row per polling endpoint (its lease) and per polled key (its last-seen state); nothing in it is secret.
     */
    public static final String POLL_DDL = "CREATE TABLE IF NOT EXISTS %s ("
            + " record_key VARCHAR(100) PRIMARY KEY,"
            + " version BIGINT NOT NULL,"
            + " lease_owner VARCHAR(200),"
            + " lease_until TIMESTAMP WITH TIME ZONE,"
            + " poll_state VARCHAR(1000),"
            + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    private static final Pattern TABLE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final String COLUMNS =
            "sealed_token, token_expires_at, lease_owner, lease_until, rejections, locked,"
                    + " next_attempt_at, credentials_tag, updated_at";

    private final DataSource dataSource;
    private volatile String tableName = DEFAULT_TABLE;
    private volatile boolean createTable = true;
    private volatile int queryTimeoutSeconds = 5;
    private volatile boolean tableReady;
    private volatile String pollTableName = DEFAULT_POLL_TABLE;
    private volatile boolean pollTableReady;

    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The table name, optionally schema-qualified ({@code auth.chimpypos_tokens}); letters, digits, underscores. */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be an SQL identifier (letters, digits, underscores,"
                    + " optionally schema.table), was: " + tableName);
        }
        this.tableName = tableName;
        this.tableReady = false;
    }

    /**
     * The table of the clustered polling consumer (default {@value #DEFAULT_POLL_TABLE}), optionally
     * schema-qualified; created on first use unless {@link #setCreateTable(boolean)} is off.
     */
    public void setPollTableName(String pollTableName) {
        if (pollTableName == null || !TABLE_NAME.matcher(pollTableName).matches()) {
            throw new IllegalArgumentException("pollTableName must be an SQL identifier (letters, digits,"
                    + " underscores, optionally schema.table), was: " + pollTableName);
        }
        this.pollTableName = pollTableName;
        this.pollTableReady = false;
    }

    /** Whether to create the table when absent (default); off when a DBA creates it and the user may not. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /**
     * Seconds one statement may take (default 5): a slow database makes the instance work without the store instead
     * of holding exchanges.
     */
    public void setQueryTimeoutSeconds(int queryTimeoutSeconds) {
        if (queryTimeoutSeconds < 1) {
            throw new IllegalArgumentException("queryTimeoutSeconds must be at least 1, was " + queryTimeoutSeconds);
        }
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    @Override
    protected Optional<SealedTokenRecord> loadSealed(String key) {
        String sql = "SELECT version, " + COLUMNS + " FROM " + table() + " WHERE record_key = ?";
        return execute(connection -> {
            try (PreparedStatement select = prepare(connection, sql)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    protected boolean compareAndSetSealed(String key, long expectedVersion, SealedTokenRecord next) {
        return expectedVersion == 0 ? insert(key, next) : update(key, expectedVersion, next);
    }

    private boolean insert(String key, SealedTokenRecord next) {
        String sql = "INSERT INTO " + table() + " (record_key, version, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return execute(connection -> {
            try (PreparedStatement insert = prepare(connection, sql)) {
                insert.setString(1, key);
                insert.setLong(2, next.version());
                bind(insert, 3, next);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private boolean update(String key, long expectedVersion, SealedTokenRecord next) {
        String sql = "UPDATE " + table() + " SET version = ?, sealed_token = ?, token_expires_at = ?, lease_owner = ?,"
                + " lease_until = ?, rejections = ?, locked = ?, next_attempt_at = ?, credentials_tag = ?,"
                + " updated_at = ? WHERE record_key = ? AND version = ?";
        return execute(connection -> {
            try (PreparedStatement update = prepare(connection, sql)) {
                update.setLong(1, next.version());
                bind(update, 2, next);
                update.setString(11, key);
                update.setLong(12, expectedVersion);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<PollRecord> loadPollRecord(String key) {
        String sql = "SELECT version, lease_owner, lease_until, poll_state, updated_at FROM " + pollTable()
                + " WHERE record_key = ?";
        return execute(connection -> {
            try (PreparedStatement select = prepare(connection, sql)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String leaseOwner = row.getString("lease_owner");
                    Instant leaseUntil = instant(row, "lease_until");
                    return Optional.of(new PollRecord(
                            row.getLong("version"),
                            leaseOwner == null || leaseUntil == null ? null : new Lease(leaseOwner, leaseUntil),
                            row.getString("poll_state"),
                            instant(row, "updated_at")));
                }
            }
        });
    }

    @Override
    public boolean compareAndSetPollRecord(String key, long expectedVersion, PollRecord next) {
        TokenStores.requireNextVersion(expectedVersion, next);
        String sql = expectedVersion == 0
                ? "INSERT INTO " + pollTable()
                        + " (lease_owner, lease_until, poll_state, updated_at, version, record_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE " + pollTable()
                        + " SET lease_owner = ?, lease_until = ?, poll_state = ?, updated_at = ?, version = ?"
                        + " WHERE record_key = ? AND version = ?";
        return execute(connection -> {
            try (PreparedStatement write = prepare(connection, sql)) {
                Lease lease = next.lease();
                write.setString(1, lease == null ? null : lease.owner());
                setInstant(write, 2, lease == null ? null : lease.until());
                write.setString(3, next.state());
                setInstant(write, 4, next.updatedAt());
                write.setLong(5, next.version());
                write.setString(6, key);
                if (expectedVersion != 0) {
                    write.setLong(7, expectedVersion);
                }
                return write.executeUpdate() == 1;
            } catch (SQLException e) {
                if (expectedVersion == 0 && isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** SQLState class 23 is an integrity constraint violation: here, another instance inserted first. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static void bind(PreparedStatement statement, int first, SealedTokenRecord record) throws SQLException {
        int i = first;
        if (record.sealedToken() == null) {
            statement.setNull(i++, Types.BINARY);
        } else {
            statement.setBytes(i++, record.sealedToken());
        }
        setInstant(statement, i++, record.tokenExpiresAt());
        Lease lease = record.lease();
        statement.setString(i++, lease == null ? null : lease.owner());
        setInstant(statement, i++, lease == null ? null : lease.until());
        Lockout lockout = record.lockout();
        statement.setInt(i++, lockout.consecutiveRejections());
        statement.setBoolean(i++, lockout.locked());
        setInstant(statement, i++, lockout.nextAttemptAt());
        statement.setString(i++, lockout.credentialsTag());
        setInstant(statement, i, record.updatedAt());
    }

    private static SealedTokenRecord read(ResultSet row) throws SQLException {
        String leaseOwner = row.getString("lease_owner");
        Instant leaseUntil = instant(row, "lease_until");
        return new SealedTokenRecord(
                row.getLong("version"),
                row.getBytes("sealed_token"),
                instant(row, "token_expires_at"),
                leaseOwner == null || leaseUntil == null ? null : new Lease(leaseOwner, leaseUntil),
                new Lockout(
                        row.getInt("rejections"),
                        row.getBoolean("locked"),
                        instant(row, "next_attempt_at"),
                        row.getString("credentials_tag")),
                instant(row, "updated_at"));
    }

    /** {@link OffsetDateTime} is JDBC 4.2's mapping of {@code TIMESTAMP WITH TIME ZONE}, in every current driver. */
    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(queryTimeoutSeconds);
        return statement;
    }

    private String table() {
        if (!tableReady && createTable) {
            createTableIfAbsent();
        }
        return tableName;
    }

    private String pollTable() {
        if (!pollTableReady && createTable) {
            createPollTableIfAbsent();
        }
        return pollTableName;
    }

    private synchronized void createPollTableIfAbsent() {
        if (pollTableReady) {
            return;
        }
        createIfAbsent(String.format(POLL_DDL, pollTableName));
        pollTableReady = true;
    }

    private synchronized void createTableIfAbsent() {
        if (tableReady) {
            return;
        }
        createIfAbsent(String.format(DDL, tableName));
        tableReady = true;
    }

    private void createIfAbsent(String ddl) {
        try {
            executeDdl(ddl);
        } catch (TokenStoreException e) {
            // PostgreSQL can refuse one of two concurrent CREATE TABLE IF NOT EXISTS; the second look sees the table
            executeDdl(ddl);
        }
    }

    private void executeDdl(String ddl) {
        execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeoutSeconds);
                statement.execute(ddl);
            }
            return null;
        });
    }

    private <T> T execute(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                T result = work.run(connection);
                if (!autoCommit) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            // the driver's message may name the host but never holds our tokens: they are bound as sealed bytes
            throw new TokenStoreException(
                    "token store table " + tableName + " unreachable (SQLState " + e.getSQLState() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[table=" + tableName + "]";
    }
}
