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
package io.github.chimpypos.emulator.internal.auth;

import java.time.Duration;

/** A token-endpoint error, answered as {@code {"error":..., "error_description":...}}. */
final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Duration retryAfter;

    OAuthException(int status, String error, String description) {
        this(status, error, description, null);
    }

    OAuthException(int status, String error, String description, Duration retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
