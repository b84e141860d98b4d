package io.llmsentinel.detectors.common;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence map of an anomaly, built so that raw content cannot slip in: values are numbers,
 * short identifiers (model names, rule ids, anomaly ids) or {@link Redacted} text. Not thread-safe;
 * build one per record.
 *
 * <p>Keys are chosen by code, so a malformed key is a bug and throws. Values come from data, so a
 * value that is not an identifier is replaced by {@value #REFUSED} instead of throwing: one odd
 * input must neither leak raw text nor put a job into a restart loop.
 *
 * <p>Size is capped: at most {@value #MAX_ENTRIES} entries (further new keys are dropped and
 * counted under {@value #DROPPED_KEY}), each value at most {@value #MAX_VALUE_CHARS} characters as
 * the schema requires.
 */
public final class Evidence {
    public static final int MAX_ENTRIES = 32;
    public static final int MAX_VALUE_CHARS = 4096;
    public static final int MAX_KEY_CHARS = 64;
    public static final int MAX_IDENTIFIER_CHARS = 128;
    public static final String REFUSED = "refused:not-an-identifier";
    public static final String DROPPED_KEY = "evidence_dropped_entries";

    private final Map<String, String> entries = new LinkedHashMap<>();
    private int dropped;

    public Evidence() {}

    public static Evidence create() {
        return new Evidence();
    }

    public Evidence number(String key, long value) {
        return put(key, Long.toString(value));
    }

    /** Finite numbers in plain notation ({@code 0.0001}, not {@code 1.0E-4}). */
    public Evidence number(String key, double value) {
        String text =
                Double.isFinite(value)
                        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                        : Double.toString(value);
        return put(key, text);
    }

    /** A short identifier such as a model name or rule id; null adds nothing. */
    public Evidence id(String key, String identifier) {
        if (identifier == null) {
            return this;
        }
        return put(key, isIdentifier(identifier) ? identifier : REFUSED);
    }

    /**
     * A comma-separated list of identifiers, in the given order; ones that are not identifiers
     * appear as {@code refused}, and a list too long for one value ends with {@code +N more}.
     */
    public Evidence ids(String key, Collection<String> identifiers) {
        // Room for the "+N more" suffix when the list does not fit.
        int budget = MAX_VALUE_CHARS - 16;
        StringBuilder joined = new StringBuilder();
        int written = 0;
        for (String identifier : identifiers) {
            String item = identifier != null && isIdentifier(identifier) ? identifier : "refused";
            if (joined.length() + 1 + item.length() > budget) {
                joined.append(",+").append(identifiers.size() - written).append(" more");
                break;
            }
            if (written > 0) {
                joined.append(',');
            }
            joined.append(item);
            written++;
        }
        return put(key, joined.toString());
    }

    /** Text produced by {@link Redaction}: masks, hashes, snippets. */
    public Evidence redacted(String key, Redacted value) {
        if (value == null) {
            return this;
        }
        String text = value.text();
        return put(
                key, text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS));
    }

    /** A copy of the entries, in insertion order, plus the count of dropped entries if any. */
    public Map<String, String> toMap() {
        Map<String, String> copy = new LinkedHashMap<>(entries);
        if (dropped > 0) {
            copy.put(DROPPED_KEY, Integer.toString(dropped));
        }
        return copy;
    }

    public boolean isEmpty() {
        return entries.isEmpty() && dropped == 0;
    }

    /**
     * Whether {@code value} looks like an identifier: 1 to {@value #MAX_IDENTIFIER_CHARS}
     * characters of ASCII letters, digits and {@code . _ - : / @ + = #}. No spaces, so sentences,
     * prompts and responses never qualify. It cannot tell an email or a card number from an id:
     * pass only values the system itself names things with, and redact the rest.
     */
    public static boolean isIdentifier(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_IDENTIFIER_CHARS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || ".-_:/@+=#".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private Evidence put(String key, String value) {
        checkKey(key);
        if (entries.containsKey(key) || entries.size() < MAX_ENTRIES) {
            entries.put(key, value);
        } else {
            dropped++;
        }
        return this;
    }

    private static void checkKey(String key) {
        boolean valid = key != null && !key.isEmpty() && key.length() <= MAX_KEY_CHARS;
        for (int i = 0; valid && i < key.length(); i++) {
            char c = key.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        }
        if (!valid || DROPPED_KEY.equals(key)) {
            throw new IllegalArgumentException(
                    "evidence keys are lower-case snake_case identifiers of at most "
                            + MAX_KEY_CHARS
                            + " characters: "
                            + key);
        }
    }
}
