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

import java.util.ArrayList;
import java.util.List;

/**
 * The sales-slip text for the partner's receipt printer: label left, value right, no line wider than the slip. The
 * real format is undocumented; this one only guarantees the width contract.
 */
final class SlipPrinter {

    private final int width;
    private final List<String> lines = new ArrayList<>();

    SlipPrinter(int width) {
        this.width = width;
    }

    SlipPrinter title(String title) {
        lines.add(center(title));
        return rule();
    }

    SlipPrinter rule() {
        lines.add("-".repeat(width));
        return this;
    }

    SlipPrinter line(String label, String value) {
        String shownValue = value.length() > width ? value.substring(0, width) : value;
        int labelRoom = Math.max(0, width - shownValue.length() - 1);
        String shownLabel = label.length() > labelRoom ? label.substring(0, labelRoom) : label;
        int padding = width - shownLabel.length() - shownValue.length();
        lines.add(shownLabel + " ".repeat(Math.max(0, padding)) + shownValue);
        return this;
    }

    private String center(String text) {
        String shown = text.length() > width ? text.substring(0, width) : text;
        return " ".repeat((width - shown.length()) / 2) + shown;
    }

    String print() {
        return String.join("\n", lines);
    }
}
