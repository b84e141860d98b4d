package io.llmsentinel.simulator.encode;

/**
 * One record as it goes to a file or a Kafka topic.
 *
 * @param key the Kafka key (session id, or event id when there is no session); may be null
 * @param timestampMs the record timestamp: the (latest) event time it carries
 * @param eventCount valid events inside (several for an OTLP request, 0 for a hostile record)
 * @param hostileKind null for a valid record; for a deliberately broken one, what is wrong with it
 *     (e.g. {@code truncated_json}, {@code negative_tokens}), so tests can count them
 */
public record EncodedRecord(
        byte[] key, byte[] value, long timestampMs, int eventCount, String hostileKind) {

    public boolean hostile() {
        return hostileKind != null;
    }
}
