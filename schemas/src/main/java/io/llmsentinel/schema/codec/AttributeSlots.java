package io.llmsentinel.schema.codec;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * The values of the attributes in {@link OtlpAttribute}, taken from one attribute list in a single
 * pass. Attributes the mapper does not read are skipped after one hash lookup. If a key repeats
 * (the OTLP spec forbids it, but nothing enforces it), the last value wins, as in most SDKs.
 */
final class AttributeSlots {
    private final AnyValue[] values = new AnyValue[OtlpAttribute.COUNT];

    static AttributeSlots of(List<KeyValue> attributes) {
        AttributeSlots slots = new AttributeSlots();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            KeyValue kv = attributes.get(i);
            OtlpAttribute a = OtlpAttribute.byKey(kv.getKey());
            if (a != null && kv.hasValue()) {
                slots.values[a.ordinal()] = kv.getValue();
            }
        }
        return slots;
    }

    boolean has(OtlpAttribute a) {
        return values[a.ordinal()] != null;
    }

    /** The raw value, or null when absent. */
    AnyValue get(OtlpAttribute a) {
        return values[a.ordinal()];
    }

    String string(OtlpAttribute a) throws RejectionException {
        AnyValue v = values[a.ordinal()];
        return v == null ? null : AnyValues.asString(v, a.key);
    }

    Long integer(OtlpAttribute a) throws RejectionException {
        AnyValue v = values[a.ordinal()];
        return v == null ? null : AnyValues.asLong(v, a.key);
    }

    Double number(OtlpAttribute a) throws RejectionException {
        AnyValue v = values[a.ordinal()];
        return v == null ? null : AnyValues.asDouble(v, a.key);
    }

    List<String> strings(OtlpAttribute a) throws RejectionException {
        AnyValue v = values[a.ordinal()];
        return v == null ? null : AnyValues.asStringList(v, a.key);
    }

    /**
     * The primary attribute, else the fallback (a deprecated name); the fallback is read only if
     * needed.
     */
    String string(OtlpAttribute primary, OtlpAttribute fallback) throws RejectionException {
        String v = string(primary);
        return v != null ? v : string(fallback);
    }

    Long integer(OtlpAttribute primary, OtlpAttribute fallback) throws RejectionException {
        Long v = integer(primary);
        return v != null ? v : integer(fallback);
    }

    Double number(OtlpAttribute primary, OtlpAttribute fallback) throws RejectionException {
        Double v = number(primary);
        return v != null ? v : number(fallback);
    }
}
