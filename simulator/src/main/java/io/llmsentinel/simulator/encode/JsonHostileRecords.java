package io.llmsentinel.simulator.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Broken llm-event JSON: the mistakes real producers make, plus plain garbage. */
final class JsonHostileRecords implements HostileRecords {
    private static final String[] REQUIRED = {
        "request_model", "service_name", "event_id", "provider_name", "latency_ms"
    };

    @Override
    public EncodedRecord create(LlmEvent basis, SplittableRandom rng) {
        ObjectNode node = Codecs.mapper().valueToTree(basis);
        node.put("event_id", "bad-" + basis.eventId);
        String kind;
        byte[] value;
        switch (rng.nextInt(6)) {
            case 0 -> {
                kind = "truncated_json";
                value = HostileRecords.truncate(bytes(node), rng);
            }
            case 1 -> {
                kind = "wrong_type";
                switch (rng.nextInt(3)) {
                    case 0 -> node.put("latency_ms", "slow");
                    case 1 -> node.put("usage_input_tokens", "many");
                    default -> node.put("event_time", "yesterday");
                }
                value = bytes(node);
            }
            case 2 -> {
                kind = "negative_tokens";
                node.put(
                        rng.nextBoolean() ? "usage_output_tokens" : "usage_input_tokens",
                        -(1 + rng.nextInt(5000)));
                value = bytes(node);
            }
            case 3 -> {
                kind = "garbage_bytes";
                value = HostileRecords.garbage(rng);
            }
            case 4 -> {
                kind = "missing_field";
                node.remove(REQUIRED[rng.nextInt(REQUIRED.length)]);
                value = bytes(node);
            }
            default -> {
                kind = "unsupported_schema_version";
                node.put("schema_version", 99);
                value = bytes(node);
            }
        }
        return new EncodedRecord(
                ("bad-" + basis.eventId).getBytes(StandardCharsets.UTF_8),
                value,
                basis.eventTime,
                0,
                kind);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return Codecs.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
