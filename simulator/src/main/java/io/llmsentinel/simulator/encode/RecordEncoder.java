package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import java.util.function.Consumer;

/**
 * Turns events into records of one {@link io.llmsentinel.schema.SourceFormat}. An encoder may hold
 * events back to batch them (OTLP requests carry several spans), so callers must {@link #flush} at
 * the end. Not thread-safe.
 */
public interface RecordEncoder {
    /** Encodes the event, handing zero or more finished records to {@code out}. */
    void encode(LlmEvent event, Consumer<EncodedRecord> out);

    /** Hands out whatever is still held back. */
    void flush(Consumer<EncodedRecord> out);
}
