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

import static org.assertj.core.api.Assertions.fail;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The contract on a real PostgreSQL server. {@code .ci/run} starts one on a free loopback port and exports
 * {@value #URL_VARIABLE}; locally, {@code eval "$(.ci/postgres.sh start)"} does the same.
 */
class JdbcTokenStorePostgresTest extends JdbcTokenStoreContract {

    static final String URL_VARIABLE = "CHIMPYPOS_TEST_POSTGRES_URL";

    private static PGSimpleDataSource postgres;

    @BeforeAll
    static void postgresServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set: .ci/run must start PostgreSQL before the build");
            }
            Assumptions.abort("no PostgreSQL server: run `eval \"$(.ci/postgres.sh start)\"` to test against one");
        }
        postgres = new PGSimpleDataSource();
        postgres.setURL(url);
    }

    @Override
    protected DataSource dataSource() {
        return postgres;
    }
}
