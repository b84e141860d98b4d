package io.llmsentinel.schema.codec;

/**
 * Turns the bytes of one input record into canonical events. Implementations never throw on bad
 * input: every problem becomes a {@link Rejection}. They are thread-safe.
 */
public interface RecordDecoder {
    /**
     * @param payload the record value
     * @param referenceTime epoch ms the event-time range check is relative to (the Kafka record
     *     timestamp, or the wall clock)
     */
    DecodeResult decode(byte[] payload, long referenceTime);
}
