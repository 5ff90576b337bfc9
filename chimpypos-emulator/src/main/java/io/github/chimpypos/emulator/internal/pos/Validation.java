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
package io.github.chimpypos.emulator.internal.pos;

import java.util.Set;

/** Checks of query parameters; every failure is an HTTP 400 {@code invalid_parameter} naming the parameter. */
final class Validation {

    static final Set<String> LANGUAGES = Set.of("de", "fr", "it", "en");
    static final int DEFAULT_SLIP_WIDTH = 42;
    static final int CABLE_MISSING = 200;
    private static final int MAX_ID_LENGTH = 128;

    private Validation() {}

    /** The requested language, or {@code null} when none was asked for. */
    static String lang(Call call) {
        String lang = call.param("lang");
        if (lang == null) {
            return null;
        }
        if (!LANGUAGES.contains(lang)) {
            throw ApiException.invalidParameter("lang", "must be one of de, fr, it, en");
        }
        return lang;
    }

    static int slipWidth(Call call) {
        String width = call.param("slip_width");
        if (width == null) {
            return DEFAULT_SLIP_WIDTH;
        }
        return switch (width) {
            case "32" -> 32;
            case "42" -> 42;
            default -> throw ApiException.invalidParameter("slip_width", "must be 32 or 42");
        };
    }

    /** The support code of a return, or {@code null}. */
    static Integer supportCode(Call call) {
        String code = call.param("support_code");
        if (code == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("support_code", "must be a number");
        }
        if (value != CABLE_MISSING) {
            throw ApiException.invalidParameter("support_code", "is not supported (supported: 200 = cable missing)");
        }
        return value;
    }

    static String rentalType(String rentalType) {
        if (!rentalType.equals("pickup") && !rentalType.equals("return")) {
            throw ApiException.invalidParameter("rental_type", "must be pickup or return");
        }
        return rentalType;
    }

    /** An optional identifier: absent is fine, present must be short printable text. */
    static String optionalId(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidParameter(name, "must be 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        return value;
    }
}
