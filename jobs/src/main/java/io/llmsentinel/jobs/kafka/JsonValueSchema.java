package io.llmsentinel.jobs.kafka;

import io.llmsentinel.schema.Codecs;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Writes a contract type as its JSON bytes. */
final class JsonValueSchema<T> implements SerializationSchema<T> {
    @Override
    public byte[] serialize(T element) {
        return Codecs.toJsonBytes(element);
    }
}
