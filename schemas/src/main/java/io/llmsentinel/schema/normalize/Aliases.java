package io.llmsentinel.schema.normalize;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Spellings of canonical values, matched through a key function that erases the differences that do
 * not matter (case, separators); a value that is no known spelling is kept in the form {@code
 * unknown} gives it. Built once in a static initialiser, read-only after.
 */
final class Aliases {
    private final UnaryOperator<String> key;
    private final UnaryOperator<String> unknown;
    private final Map<String, String> canonical = new HashMap<>();

    Aliases(UnaryOperator<String> key, UnaryOperator<String> unknown) {
        this.key = key;
        this.unknown = unknown;
    }

    Aliases add(String canonicalValue, String... spellings) {
        for (String s : spellings) {
            canonical.put(key.apply(s), canonicalValue);
        }
        return this;
    }

    /** The canonical value of {@code raw}; null and blank (in either form) give null. */
    String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String known = canonical.get(key.apply(raw));
        String value = known != null ? known : unknown.apply(raw);
        return value.isEmpty() ? null : value;
    }
}
