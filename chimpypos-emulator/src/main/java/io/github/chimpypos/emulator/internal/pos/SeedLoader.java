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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.chimpypos.emulator.BatteryState;
import io.github.chimpypos.emulator.StationPrices;
import io.github.chimpypos.emulator.StationState;
import io.github.chimpypos.emulator.internal.Json;

/** Reads and checks a seed JSON document; a broken seed fails the start with a message naming the bad entry. */
public final class SeedLoader {

    public static final String DEFAULT_SEED_RESOURCE = "/io/github/chimpypos/emulator/default-seed.json";

    private static final Set<String> LANGUAGES = Set.of("de", "fr", "it", "en");

    private SeedLoader() {}

    public static Seed loadDefault() {
        InputStream in = SeedLoader.class.getResourceAsStream(DEFAULT_SEED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Default seed missing from the classpath: " + DEFAULT_SEED_RESOURCE);
        }
        try (in) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seed load(InputStream in) {
        JsonNode root;
        try {
            root = Json.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Seed is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Seed must be a JSON object");
        }
        Map<String, Tariff> tariffs = tariffs(root.path("tariffs"));
        return new Seed(
                locations(root.path("locations"), tariffs),
                stations(root.path("stations"), tariffs),
                coupons(root.path("coupons")),
                accounts(root.path("accounts")),
                batteries(root.path("batteries")));
    }

    private static Map<String, Tariff> tariffs(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException("Seed needs a 'tariffs' object keyed by country code");
        }
        Map<String, Tariff> tariffs = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode t = entry.getValue();
            String where = "tariffs." + entry.getKey();
            tariffs.put(
                    entry.getKey(),
                    new Tariff(
                            entry.getKey(),
                            text(t, "currency", where),
                            amount(t, "vat_rate", where),
                            amount(t, "charge", where),
                            amount(t, "deposit", where),
                            amount(t, "weekly_late_fee", where),
                            amount(t, "cable_missing", where),
                            amount(t, "quick_charge", where)));
        });
        return tariffs;
    }

    private static Map<String, Location> locations(JsonNode node, Map<String, Tariff> tariffs) {
        Map<String, Location> locations = new LinkedHashMap<>();
        for (JsonNode l : array(node, "locations")) {
            String id = text(l, "id", "locations[]");
            String where = "locations." + id;
            locations.put(id, new Location(id, tariff(tariffs, text(l, "country", where), where), locale(l, where)));
        }
        return locations;
    }

    private static Map<String, StationSeed> stations(JsonNode node, Map<String, Tariff> tariffs) {
        Map<String, StationSeed> stations = new LinkedHashMap<>();
        for (JsonNode s : array(node, "stations")) {
            String id = text(s, "external_id", "stations[]");
            String where = "stations." + id;
            Tariff tariff = tariff(tariffs, text(s, "country", where), where);
            StationState state = enumValue(StationState.class, s.path("state").asText("ONLINE"), where + ".state");
            JsonNode p = s.path("prices");
            StationPrices prices = new StationPrices(
                    p.has("charge") ? amount(p, "charge", where) : tariff.charge(),
                    p.has("quick_charge") ? amount(p, "quick_charge", where) : tariff.quickCharge(),
                    p.has("deposit") ? amount(p, "deposit", where) : tariff.deposit(),
                    p.has("weekly_late_fee") ? amount(p, "weekly_late_fee", where) : tariff.weeklyLateFee(),
                    p.path("stripe_price_id").asText("price_sandbox_" + id));
            stations.put(id, new StationSeed(id, tariff, locale(s, where), state, prices));
        }
        return stations;
    }

    private static Map<String, Coupon> coupons(JsonNode node) {
        Map<String, Coupon> coupons = new LinkedHashMap<>();
        for (JsonNode c : array(node, "coupons")) {
            String code = text(c, "code", "coupons[]");
            String couponType =
                    c.hasNonNull("coupon_type") ? c.get("coupon_type").asText() : null;
            String paymentVia = c.path("payment_via").asText("shop");
            if (!paymentVia.equals("shop") && !paymentVia.equals("app")) {
                throw new IllegalArgumentException("coupons." + code + ".payment_via must be shop or app");
            }
            coupons.put(
                    code,
                    new Coupon(code, couponType, paymentVia, c.path("active").asBoolean(true)));
        }
        return coupons;
    }

    private static Map<String, String> accounts(JsonNode node) {
        Map<String, String> accounts = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return accounts;
        }
        for (JsonNode a : array(node, "accounts")) {
            String id = text(a, "auth0_id", "accounts[]");
            accounts.put(id, a.hasNonNull("coupon_type") ? a.get("coupon_type").asText() : null);
        }
        return accounts;
    }

    private static List<BatterySeed> batteries(JsonNode node) {
        List<BatterySeed> batteries = new ArrayList<>();
        for (JsonNode b : array(node, "batteries")) {
            String where = b.has("id")
                    ? "batteries." + b.get("id").asText()
                    : "batteries(prefix " + b.path("prefix").asText() + ")";
            BatteryState state = enumValue(BatteryState.class, text(b, "state", where), where + ".state");
            int daysAgo = b.path("rented_days_ago").asInt(state == BatteryState.RENTED ? 1 : 0);
            if (b.has("id")) {
                batteries.add(new BatterySeed(b.get("id").asText(), state, daysAgo));
                continue;
            }
            String prefix = text(b, "prefix", where);
            int from = b.path("from").asInt(1);
            int to = b.path("to").asInt(-1);
            int digits = b.path("digits").asInt(1);
            if (to < from || to - from > 1_000_000) {
                throw new IllegalArgumentException(where + ": needs 'from' <= 'to' (at most a million batteries)");
            }
            for (int n = from; n <= to; n++) {
                batteries.add(
                        new BatterySeed(prefix + String.format(Locale.ROOT, "%0" + digits + "d", n), state, daysAgo));
            }
        }
        return batteries;
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("Seed needs a '" + name + "' array");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static BigDecimal amount(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(where + ": '" + field + "' must not be negative");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a number", e);
        }
    }

    private static Tariff tariff(Map<String, Tariff> tariffs, String country, String where) {
        Tariff tariff = tariffs.get(country);
        if (tariff == null) {
            throw new IllegalArgumentException(where + ": no tariff for country " + country);
        }
        return tariff;
    }

    private static String locale(JsonNode node, String where) {
        String locale = text(node, "locale", where);
        if (!LANGUAGES.contains(locale.substring(0, Math.min(2, locale.length())))) {
            throw new IllegalArgumentException(where + ": locale must start with de, fr, it or en: " + locale);
        }
        return locale;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown value " + value, e);
        }
    }
}
