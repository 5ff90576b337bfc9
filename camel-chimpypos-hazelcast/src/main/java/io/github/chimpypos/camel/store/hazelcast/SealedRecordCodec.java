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
package io.github.chimpypos.camel.store.hazelcast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import io.github.chimpypos.camel.store.Lease;
import io.github.chimpypos.camel.store.Lockout;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.SealedTokenRecord;

/**
 * A record as one string map value. A string, because Hazelcast compares strings by content under every in-memory
 * format, which {@code IMap.replace(key, expected, next)} relies on, and because members then need no class of ours.
 */
final class SealedRecordCodec {

    private static final byte FORMAT = 1;
    private static final byte POLL_FORMAT = 2;

    private SealedRecordCodec() {}

    static String encode(SealedTokenRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(record.version());
            writeBytes(out, record.sealedToken());
            writeInstant(out, record.tokenExpiresAt());
            writeString(out, record.lease() == null ? null : record.lease().owner());
            writeInstant(out, record.lease() == null ? null : record.lease().until());
            Lockout lockout = record.lockout();
            out.writeInt(lockout.consecutiveRejections());
            out.writeBoolean(lockout.locked());
            writeInstant(out, lockout.nextAttemptAt());
            writeString(out, lockout.credentialsTag());
            writeInstant(out, record.updatedAt());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The version alone, for the compare-and-set check without decoding the rest. */
    static long version(String value) {
        return decode(value).version();
    }

    static SealedTokenRecord decode(String value) {
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(value)))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown token record format");
            }
            long version = in.readLong();
            byte[] sealedToken = readBytes(in);
            Instant tokenExpiresAt = readInstant(in);
            String leaseOwner = readString(in);
            Instant leaseUntil = readInstant(in);
            Lockout lockout = new Lockout(in.readInt(), in.readBoolean(), readInstant(in), readString(in));
            Instant updatedAt = readInstant(in);
            Lease lease = leaseOwner == null ? null : new Lease(leaseOwner, leaseUntil);
            return new SealedTokenRecord(version, sealedToken, tokenExpiresAt, lease, lockout, updatedAt);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated token record", e);
        }
    }

    /** A poll record (lease or last-seen state) as one string value of the poll map. */
    static String encodePoll(PollRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(POLL_FORMAT);
            out.writeLong(record.version());
            writeString(out, record.lease() == null ? null : record.lease().owner());
            writeInstant(out, record.lease() == null ? null : record.lease().until());
            writeString(out, record.state());
            writeInstant(out, record.updatedAt());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static PollRecord decodePoll(String value) {
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(value)))) {
            if (in.readByte() != POLL_FORMAT) {
                throw new IllegalArgumentException("unknown poll record format");
            }
            long version = in.readLong();
            String leaseOwner = readString(in);
            Instant leaseUntil = readInstant(in);
            String state = readString(in);
            Instant updatedAt = readInstant(in);
            return new PollRecord(
                    version, leaseOwner == null ? null : new Lease(leaseOwner, leaseUntil), state, updatedAt);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated poll record", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            out.write(value);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toEpochMilli());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
    }
}
