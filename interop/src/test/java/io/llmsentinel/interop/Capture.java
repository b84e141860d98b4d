package io.llmsentinel.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instrumentation's capture, as interop/node/run-scenario.cjs writes it into
 * target/captures/&lt;id&gt;/: the OTLP trace and log requests in both encodings, what the
 * application saw of each call (calls.jsonl) and the run's versions (run.json).
 */
final class Capture {
    /** The instrumentation scope of the scenario's own spans (run-scenario.cjs). */
    static final String APPLICATION_SCOPE = "llm-sentinel-interop-app";

    /** The attribute naming the call on the application's span around each call. */
    static final String CALL_ATTRIBUTE = "interop.call";

    static final String[] FILES = {
        "run.json",
        "calls.jsonl",
        "traces.otlp-proto",
        "traces.otlp.jsonl",
        "logs.otlp-proto",
        "logs.otlp.jsonl"
    };

    final Instrumentation instrumentation;
    final Path dir;
    final JsonNode run;
    final Map<String, JsonNode> clientCalls;
    final List<byte[]> traceProtoRecords;
    final List<byte[]> traceJsonRecords;
    final List<CapturedSpan> spans;
    final List<CapturedLog> logs;
    final List<JsonNode> logJsonRequests;

    private Capture(Instrumentation instrumentation, Path dir) {
        this.instrumentation = instrumentation;
        this.dir = dir;
        this.run = InteropJson.read(dir.resolve("run.json"));
        this.clientCalls = new LinkedHashMap<>();
        for (String line : lines(dir.resolve("calls.jsonl"))) {
            JsonNode call = InteropJson.parse(line);
            clientCalls.put(call.path("name").asText(), call);
        }
        this.traceProtoRecords = delimited(dir.resolve("traces.otlp-proto"));
        this.traceJsonRecords =
                lines(dir.resolve("traces.otlp.jsonl")).stream()
                        .map(l -> l.getBytes(StandardCharsets.UTF_8))
                        .toList();
        this.spans = spans(traceProtoRecords);
        this.logs = logs(delimited(dir.resolve("logs.otlp-proto")));
        this.logJsonRequests =
                lines(dir.resolve("logs.otlp.jsonl")).stream().map(InteropJson::parse).toList();
    }

    static Path dir(Path capturesDir, Instrumentation i) {
        return capturesDir.resolve(i.id);
    }

    /** Which of the files a capture consists of are missing (all present: empty). */
    static List<String> missingFiles(Path capturesDir, Instrumentation i) {
        Path dir = dir(capturesDir, i);
        List<String> missing = new ArrayList<>();
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        return missing;
    }

    static Capture load(Path capturesDir, Instrumentation i) {
        return new Capture(i, dir(capturesDir, i));
    }

    List<byte[]> traceRecords(SourceFormat format) {
        return switch (format) {
            case OTLP_PROTO -> traceProtoRecords;
            case OTLP_JSON -> traceJsonRecords;
            default -> throw new IllegalArgumentException(format.toString());
        };
    }

    /** The latest span end, epoch ms: the reference time the decoders check event times by. */
    long referenceTime() {
        return spans.stream().mapToLong(s -> (long) s.endMs()).max().orElse(0L);
    }

    /** One span with what the decoder sees around it. */
    record CapturedSpan(Span span, Resource resource, String scope) {
        String spanId() {
            return hex(span.getSpanId());
        }

        String traceId() {
            return hex(span.getTraceId());
        }

        String parentSpanId() {
            return hex(span.getParentSpanId());
        }

        double startMs() {
            return span.getStartTimeUnixNano() / 1e6;
        }

        double endMs() {
            return span.getEndTimeUnixNano() / 1e6;
        }

        /** What llm-event's latency_ms must be: the span's duration. */
        double durationMs() {
            return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e6;
        }

        String attribute(String key) {
            for (KeyValue kv : span.getAttributesList()) {
                if (kv.getKey().equals(key)) {
                    return kv.getValue().getStringValue();
                }
            }
            return null;
        }

        boolean hasAttributeStartingWith(String prefix) {
            return span.getAttributesList().stream().anyMatch(kv -> kv.getKey().startsWith(prefix));
        }

        boolean hasAttribute(String key) {
            return span.getAttributesList().stream().anyMatch(kv -> kv.getKey().equals(key));
        }

        @Override
        public String toString() {
            return "span '" + span.getName() + "' " + spanId();
        }
    }

    /** One log record with its instrumentation scope. */
    record CapturedLog(LogRecord record, String scope) {
        String spanId() {
            return hex(record.getSpanId());
        }

        /** The event name: the record's field, else the older event.name attribute. */
        String eventName() {
            if (!record.getEventName().isEmpty()) {
                return record.getEventName();
            }
            AnyValue v = attribute("event.name");
            return v == null ? "" : v.getStringValue();
        }

        AnyValue attribute(String key) {
            for (KeyValue kv : record.getAttributesList()) {
                if (kv.getKey().equals(key)) {
                    return kv.getValue();
                }
            }
            return null;
        }
    }

    static String hex(ByteString id) {
        return id.isEmpty() ? null : HexFormat.of().formatHex(id.toByteArray());
    }

    private static List<CapturedSpan> spans(List<byte[]> records) {
        List<CapturedSpan> out = new ArrayList<>();
        for (byte[] record : records) {
            ExportTraceServiceRequest request = parse(record, ExportTraceServiceRequest::parseFrom);
            for (ResourceSpans rs : request.getResourceSpansList()) {
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span span : ss.getSpansList()) {
                        out.add(new CapturedSpan(span, rs.getResource(), ss.getScope().getName()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<CapturedLog> logs(List<byte[]> records) {
        return records.stream()
                .map(r -> parse(r, ExportLogsServiceRequest::parseFrom))
                .flatMap(request -> request.getResourceLogsList().stream())
                .flatMap(rl -> rl.getScopeLogsList().stream())
                .flatMap(
                        sl ->
                                sl.getLogRecordsList().stream()
                                        .map(r -> new CapturedLog(r, sl.getScope().getName())))
                .toList();
    }

    private interface Parser<T> {
        T parse(byte[] bytes) throws IOException;
    }

    private static <T> T parse(byte[] bytes, Parser<T> parser) {
        try {
            return parser.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length-delimited messages: a varint length before each (protobuf's writeDelimitedTo). */
    private static List<byte[]> delimited(Path file) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(Files.readAllBytes(file));
            List<byte[]> out = new ArrayList<>();
            while (!in.isAtEnd()) {
                out.add(in.readRawBytes(in.readRawVarint32()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) {
        return InteropJson.readString(file).lines().filter(l -> !l.isBlank()).toList();
    }
}
