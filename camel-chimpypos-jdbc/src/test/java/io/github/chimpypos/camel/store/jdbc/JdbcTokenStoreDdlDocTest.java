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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** DBAs create the table from docs/scale-out.md: it must be the statement the store runs. */
class JdbcTokenStoreDdlDocTest {

    @Test
    void theDocumentedTableIsTheOneTheStoreCreates() throws IOException {
        String doc = Files.readString(Path.of("../docs/scale-out.md"));
        Matcher sql =
                Pattern.compile("```sql\\n(CREATE TABLE.*?)```", Pattern.DOTALL).matcher(doc);

        assertThat(sql.find())
                .as("an sql block with the CREATE TABLE statement")
                .isTrue();
        assertThat(normalized(sql.group(1)))
                .isEqualTo(normalized(String.format(JdbcTokenStore.DDL, JdbcTokenStore.DEFAULT_TABLE)));
    }

    @Test
    void theDocumentedPollTableIsTheOneTheStoreCreates() throws IOException {
        String doc = Files.readString(Path.of("../docs/scale-out.md"));
        Matcher sql = Pattern.compile(
                        "```sql\\n(CREATE TABLE IF NOT EXISTS chimpypos_poll_store.*?)```", Pattern.DOTALL)
                .matcher(doc);

        assertThat(sql.find())
                .as("an sql block with the poll table's CREATE TABLE statement")
                .isTrue();
        assertThat(normalized(sql.group(1)))
                .isEqualTo(normalized(String.format(JdbcTokenStore.POLL_DDL, JdbcTokenStore.DEFAULT_POLL_TABLE)));
    }

    private static String normalized(String sql) {
        return sql.trim().replaceAll("\\s+", " ").replaceAll("\\s*([(),])\\s*", "$1");
    }
}
