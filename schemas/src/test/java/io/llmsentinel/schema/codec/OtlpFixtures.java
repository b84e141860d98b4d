package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Builders for OTLP test data. */
final class OtlpFixtures {
    static final String TRACE_HEX = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN_HEX = "b7ad6b7169203331";
    static final long START_MS = 1_760_000_000_123L;
    static final long START_NANOS = START_MS * 1_000_000L + 456_789L;
    static final long END_NANOS = START_NANOS + 1_250_500_000L; // 1250.5 ms later

    /** A reference time a minute after the span, well inside the default window. */
    static final long REFERENCE_MS = START_MS + 60_000L;

    private OtlpFixtures() {}

    static AnyValue str(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    static AnyValue num(long v) {
        return AnyValue.newBuilder().setIntValue(v).build();
    }

    static AnyValue dbl(double v) {
        return AnyValue.newBuilder().setDoubleValue(v).build();
    }

    static AnyValue bool(boolean v) {
        return AnyValue.newBuilder().setBoolValue(v).build();
    }

    static AnyValue array(AnyValue... values) {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        for (AnyValue v : values) {
            a.addValues(v);
        }
        return AnyValue.newBuilder().setArrayValue(a).build();
    }

    static AnyValue kvlist(KeyValue... values) {
        KeyValueList.Builder l = KeyValueList.newBuilder();
        for (KeyValue kv : values) {
            l.addValues(kv);
        }
        return AnyValue.newBuilder().setKvlistValue(l).build();
    }

    static KeyValue attr(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    static KeyValue attr(String key, String value) {
        return attr(key, str(value));
    }

    static KeyValue attr(String key, long value) {
        return attr(key, num(value));
    }

    static KeyValue attr(String key, double value) {
        return attr(key, dbl(value));
    }

    static ByteString hex(String hex) {
        return ByteString.copyFrom(HexIds.fromHex(hex));
    }

    /** A span with ids and times only. */
    static Span.Builder span(String name) {
        return Span.newBuilder()
                .setTraceId(hex(TRACE_HEX))
                .setSpanId(hex(SPAN_HEX))
                .setName(name)
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(START_NANOS)
                .setEndTimeUnixNano(END_NANOS);
    }

    /** A span with these attributes. */
    static Span.Builder span(String name, KeyValue... attributes) {
        Span.Builder s = span(name);
        for (KeyValue kv : attributes) {
            s.addAttributes(kv);
        }
        return s;
    }

    /**
     * Adds a flattened list: {@code values} in groups of {@code fields.size()}, group N giving
     * {@code prefix.N.field} for each field (null values are left out).
     */
    static Span.Builder flattened(
            Span.Builder span, String prefix, List<String> fields, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                int item = i / fields.size();
                span.addAttributes(
                        attr(prefix + "." + item + "." + fields.get(i % fields.size()), values[i]));
            }
        }
        return span;
    }

    /** A minimal valid GenAI chat span in current semantic-convention names. */
    static Span.Builder chatSpan() {
        return span("chat gpt-4o")
                .addAttributes(attr("gen_ai.operation.name", "chat"))
                .addAttributes(attr("gen_ai.provider.name", "openai"))
                .addAttributes(attr("gen_ai.request.model", "gpt-4o"));
    }

    /** A GenAI span with every attribute the mapper reads (except content). */
    static Span.Builder fullChatSpan() {
        return chatSpan()
                .addAttributes(attr("gen_ai.response.model", "gpt-4o-2024-08-06"))
                .addAttributes(attr("gen_ai.response.id", "chatcmpl-123"))
                .addAttributes(attr("server.address", "api.openai.com"))
                .addAttributes(attr("server.port", 443))
                .addAttributes(attr("gen_ai.request.max_tokens", 512))
                .addAttributes(attr("gen_ai.request.temperature", 0.7))
                .addAttributes(attr("gen_ai.usage.input_tokens", 120))
                .addAttributes(attr("gen_ai.usage.output_tokens", 48))
                .addAttributes(attr("gen_ai.usage.cache_read.input_tokens", 100))
                .addAttributes(attr("gen_ai.usage.cache_creation.input_tokens", 20))
                .addAttributes(attr("gen_ai.usage.reasoning.output_tokens", 16))
                .addAttributes(
                        attr("gen_ai.response.finish_reasons", array(str("stop"), str("length"))))
                .addAttributes(attr("gen_ai.response.time_to_first_chunk", 0.25))
                .addAttributes(attr("gen_ai.conversation.id", "conv-1"))
                .addAttributes(attr("session.id", "sess-1"))
                .addAttributes(attr("user.id", "user-1"))
                .addAttributes(attr("tenant.id", "tenant-1"))
                .addAttributes(attr("llm.cost_usd", 0.0042))
                .addAttributes(attr("gen_ai.prompt.name", "support-answer"))
                .addAttributes(attr("gen_ai.prompt.version", "3"));
    }

    static Resource resource(KeyValue... attributes) {
        Resource.Builder r = Resource.newBuilder();
        for (KeyValue kv : attributes) {
            r.addAttributes(kv);
        }
        return r.build();
    }

    static Resource serviceResource() {
        return resource(
                attr("service.name", "support-bot"), attr("deployment.environment.name", "prod"));
    }

    static ExportTraceServiceRequest request(Resource resource, Span... spans) {
        ScopeSpans.Builder scope =
                ScopeSpans.newBuilder()
                        .setScope(
                                InstrumentationScope.newBuilder()
                                        .setName("opentelemetry.instrumentation.openai")
                                        .setVersion("1.0.0"));
        for (Span s : spans) {
            scope.addSpans(s);
        }
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(
                        ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope))
                .build();
    }

    /** What SDKs' recordException adds to a span. */
    static Span.Event exceptionEvent(String type, String message) {
        return Span.Event.newBuilder()
                .setName("exception")
                .setTimeUnixNano(END_NANOS)
                .addAttributes(attr("exception.type", type))
                .addAttributes(attr("exception.message", message))
                .build();
    }

    static Status errorStatus(String message) {
        return Status.newBuilder()
                .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                .setMessage(message)
                .build();
    }

    static Status errorStatus() {
        return Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).build();
    }

    /**
     * The request as OTLP/JSON: protobuf's canonical JSON with ids turned from base64 into hex,
     * which is all that distinguishes the two for traces.
     */
    static String toOtlpJson(ExportTraceServiceRequest request) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode tree = mapper.readTree(JsonFormat.printer().print(request));
            idsToHex(tree);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (InvalidProtocolBufferException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void idsToHex(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                if (f.getKey().endsWith("panId") || f.getKey().equals("traceId")) {
                    byte[] raw = Base64.getDecoder().decode(f.getValue().textValue());
                    f.setValue(TextNode.valueOf(HexIds.toHex(ByteString.copyFrom(raw))));
                } else {
                    idsToHex(f.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(OtlpFixtures::idsToHex);
        }
    }
}
