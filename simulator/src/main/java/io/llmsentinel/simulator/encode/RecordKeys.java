package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;

/** Kafka keys: the session id keeps a session's calls in order on one partition. */
final class RecordKeys {
    private RecordKeys() {}

    static byte[] of(LlmEvent e) {
        String key = e.sessionId != null ? e.sessionId : e.eventId;
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
