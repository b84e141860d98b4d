package io.llmsentinel.simulator.sink;

import io.llmsentinel.simulator.encode.EncodedRecord;

/** Where simulated records go: a file, a Kafka topic, memory. Not thread-safe. */
public interface RecordSink extends AutoCloseable {
    void write(EncodedRecord record);

    /** Makes everything written so far durable (on disk, acknowledged by the broker). */
    void flush();

    @Override
    void close();
}
