package io.llmsentinel.schema.codec;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts OTLP attribute values to the Java types of our event. Lenient where the meaning is
 * unambiguous, because SDKs differ: integers may arrive as strings ("123") or as integral doubles
 * (JavaScript has no int), scalars are accepted where a string is expected. Anything else is a
 * {@link io.llmsentinel.schema.DlqReason#WRONG_TYPE} naming the attribute. Empty strings count as
 * absent so that fallbacks (e.g. response model for request model) still apply.
 */
final class AnyValues {
    private AnyValues() {}

    static String asString(AnyValue v, String key) throws RejectionException {
        switch (v.getValueCase()) {
            case STRING_VALUE:
                String s = v.getStringValue();
                return s.isEmpty() ? null : s;
            case INT_VALUE:
                return Long.toString(v.getIntValue());
            case DOUBLE_VALUE:
                return Double.toString(v.getDoubleValue());
            case BOOL_VALUE:
                return Boolean.toString(v.getBoolValue());
            case VALUE_NOT_SET:
                return null;
            default:
                throw RejectionException.wrongType(key, "a string", describe(v));
        }
    }

    /**
     * A scalar as text, never throwing: for content and optional signals, where an odd value must
     * cost only itself. Null for absent, empty, arrays, maps and bytes.
     */
    static String textOrNull(AnyValue v) {
        if (v == null) {
            return null;
        }
        try {
            return asString(v, "");
        } catch (RejectionException e) {
            return null;
        }
    }

    static Long asLong(AnyValue v, String key) throws RejectionException {
        switch (v.getValueCase()) {
            case INT_VALUE:
                return v.getIntValue();
            case STRING_VALUE:
                String s = v.getStringValue().trim();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw RejectionException.wrongType(key, "an integer", describe(v));
                }
            case DOUBLE_VALUE:
                double d = v.getDoubleValue();
                // 2^63 itself is not a long; the range check is on the open interval
                if (d == Math.rint(d) && d > -0x1p63 && d < 0x1p63) {
                    return (long) d;
                }
                throw RejectionException.wrongType(key, "an integer", describe(v));
            case VALUE_NOT_SET:
                return null;
            default:
                throw RejectionException.wrongType(key, "an integer", describe(v));
        }
    }

    static Double asDouble(AnyValue v, String key) throws RejectionException {
        switch (v.getValueCase()) {
            case DOUBLE_VALUE:
                return v.getDoubleValue();
            case INT_VALUE:
                return (double) v.getIntValue();
            case STRING_VALUE:
                String s = v.getStringValue().trim();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw RejectionException.wrongType(key, "a number", describe(v));
                }
            case VALUE_NOT_SET:
                return null;
            default:
                throw RejectionException.wrongType(key, "a number", describe(v));
        }
    }

    /** An array of scalars, or a single scalar as a one-element list; null when empty. */
    static List<String> asStringList(AnyValue v, String key) throws RejectionException {
        if (v.getValueCase() != AnyValue.ValueCase.ARRAY_VALUE) {
            String s = asString(v, key);
            return s == null ? null : new ArrayList<>(List.of(s));
        }
        ArrayValue array = v.getArrayValue();
        int n = array.getValuesCount();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = asString(array.getValues(i), key);
            if (s != null) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * A short description of a value for reject messages; never the whole (possibly huge) value.
     */
    static String describe(AnyValue v) {
        if (v.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
            String s = v.getStringValue();
            return "\"" + (s.length() <= 40 ? s : s.substring(0, 40) + "...") + "\"";
        }
        return v.getValueCase().name().toLowerCase(Locale.ROOT);
    }
}
