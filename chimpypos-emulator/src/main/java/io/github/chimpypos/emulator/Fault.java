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
package io.github.chimpypos.emulator;

import java.time.Duration;
import java.util.Objects;

/** A failure the emulator plays instead of answering a call normally; armed through {@link EmulatorControl}. */
public final class Fault {

    /** How the fault shows itself to the client. */
    public enum Kind {
        /** An error status with the endpoint's usual error body. */
        STATUS,
        /** HTTP 429 with a {@code Retry-After} header. */
        TOO_MANY_REQUESTS,
        /** The connection is closed without any response. */
        DROP_CONNECTION,
        /** An arbitrary status, content type and body, e.g. an HTML error page or truncated JSON. */
        RESPOND,
        /** The call is granted as usual (a refresh token rotates), but the answer says this {@code expires_in}. */
        EXPIRES_IN,
        /** The call is granted as usual (a refresh token rotates), and the answer is written this much later. */
        LATE_ANSWER
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final String contentType;
    private final String body;
    private final long expiresIn;
    private final Duration delay;

    private Fault(Kind kind, int status, Duration retryAfter, String contentType, String body) {
        this(kind, status, retryAfter, contentType, body, 0, null);
    }

    private Fault(
            Kind kind,
            int status,
            Duration retryAfter,
            String contentType,
            String body,
            long expiresIn,
            Duration delay) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.contentType = contentType;
        this.body = body;
        this.expiresIn = expiresIn;
        this.delay = delay;
    }

    /** Answers with {@code status} (e.g. 500, 502, 503) and the endpoint's usual error body. */
    public static Fault status(int status) {
        requireStatus(status);
        return new Fault(Kind.STATUS, status, null, null, null);
    }

    /** Answers 429 with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault tooManyRequests(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        return new Fault(Kind.TOO_MANY_REQUESTS, 429, retryAfter, null, null);
    }

    /** Closes the connection without writing a response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null);
    }

    /** Answers with exactly this status, content type and body (used to play malformed responses). */
    public static Fault respond(int status, String contentType, String body) {
        requireStatus(status);
        return new Fault(
                Kind.RESPOND,
                status,
                null,
                Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"));
    }

    /**
     * Token calls only: grants the call as usual but answers with this {@code expires_in} (e.g. 2e16, or a negative
     * value), to play a token service whose lifetimes a client must cap. The JWT's {@code exp} stays the real one.
     */
    public static Fault expiresIn(long seconds) {
        return new Fault(Kind.EXPIRES_IN, 200, null, null, null, seconds, null);
    }

    /**
     * Token calls only: grants the call as usual (a presented refresh token is rotated away) and writes the answer
     * {@code delay} later (wall time), to play an answer that arrives after the client gave up.
     */
    public static Fault answerLate(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Kind.LATE_ANSWER, 200, null, null, null, 0, delay);
    }

    /** Whether the call is still granted (and counted as such) with this fault played on top. */
    public boolean grantsToken() {
        return kind == Kind.EXPIRES_IN || kind == Kind.LATE_ANSWER;
    }

    private static void requireStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 200 and 599: " + status);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 for a dropped connection. */
    public int httpStatus() {
        return status;
    }

    /** The Retry-After of a 429 fault, otherwise {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The content type of a {@link Kind#RESPOND} fault, otherwise {@code null}. */
    public String contentType() {
        return contentType;
    }

    /** The body of a {@link Kind#RESPOND} fault, otherwise {@code null}. */
    public String body() {
        return body;
    }

    /** The {@code expires_in} of an {@link Kind#EXPIRES_IN} fault, otherwise 0. */
    public long expiresInSeconds() {
        return expiresIn;
    }

    /** The delay of a {@link Kind#LATE_ANSWER} fault, otherwise {@code null}. */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "Fault[status " + status + "]";
            case TOO_MANY_REQUESTS -> "Fault[429, Retry-After " + retryAfter + "]";
            case DROP_CONNECTION -> "Fault[drop connection]";
            case RESPOND -> "Fault[respond " + status + " " + contentType + ", " + body.length() + " chars]";
            case EXPIRES_IN -> "Fault[expires_in " + expiresIn + "]";
            case LATE_ANSWER -> "Fault[answer late by " + delay + "]";
        };
    }
}
