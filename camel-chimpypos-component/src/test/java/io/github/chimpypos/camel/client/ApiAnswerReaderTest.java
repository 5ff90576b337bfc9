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
package io.github.chimpypos.camel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.client.ApiAnswerReader.ApiAnswer;
import io.github.chimpypos.camel.model.StationPricing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAnswerReaderTest {

    private static final ObjectMapper MAPPER = ChimpyPosJson.newMapper();

    private static ApiAnswer<StationPricing> read(String json) throws IOException {
        return ApiAnswerReader.read(
                MAPPER,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "station",
                StationPricing.class);
    }

    @Test
    void readsTheResourceWhereverItStandsAndSkipsEverythingElse() throws IOException {
        ApiAnswer<StationPricing> answer = read("{\"req\":{\"a\":[1,{\"station\":{}}]},\"data\":{\"other\":[{}],"
                + "\"station\":{\"external_id\":\"abc1\",\"status\":\"ok\",\"total_amounts\":{\"charge\":4.0}},"
                + "\"more\":{\"station\":{\"external_id\":\"not this one\"}}},\"tail\":[true,null]}");

        assertThat(answer.isObject()).isTrue();
        assertThat(answer.resource().getExternalId()).isEqualTo("abc1");
        assertThat(answer.resource().getStatus()).isEqualTo("ok");
        assertThat(answer.resource().getTotalAmounts().getCharge()).isEqualByComparingTo("4.0");
        assertThat(answer.locale()).isNull();
        assertThat(answer.country()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            root only                 | {"locale":"fr-CH","data":{"station":{}},"country":"CH"}                                   | fr-CH | CH
            data before root          | {"data":{"locale":"de-CH","station":{},"country":"DE"},"locale":"fr-CH","country":"CH"}   | de-CH | DE
            root before data          | {"locale":"fr-CH","country":"CH","data":{"station":{},"locale":"de-CH","country":"DE"}}   | de-CH | DE
            the resource's own first  | {"locale":"fr-CH","data":{"locale":"de-CH","station":{"locale":"it-CH","country":"IT"}}} | it-CH | IT
            scalars only              | {"locale":{"x":1},"country":null,"data":{"station":{"locale":["en"]}}}                  |       |
            numbers as text           | {"locale":7,"country":41,"data":{"station":{}}}                                           | 7     | 41
            """)
    void takesLocaleAndCountryFromTheResourceThenDataThenTheRoot(
            String name, String json, String locale, String country) throws IOException {
        ApiAnswer<StationPricing> answer = read(json);

        assertThat(answer.locale()).isEqualTo(locale);
        assertThat(answer.country()).isEqualTo(country);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty body        | ''
            array             | []
            string            | '"data"'
            """)
    void anAnswerThatIsNoObjectSaysSo(String name, String json) throws IOException {
        assertThat(read(json).isObject()).isFalse();
    }

    @Test
    void noResourceWhenDataLacksItOrItIsNoObject() throws IOException {
        assertThat(read("{\"data\":{\"station\":[1]},\"locale\":\"de\"}").resource())
                .isNull();
        assertThat(read("{\"data\":[{\"station\":{}}]}").resource()).isNull();
        assertThat(read("{\"data\":{\"rental\":{}},\"locale\":\"de\"}").envelopeLocale())
                .isEqualTo("de");
    }

    @Test
    void tellsBrokenJsonFromAResourceThatDoesNotFitItsType() {
        assertThatThrownBy(() -> read("{\"data\":{\"station\":{\"total_amounts\":\"free\"}}}"))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"data\":{\"station\":{}},\"locale\":\"de"))
                .isInstanceOf(StreamReadException.class);
        assertThatThrownBy(() -> read("<html>")).isInstanceOf(StreamReadException.class);
    }
}
