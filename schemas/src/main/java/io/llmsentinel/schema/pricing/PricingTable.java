package io.llmsentinel.schema.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.Codecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Token prices per provider and model, versioned, with price changes over time. Reference data
 * shared by the simulator (which writes {@code cost_usd}) and the cost job (which fills it in when
 * a producer did not).
 *
 * <p>File format ({@code pricing/default-pricing.json} is the bundled one):
 *
 * <pre>{@code
 * {"version": "2025-06-01", "description": "...", "currency": "USD",
 *  "entries": [{"provider": "openai", "model": "gpt-4o", "effective_from": "2024-10-01",
 *               "input_usd_per_mtok": 2.5, "output_usd_per_mtok": 10,
 *               "cached_input_usd_per_mtok": 1.25}]}
 * }</pre>
 *
 * <p>Lookup rules: the provider must match exactly. A model matches an entry with the same name, or
 * else the entry named by the longest prefix that ends before a {@code -}, so that dated snapshots
 * ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-20250514}) and aliases ({@code
 * mistral-large-latest}) price like their family. Of a model's entries, the one with the latest
 * {@code effective_from} (a UTC date) not after the event time applies.
 *
 * <p>Immutable and thread-safe; serialisable so a Flink function can hold it.
 */
public final class PricingTable implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Classpath location of the bundled table. */
    public static final String DEFAULT_RESOURCE = "/pricing/default-pricing.json";

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("version", "description", "currency", "entries");
    private static final Set<String> ENTRY_KEYS =
            Set.of(
                    "provider",
                    "model",
                    "effective_from",
                    "input_usd_per_mtok",
                    "output_usd_per_mtok",
                    "cached_input_usd_per_mtok");

    /** One price list for one model from one date on. Prices are USD per million tokens. */
    public record Price(
            String provider,
            String model,
            LocalDate effectiveFrom,
            double inputPerMillion,
            double outputPerMillion,
            double cachedInputPerMillion)
            implements Serializable {

        long effectiveFromMs() {
            return effectiveFrom.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
    }

    /**
     * Whether a call could be priced, and if not why: the outcome the cost job turns into metrics
     * and its {@code unpriced_model} anomaly, so that an operator sees which entry the table lacks.
     */
    public enum Coverage {
        PRICED,
        /** The table has no entry for the provider at all (or the event names none). */
        UNKNOWN_PROVIDER,
        /** The provider is in the table, this model (or its family) is not. */
        UNKNOWN_MODEL,
        /** The model is in the table, but its first price takes effect after the call. */
        BEFORE_FIRST_PRICE;

        /** The outcome as a metric or evidence label: the constant's name in lower case. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The price in effect for a call, or why there is none ({@code price} is then null). */
    public record Lookup(Coverage coverage, Price price) {
        public boolean isPriced() {
            return coverage == Coverage.PRICED;
        }
    }

    /** A model's price lists, oldest first, with their start times precomputed for lookups. */
    private static final class History implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] fromMs;
        final Price[] prices;

        History(List<Price> sorted) {
            this.prices = sorted.toArray(new Price[0]);
            this.fromMs = new long[prices.length];
            for (int i = 0; i < prices.length; i++) {
                fromMs[i] = prices[i].effectiveFromMs();
            }
        }

        Price at(long timeMs) {
            Price current = null;
            for (int i = 0; i < prices.length && fromMs[i] <= timeMs; i++) {
                current = prices[i];
            }
            return current;
        }
    }

    private final String version;
    private final List<Price> prices;

    /** provider -> model -> price history. */
    private final Map<String, Map<String, History>> index;

    private PricingTable(String version, List<Price> prices) {
        this.version = version;
        this.prices = List.copyOf(prices);
        Map<String, Map<String, List<Price>>> byProvider = new HashMap<>();
        for (Price p : prices) {
            byProvider
                    .computeIfAbsent(p.provider(), k -> new HashMap<>())
                    .computeIfAbsent(p.model(), k -> new ArrayList<>())
                    .add(p);
        }
        this.index = new HashMap<>();
        byProvider.forEach(
                (provider, byModel) -> {
                    Map<String, History> histories = new HashMap<>();
                    byModel.forEach(
                            (model, list) -> {
                                list.sort(Comparator.comparing(Price::effectiveFrom));
                                histories.put(model, new History(list));
                            });
                    index.put(provider, histories);
                });
    }

    /** The table bundled in this jar. */
    public static PricingTable loadDefault() {
        try (InputStream in = PricingTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(Codecs.mapper().readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads and validates a table file.
     *
     * @throws IllegalArgumentException naming the offending entry when the file is not a valid
     *     table
     */
    public static PricingTable load(Path file) {
        try {
            return parse(Codecs.mapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pricing table " + file, e);
        }
    }

    public String version() {
        return version;
    }

    /** All entries, in file order. */
    public List<Price> prices() {
        return prices;
    }

    /** The price list in effect for this model at this time, if the table has one. */
    public Optional<Price> priceAt(String provider, String model, long eventTimeMs) {
        return Optional.ofNullable(lookup(provider, model, eventTimeMs).price());
    }

    /** The price list in effect for this model at this time, or why the table has none. */
    public Lookup lookup(String provider, String model, long eventTimeMs) {
        if (provider == null || !index.containsKey(provider)) {
            return new Lookup(Coverage.UNKNOWN_PROVIDER, null);
        }
        History history = history(provider, model);
        if (history == null) {
            return new Lookup(Coverage.UNKNOWN_MODEL, null);
        }
        Price p = history.at(eventTimeMs);
        return p == null
                ? new Lookup(Coverage.BEFORE_FIRST_PRICE, null)
                : new Lookup(Coverage.PRICED, p);
    }

    /**
     * The cost of one call. Input tokens include the cached ones (as the GenAI conventions count
     * them): cached tokens are charged at the cached rate, the rest of the input at the input rate.
     *
     * @return empty when the model is not priced at that time or a count is negative
     */
    public OptionalDouble costUsd(
            String provider,
            String model,
            long eventTimeMs,
            long inputTokens,
            long outputTokens,
            long cachedInputTokens) {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
            return OptionalDouble.empty();
        }
        History history = history(provider, model);
        Price p = history == null ? null : history.at(eventTimeMs);
        if (p == null) {
            return OptionalDouble.empty();
        }
        long uncachedInput = Math.max(0, inputTokens - cachedInputTokens);
        double micros =
                uncachedInput * p.inputPerMillion()
                        + cachedInputTokens * p.cachedInputPerMillion()
                        + outputTokens * p.outputPerMillion();
        return OptionalDouble.of(micros / 1_000_000.0);
    }

    private History history(String provider, String model) {
        if (provider == null || model == null) {
            return null;
        }
        Map<String, History> byModel = index.get(provider);
        if (byModel == null) {
            return null;
        }
        String candidate = model;
        while (true) {
            History history = byModel.get(candidate);
            if (history != null) {
                return history;
            }
            int dash = candidate.lastIndexOf('-');
            if (dash <= 0) {
                return null;
            }
            candidate = candidate.substring(0, dash);
        }
    }

    private static PricingTable parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a pricing table must be a JSON object");
        }
        rejectUnknownKeys(root, TOP_LEVEL_KEYS, source);
        String version = requiredText(root, "version", source);
        JsonNode currency = root.get("currency");
        if (currency != null && !"USD".equals(currency.asText())) {
            throw new IllegalArgumentException(
                    source + ": only USD prices are supported, got currency " + currency);
        }
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'entries' must be a non-empty array");
        }
        List<Price> prices = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Price p = parseEntry(entries.get(i), source + " entries[" + i + "]");
            String key = p.provider() + "/" + p.model() + "@" + p.effectiveFrom();
            if (!seen.add(key)) {
                throw new IllegalArgumentException(
                        source + " entries[" + i + "] (" + key + "): duplicate entry");
            }
            prices.add(p);
        }
        return new PricingTable(version, prices);
    }

    private static Price parseEntry(JsonNode entry, String where) {
        if (entry == null || !entry.isObject()) {
            throw new IllegalArgumentException(where + ": an entry must be a JSON object");
        }
        String provider = requiredText(entry, "provider", where);
        String model = requiredText(entry, "model", where);
        String name = where + " (" + provider + "/" + model + ")";
        rejectUnknownKeys(entry, ENTRY_KEYS, name);
        LocalDate from;
        try {
            from = LocalDate.parse(requiredText(entry, "effective_from", name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + ": effective_from must be an ISO date (yyyy-mm-dd)", e);
        }
        return new Price(
                provider,
                model,
                from,
                requiredPrice(entry, "input_usd_per_mtok", name),
                requiredPrice(entry, "output_usd_per_mtok", name),
                requiredPrice(entry, "cached_input_usd_per_mtok", name));
    }

    private static void rejectUnknownKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static String requiredText(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new IllegalArgumentException(
                    where + ": '" + key + "' must be a non-empty string");
        }
        return v.textValue();
    }

    private static double requiredPrice(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a number");
        }
        double d = v.doubleValue();
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    where + ": '" + key + "' must be a non-negative finite price, got " + d);
        }
        return d;
    }
}
