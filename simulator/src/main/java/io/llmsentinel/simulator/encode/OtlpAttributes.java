package io.llmsentinel.simulator.encode;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/** Adds typed attributes to a span builder, skipping nulls. */
final class OtlpAttributes {
    private OtlpAttributes() {}

    static void put(Span.Builder span, String key, String value) {
        if (value != null) {
            span.addAttributes(string(key, value));
        }
    }

    static void put(Span.Builder span, String key, Long value) {
        if (value != null) {
            span.addAttributes(
                    KeyValue.newBuilder()
                            .setKey(key)
                            .setValue(AnyValue.newBuilder().setIntValue(value)));
        }
    }

    static void put(Span.Builder span, String key, Integer value) {
        put(span, key, value == null ? null : value.longValue());
    }

    static void put(Span.Builder span, String key, Double value) {
        if (value != null) {
            span.addAttributes(
                    KeyValue.newBuilder()
                            .setKey(key)
                            .setValue(AnyValue.newBuilder().setDoubleValue(value)));
        }
    }

    static void put(Span.Builder span, String key, List<String> values) {
        if (values != null) {
            ArrayValue.Builder array = ArrayValue.newBuilder();
            for (String v : values) {
                array.addValues(AnyValue.newBuilder().setStringValue(v));
            }
            span.addAttributes(
                    KeyValue.newBuilder()
                            .setKey(key)
                            .setValue(AnyValue.newBuilder().setArrayValue(array)));
        }
    }

    static KeyValue string(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }
}
