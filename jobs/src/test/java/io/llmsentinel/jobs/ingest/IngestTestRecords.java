package io.llmsentinel.jobs.ingest;

import io.llmsentinel.schema.SourceFormat;
import java.nio.charset.StandardCharsets;

/** Hand-written input records for the ingest tests. */
final class IngestTestRecords {
    private IngestTestRecords() {}

    static String validJson(String eventId, long eventTime) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_time\":"
                + eventTime
                + ",\"service_name\":\"support-bot\",\"provider_name\":\"openai\","
                + "\"request_model\":\"gpt-4o\",\"latency_ms\":812.5,"
                + "\"usage_input_tokens\":120,\"usage_output_tokens\":48,"
                + "\"tenant_id\":\"acme\",\"user_id\":\"u-1\",\"session_id\":\"s-1\"}";
    }

    static RawRecord json(String payload, long offset, long kafkaTimestamp) {
        return new RawRecord(
                SourceFormat.JSON.wireName(),
                "llm.raw.json",
                (int) (offset % 2),
                offset,
                kafkaTimestamp,
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
