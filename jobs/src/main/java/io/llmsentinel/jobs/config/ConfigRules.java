package io.llmsentinel.jobs.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

/**
 * The rules a configuration value is checked against, each with one meaning wherever it is used,
 * and the one format of a configuration error: {@code bad value for 'KEY': 'VALUE' (RULE)}, where
 * VALUE is what the configuration says (or the default when it says nothing).
 *
 * <p>Numbers: {@link #positive} is more than 0, {@link #nonNegative} is 0 or more, {@link #atLeast}
 * and {@link #within} take their bound; every number rule accepts finite numbers only (Infinity
 * passes any lower bound but is no threshold). Durations: the same words with a duration bound,
 * plus whole seconds or minutes for detectors that work on slices of that size.
 */
public final class ConfigRules {
    private ConfigRules() {}

    // --- numbers ---

    /** More than 0. */
    public static <N extends Number> N positive(Configuration conf, ConfigOption<N> option) {
        return check(conf, option, v -> finite(v) && v.doubleValue() > 0, "must be more than 0");
    }

    /** 0 or more. */
    public static <N extends Number> N nonNegative(Configuration conf, ConfigOption<N> option) {
        return check(conf, option, v -> finite(v) && v.doubleValue() >= 0, "must be 0 or more");
    }

    /** {@code min} or more. */
    public static <N extends Number> N atLeast(Configuration conf, ConfigOption<N> option, N min) {
        return check(
                conf,
                option,
                v -> finite(v) && compare(v, min) >= 0,
                "must be at least " + Range.number(min));
    }

    /** At least the value of {@code other}, e.g. a critical level and its warning level. */
    public static <N extends Number> N atLeast(
            Configuration conf, ConfigOption<N> option, ConfigOption<N> other) {
        N min = conf.get(other);
        return atLeastOther(conf, option, other, v -> finite(v) && compare(v, min) >= 0);
    }

    /** Inside {@code range}. */
    public static <N extends Number> N within(
            Configuration conf, ConfigOption<N> option, Range range) {
        return check(conf, option, v -> finite(v) && range.contains(v.doubleValue()), range.rule());
    }

    // --- durations ---

    /** Longer than 0. */
    public static Duration positiveDuration(Configuration conf, ConfigOption<Duration> option) {
        return check(conf, option, d -> !d.isNegative() && !d.isZero(), "must be more than 0");
    }

    /** 0 or longer. */
    public static Duration nonNegativeDuration(Configuration conf, ConfigOption<Duration> option) {
        return check(conf, option, d -> !d.isNegative(), "must be 0 or more");
    }

    /** {@code min} or longer. */
    public static Duration durationAtLeast(
            Configuration conf, ConfigOption<Duration> option, Duration min) {
        return check(conf, option, d -> d.compareTo(min) >= 0, "must be at least " + format(min));
    }

    /** At least as long as {@code other}, e.g. an idle timeout and the window it must outlive. */
    public static Duration durationAtLeast(
            Configuration conf, ConfigOption<Duration> option, ConfigOption<Duration> other) {
        Duration min = conf.get(other);
        return atLeastOther(conf, option, other, d -> d.compareTo(min) >= 0);
    }

    /** From {@code min} to {@code max}, both included. */
    public static Duration durationWithin(
            Configuration conf, ConfigOption<Duration> option, Duration min, Duration max) {
        return between(conf, option, min, max, format(min), format(max));
    }

    /** A whole number of seconds, {@code min} or longer. */
    public static Duration wholeSeconds(
            Configuration conf, ConfigOption<Duration> option, Duration min) {
        return check(
                conf,
                option,
                d -> d.toMillis() % 1000 == 0 && d.compareTo(min) >= 0,
                "must be whole seconds, at least " + format(min));
    }

    /** A whole number of minutes from {@code min} to {@code max}; returns the minutes. */
    public static int wholeMinutes(
            Configuration conf, ConfigOption<Duration> option, int min, int max) {
        Duration d =
                check(
                        conf,
                        option,
                        v ->
                                v.toMillis() % 60_000 == 0
                                        && v.toMinutes() >= min
                                        && v.toMinutes() <= max,
                        "must be whole minutes, " + min + " to " + max + " min");
        return (int) d.toMinutes();
    }

    // --- sizes and text ---

    /** From {@code min} to {@code max}, both included. */
    public static MemorySize memoryWithin(
            Configuration conf, ConfigOption<MemorySize> option, MemorySize min, MemorySize max) {
        return between(conf, option, min, max, min.toString(), max.toString());
    }

    /** Not empty after trimming; returns the trimmed value. */
    public static String nonBlank(Configuration conf, ConfigOption<String> option) {
        return check(conf, option, s -> s != null && !s.isBlank(), "must not be blank").trim();
    }

    /** At least one element and none twice (a key made of model and model is a typo). */
    public static <E> List<E> distinctNonEmpty(Configuration conf, ConfigOption<List<E>> option) {
        List<E> values = check(conf, option, v -> !v.isEmpty(), "must list at least one value");
        List<E> seen = new ArrayList<>();
        for (E value : values) {
            if (seen.contains(value)) {
                throw badValue(conf, option, "must not list '" + value + "' twice");
            }
            seen.add(value);
        }
        return values;
    }

    // --- any rule ---

    /** The option's value if {@code ok} holds for it, else the error stating {@code rule}. */
    public static <T> T check(
            Configuration conf, ConfigOption<T> option, Predicate<? super T> ok, String rule) {
        T value = conf.get(option);
        if (!ok.test(value)) {
            throw badValue(conf, option, rule);
        }
        return value;
    }

    /**
     * {@link #check} for a secret: the error shows the value's length, never the value, since
     * configuration errors end up in logs.
     */
    public static String checkSecret(
            Configuration conf, ConfigOption<String> option, Predicate<String> ok, String rule) {
        String value = conf.get(option);
        if (!ok.test(value)) {
            throw badValue(option, "(secret, " + value.length() + " chars)", rule);
        }
        return value;
    }

    private static <T extends Comparable<? super T>> T between(
            Configuration conf,
            ConfigOption<T> option,
            T min,
            T max,
            String minText,
            String maxText) {
        return check(
                conf,
                option,
                v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0,
                "must be between " + minText + " and " + maxText);
    }

    private static <T> T atLeastOther(
            Configuration conf,
            ConfigOption<T> option,
            ConfigOption<T> other,
            Predicate<? super T> ok) {
        return check(
                conf,
                option,
                ok,
                "must be at least " + other.key() + " (" + shown(conf, other) + ")");
    }

    /** The error for the option's current value, whose parser failed with {@code cause}. */
    public static IllegalArgumentException badValue(
            Configuration conf, ConfigOption<?> option, RuntimeException cause) {
        IllegalArgumentException bad = badValue(conf, option, cause.getMessage());
        bad.initCause(cause);
        return bad;
    }

    /** The error for the option's current value breaking {@code rule}. */
    public static IllegalArgumentException badValue(
            Configuration conf, ConfigOption<?> option, String rule) {
        return badValue(option, shown(conf, option), rule);
    }

    /** The error for {@code value}, as written, breaking {@code rule}. */
    public static IllegalArgumentException badValue(
            ConfigOption<?> option, String value, String rule) {
        return new IllegalArgumentException(
                "bad value for '" + option.key() + "': '" + value + "' (" + rule + ")");
    }

    /** The value as the configuration spells it, or the default's spelling when it is unset. */
    public static String shown(Configuration conf, ConfigOption<?> option) {
        String raw = conf.toMap().get(option.key());
        return raw != null ? raw : spelled(option, conf);
    }

    /** How Flink writes a value of the option (the spelling it parses back). */
    public static <T> String spelling(ConfigOption<T> option, T value) {
        if (value == null) {
            return "";
        }
        Configuration one = new Configuration();
        one.set(option, value);
        return one.toMap().get(option.key());
    }

    private static <T> String spelled(ConfigOption<T> option, Configuration conf) {
        return spelling(option, conf.get(option));
    }

    static String format(Duration d) {
        return TimeUtils.formatWithHighestUnit(d);
    }

    private static boolean finite(Number n) {
        return Double.isFinite(n.doubleValue());
    }

    /** Exact for integers of any size, numeric for the rest. */
    private static int compare(Number a, Number b) {
        boolean integral =
                !(a instanceof Double
                        || a instanceof Float
                        || b instanceof Double
                        || b instanceof Float);
        return integral
                ? Long.compare(a.longValue(), b.longValue())
                : Double.compare(a.doubleValue(), b.doubleValue());
    }
}
