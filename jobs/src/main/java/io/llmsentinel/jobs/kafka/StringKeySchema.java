package io.llmsentinel.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

/** Writes a record key extracted from the element; a null key spreads records over partitions. */
final class StringKeySchema<T> implements SerializationSchema<T> {
    private final SerializableFunction<T, String> key;

    StringKeySchema(SerializableFunction<T, String> key) {
        this.key = key;
    }

    @Override
    public byte[] serialize(T element) {
        String k = key.apply(element);
        return k == null ? null : k.getBytes(StandardCharsets.UTF_8);
    }
}
