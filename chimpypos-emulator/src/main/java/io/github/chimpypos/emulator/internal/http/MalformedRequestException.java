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
package io.github.chimpypos.emulator.internal.http;

/** The request cannot even be parsed (bad URL encoding, bad Content-Length); answered with HTTP 400. */
public final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
