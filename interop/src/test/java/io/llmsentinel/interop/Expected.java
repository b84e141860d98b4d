package io.llmsentinel.interop;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one field of one event should hold: nothing, exactly a value, or (for measured times) a
 * number in a range. Numbers compare by value (a JSON 64 and a Java long 64 are the same). Made by
 * the factory methods only.
 *
 * @param value the exact value expected; null when absent or a range
 * @param min the range's lower end (NaN unless a range)
 * @param max the range's upper end (NaN unless a range)
 */
record Expected(JsonNode value, double min, double max) {
    private static final double TOLERANCE = 1e-6;
    private static final Expected ABSENT = new Expected(null, Double.NaN, Double.NaN);

    static Expected absent() {
        return ABSENT;
    }

    /** A JSON null or missing node means absent. */
    static Expected exactly(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                ? ABSENT
                : new Expected(value, Double.NaN, Double.NaN);
    }

    static Expected exactly(Object value) {
        return exactly(InteropJson.MAPPER.valueToTree(value));
    }

    static Expected between(double min, double max) {
        return new Expected(null, min, max);
    }

    boolean isAbsent() {
        return value == null && Double.isNaN(min);
    }

    boolean matches(JsonNode actual) {
        boolean actualAbsent = actual == null || actual.isNull() || actual.isMissingNode();
        if (isAbsent() || actualAbsent) {
            return isAbsent() && actualAbsent;
        }
        if (value == null) {
            double v = actual.asDouble(Double.NaN);
            return actual.isNumber() && v >= min - TOLERANCE && v <= max + TOLERANCE;
        }
        return same(value, actual);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.doubleValue() - b.doubleValue()) <= TOLERANCE;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    @Override
    public String toString() {
        if (isAbsent()) {
            return "(absent)";
        }
        return value != null ? value.toString() : "a number in [" + min + ", " + max + "]";
    }

    static String describe(JsonNode actual) {
        return actual == null || actual.isNull() || actual.isMissingNode()
                ? "(absent)"
                : actual.toString();
    }
}
