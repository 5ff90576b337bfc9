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
package io.github.chimpypos.camel.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosOperation;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * The operation parameters of one exchange: a header beats the endpoint option of the same name. Blank values count
 * as absent. Missing or invalid values fail with an {@link IllegalArgumentException} naming the option and the header.
 */
final class MessageParameters {

    private final ChimpyPosOperation operation;
    private final Exchange exchange;
    private final ChimpyPosConfiguration configuration;
    private final ObjectMapper mapper;

    MessageParameters(
            ChimpyPosOperation operation,
            Exchange exchange,
            ChimpyPosConfiguration configuration,
            ObjectMapper mapper) {
        this.operation = operation;
        this.exchange = exchange;
        this.configuration = configuration;
        this.mapper = mapper;
    }

    Exchange exchange() {
        return exchange;
    }

    ChimpyPosConfiguration configuration() {
        return configuration;
    }

    /** Reads a JSON body (createStationPickup accepts a Map or JSON text). */
    ObjectMapper mapper() {
        return mapper;
    }

    /** The value as text, or null when neither header nor option has one. */
    String text(OperationParameter parameter) {
        Object header = exchange.getMessage().getHeader(parameter.header());
        if (header != null && !header.toString().isBlank()) {
            return header.toString().trim();
        }
        Object option = parameter.optionValue(configuration);
        return option != null && !option.toString().isBlank()
                ? option.toString().trim()
                : null;
    }

    /** The value as text; fails when absent. */
    String requiredText(OperationParameter parameter) {
        String value = text(parameter);
        if (value == null) {
            throw new IllegalArgumentException(operation + " needs " + parameter.option() + ": set the option "
                    + parameter.option() + " or the header " + parameter.header());
        }
        return value;
    }

    /** The value as an integer, or null when absent. */
    Integer integer(OperationParameter parameter) {
        Object header = exchange.getMessage().getHeader(parameter.header());
        if (header == null || header.toString().isBlank()) {
            return (Integer) parameter.optionValue(configuration);
        }
        try {
            Integer value = exchange.getContext().getTypeConverter().mandatoryConvertTo(Integer.class, header);
            if (value == null) {
                throw new IllegalArgumentException(notAnInteger(parameter, header));
            }
            return value;
        } catch (NoTypeConversionAvailableException | TypeConversionException e) {
            throw new IllegalArgumentException(notAnInteger(parameter, header), e);
        }
    }

    /** pickup or return; fails when absent or anything else. */
    String requiredRentalType() {
        String value = requiredText(OperationParameter.RENTAL_TYPE);
        return OptionValidation.rentalType(describe(OperationParameter.RENTAL_TYPE), value);
    }

    /** 32, 42 or null. */
    Integer slipWidth() {
        Integer value = integer(OperationParameter.SLIP_WIDTH);
        return value == null ? null : OptionValidation.slipWidth(describe(OperationParameter.SLIP_WIDTH), value);
    }

    /** "header X" when the header supplies the value, "option x" otherwise. */
    private String describe(OperationParameter parameter) {
        Object header = exchange.getMessage().getHeader(parameter.header());
        return header != null && !header.toString().isBlank()
                ? "header " + parameter.header()
                : "option " + parameter.option();
    }

    private static String notAnInteger(OperationParameter parameter, Object value) {
        return "Invalid header " + parameter.header() + " '" + value + "'; expected an integer";
    }
}
