package io.llmsentinel.jobs.config;

import java.math.BigDecimal;

/**
 * An interval a number option must lie in, with its ends included or not, written the same way in
 * every error: {@code must be in (0, 1): between 0 and 1, both excluded}.
 */
public record Range(double low, boolean lowIncluded, double high, boolean highIncluded) {

    /** {@code (low, high)}: p-values, significance levels, shares that must leave room. */
    public static Range open(double low, double high) {
        return new Range(low, false, high, false);
    }

    /** {@code [low, high]}. */
    public static Range closed(double low, double high) {
        return new Range(low, true, high, true);
    }

    /** {@code (low, high]}: a share that may be the whole. */
    public static Range openClosed(double low, double high) {
        return new Range(low, false, high, true);
    }

    /** {@code [low, high)}. */
    public static Range closedOpen(double low, double high) {
        return new Range(low, true, high, false);
    }

    public boolean contains(double value) {
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        boolean belowHigh = highIncluded ? value <= high : value < high;
        return aboveLow && belowHigh;
    }

    /** The rule as an error states it. */
    public String rule() {
        String interval =
                (lowIncluded ? "[" : "(")
                        + number(low)
                        + ", "
                        + number(high)
                        + (highIncluded ? "]" : ")");
        String words;
        if (lowIncluded && highIncluded) {
            words = number(low) + " to " + number(high);
        } else if (!lowIncluded && !highIncluded) {
            words = "between " + number(low) + " and " + number(high) + ", both excluded";
        } else {
            words =
                    (lowIncluded ? "at least " : "above ")
                            + number(low)
                            + " and "
                            + (highIncluded ? "at most " : "below ")
                            + number(high);
        }
        return "must be in " + interval + ": " + words;
    }

    /** A number as people write it: {@code 1} rather than {@code 1.0}, never an exponent. */
    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : String.valueOf(d);
        }
        return String.valueOf(n);
    }
}
