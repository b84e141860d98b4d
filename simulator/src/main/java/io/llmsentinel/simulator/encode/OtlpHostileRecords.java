package io.llmsentinel.simulator.encode;

import com.google.protobuf.InvalidProtocolBufferException;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.traffic.Ids;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Broken OTLP requests: cut-off or garbage bytes, and well-formed requests whose one GenAI span has
 * a negative token count, a token count of the wrong type, or no model.
 */
final class OtlpHostileRecords implements HostileRecords {
    private static final String[] TOKEN_KEYS = {
        "gen_ai.usage.input_tokens",
        "gen_ai.usage.output_tokens",
        "gen_ai.usage.prompt_tokens",
        "gen_ai.usage.completion_tokens"
    };

    private final boolean json;
    private final OtlpSpans spans;

    OtlpHostileRecords(boolean json, SplittableRandom rng) {
        this.json = json;
        this.spans = new OtlpSpans(rng);
    }

    @Override
    public EncodedRecord create(LlmEvent basis, SplittableRandom rng) {
        // A copy with its own span id: a broken record must not share an id with a valid event.
        LlmEvent e = Codecs.fromJson(Codecs.toJsonBytes(basis), LlmEvent.class);
        e.spanId = Ids.hex16(rng.nextLong() | 1);
        e.eventId = e.traceId + "-" + e.spanId;
        Span.Builder span = spans.genAiSpan(e);
        String kind;
        byte[] value;
        switch (rng.nextInt(json ? 6 : 5)) {
            case 0 -> {
                kind = "truncated";
                value = truncated(serialize(request(e, span)), rng);
            }
            case 1 -> {
                kind = "garbage_bytes";
                value = garbage(rng);
            }
            case 2 -> {
                kind = "negative_tokens";
                removeTokenCounts(span);
                span.addAttributes(
                        intAttribute("gen_ai.usage.output_tokens", -(1 + rng.nextInt(5000))));
                value = serialize(request(e, span));
            }
            case 3 -> {
                kind = "wrong_type";
                removeTokenCounts(span);
                span.addAttributes(
                        KeyValue.newBuilder()
                                .setKey("gen_ai.usage.input_tokens")
                                .setValue(AnyValue.newBuilder().setStringValue("lots")));
                value = serialize(request(e, span));
            }
            case 4 -> {
                kind = "missing_field";
                // both: decoders fall back to the response model when the request model is absent
                remove(span, "gen_ai.request.model");
                remove(span, "gen_ai.response.model");
                value = serialize(request(e, span));
            }
            default -> {
                kind = "not_otlp";
                value =
                        ("{\"resourceSpans\":\"not a list\",\"note\":\"" + e.eventId + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
            }
        }
        return new EncodedRecord(
                e.eventId.getBytes(StandardCharsets.UTF_8), value, e.eventTime, 0, kind);
    }

    private ExportTraceServiceRequest request(LlmEvent e, Span.Builder span) {
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(
                        ResourceSpans.newBuilder()
                                .setResource(
                                        Resource.newBuilder()
                                                .addAttributes(
                                                        OtlpAttributes.string(
                                                                "service.name", e.serviceName)))
                                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
                .build();
    }

    private byte[] serialize(ExportTraceServiceRequest r) {
        return json ? OtlpJsonWriter.write(r) : r.toByteArray();
    }

    /**
     * A cut that really breaks the record: a protobuf prefix can end on a field boundary and still
     * parse, so candidates are checked.
     */
    private byte[] truncated(byte[] valid, SplittableRandom rng) {
        if (json) {
            return HostileRecords.truncate(valid, rng);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[] cut = HostileRecords.truncate(valid, rng);
            if (!parses(cut)) {
                return cut;
            }
        }
        return garbage(rng);
    }

    private byte[] garbage(SplittableRandom rng) {
        while (true) {
            byte[] g = HostileRecords.garbage(rng);
            if (json || !parses(g)) {
                return g;
            }
        }
    }

    private static boolean parses(byte[] proto) {
        try {
            ExportTraceServiceRequest.parseFrom(proto);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private static void removeTokenCounts(Span.Builder span) {
        for (String key : TOKEN_KEYS) {
            remove(span, key);
        }
    }

    private static void remove(Span.Builder span, String key) {
        for (int i = span.getAttributesCount() - 1; i >= 0; i--) {
            if (span.getAttributes(i).getKey().equals(key)) {
                span.removeAttributes(i);
            }
        }
    }

    private static KeyValue intAttribute(String key, long value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setIntValue(value))
                .build();
    }
}
