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
package io.github.chimpypos.camel.polling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.chimpypos.camel.ChimpyPosConstants;
import org.apache.camel.Message;
import org.apache.camel.spi.StateRepository;

/**
 * The last-seen result of each polled key, kept in a {@link StateRepository} as a short
 * fingerprint of what matters: the status, the error type and a digest of the prices and payment terms. Texts that
 * change without the state changing (localised messages, sales slips, the request echo, locales) are left out, so a
 * result counts as changed only when something a route acts on changed.
 */
public final class PollState {

    /** The resource fields that make a price or payment change; everything else is ignored. */
    private static final List<String> PRICE_FIELDS =
            List.of("total_amounts", "charge_currency", "vat_rate", "coupon_type", "payment_via", "stripe_price_id");

    private static final char SEPARATOR = '|';

    private final StateRepository<String, String> repository;
    private final ObjectMapper mapper;

    public PollState(StateRepository<String, String> repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** The last-seen fingerprint of a key, or null when none is stored. */
    public Fingerprint lastSeen(String stateKey) {
        return Fingerprint.decode(repository.getState(stateKey));
    }

    public void remember(String stateKey, Fingerprint fingerprint) {
        repository.setState(stateKey, fingerprint.encode());
    }

    /** The fingerprint of a result the producer's mapping left in {@code message}. */
    public Fingerprint fingerprint(Message message) {
        Object body = message.getBody();
        String digest = "";
        if (body != null) {
            JsonNode resource = mapper.valueToTree(body);
            Map<String, Object> prices = new TreeMap<>();
            for (String field : PRICE_FIELDS) {
                Object value = canonical(resource.path(field));
                if (value != null) {
                    prices.put(field, value);
                }
            }
            digest = prices.isEmpty() ? "" : sha256(prices.toString());
        }
        return new Fingerprint(
                message.getHeader(ChimpyPosConstants.STATUS, String.class),
                message.getHeader(ChimpyPosConstants.ERROR_TYPE, String.class),
                digest);
    }

    /** Objects as sorted maps, numbers without trailing zeros (4.0 equals 4.00), no nulls. */
    private static Object canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            node.properties().forEach(field -> {
                Object value = canonical(field.getValue());
                if (value != null) {
                    sorted.put(field.getKey(), value);
                }
            });
            return sorted;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // 128 bits tell prices apart well enough and keep a state file of 1,000 keys small
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /**
     * What was seen of one key; stored as {@code status|errorType|digest}, on one line as a
     * {@link org.apache.camel.support.processor.state.FileStateRepository} requires.
     */
    public record Fingerprint(String status, String errorType, String digest) {

        public Fingerprint {
            status = clean(status);
            errorType = clean(errorType);
        }

        String encode() {
            return (status == null ? "" : status)
                    + SEPARATOR
                    + (errorType == null ? "" : errorType)
                    + SEPARATOR
                    + digest;
        }

        /** The stored fingerprint, or null when none (or one this version cannot read) is stored. */
        static Fingerprint decode(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\|", -1);
            return parts.length == 3 ? new Fingerprint(parts[0], parts[1], parts[2]) : null;
        }

        /** Null for nothing; no separator and no line break, which a file repository cannot store. */
        private static String clean(String value) {
            return value == null || value.isEmpty()
                    ? null
                    : value.replace(SEPARATOR, '_').replace('\n', '_').replace('\r', '_');
        }
    }
}
