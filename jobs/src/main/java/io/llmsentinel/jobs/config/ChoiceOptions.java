package io.llmsentinel.jobs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options whose value is one of a fixed set: a Java enum, or a list of them.
 *
 * <p>Wire names: Flink parses an enum option by comparing the value with each constant's {@code
 * toString()}, ignoring case, and writes a value back with {@code toString()}. Our choice enums
 * therefore return their wire name from {@code toString()} ({@code committed-or-earliest}, not
 * {@code COMMITTED_OR_EARLIEST}): Flink then accepts exactly the spellings the documentation and
 * the committed savepoint fixtures use, and a configuration written by Flink reads back the same.
 *
 * <p>Two spellings accepted before these options were typed are normalised here before Flink sees
 * the value ({@link JobConfig} does it for every choice option): blanks around a value, and lists
 * separated by {@code ,} rather than Flink's {@code ;} ({@code latency.key-dimensions:
 * model,tenant}). Flink's own list forms ({@code a;b}, {@code [a, b]}) keep working.
 */
final class ChoiceOptions {
    private ChoiceOptions() {}

    /** The value as Flink's enum parsing accepts it. */
    static String normalise(DeclaredOption option, String raw) {
        if (!option.isList()) {
            return raw.trim();
        }
        return String.join(";", items(raw));
    }

    /** The rule an unknown value broke, naming the unknown items of a list and what is allowed. */
    static String rule(DeclaredOption option, String raw) {
        Class<? extends Enum<?>> type = option.choices().orElseThrow();
        if (!option.isList()) {
            return "must be " + allowed(type);
        }
        List<String> unknown = new ArrayList<>();
        for (String item : items(raw)) {
            if (!isWireName(type, item)) {
                unknown.add("'" + item + "'");
            }
        }
        return String.join(", ", unknown)
                + (unknown.size() == 1 ? " is" : " are")
                + " not allowed; must be a list of "
                + allowed(type);
    }

    /** The wire names of {@code type}: {@code earliest, latest or committed-or-earliest}. */
    static String allowed(Class<? extends Enum<?>> type) {
        List<String> names = wireNames(type);
        int last = names.size() - 1;
        return last == 0
                ? names.get(0)
                : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }

    static List<String> wireNames(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }

    /** As Flink matches it: the constant's toString(), ignoring case. */
    private static boolean isWireName(Class<? extends Enum<?>> type, String value) {
        String wanted = value.toUpperCase(Locale.ROOT);
        return wireNames(type).stream().anyMatch(n -> n.toUpperCase(Locale.ROOT).equals(wanted));
    }

    /**
     * The items of a list value written as {@code a,b}, {@code a;b}, {@code [a, b]} or a mix: wire
     * names hold none of {@code , ; [ ]}, so splitting on them all loses nothing. Blank items are
     * dropped, as they always were.
     */
    private static List<String> items(String raw) {
        String v = raw.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String item : v.split("[,;]")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }
}
