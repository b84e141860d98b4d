package io.llmsentinel.jobs.ingest;

import com.google.protobuf.ByteString;
import io.llmsentinel.schema.SourceFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded generator of hostile ingest input: broken JSON, wrong types, garbage protobuf. */
final class HostileRecords {
    private final Random random;
    private final long now;
    private long offset;

    HostileRecords(long seed, long now) {
        this.random = new Random(seed);
        this.now = now;
    }

    List<RawRecord> json(int count) {
        List<RawRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(SourceFormat.JSON, hostileJson(i)));
        }
        return out;
    }

    List<RawRecord> otlpProto(int count) {
        List<RawRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(SourceFormat.OTLP_PROTO, hostileProto(i)));
        }
        return out;
    }

    List<RawRecord> otlpJson(int count) {
        List<RawRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] json = hostileJson(i);
            if (random.nextBoolean()) {
                json =
                        ("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\""
                                        + randomHex(random.nextInt(40))
                                        + "\",\"attributes\":"
                                        + new String(json, StandardCharsets.UTF_8)
                                        + "}]}]}]}")
                                .getBytes(StandardCharsets.UTF_8);
            }
            out.add(record(SourceFormat.OTLP_JSON, json));
        }
        return out;
    }

    private RawRecord record(SourceFormat format, byte[] value) {
        long o = offset++;
        return new RawRecord(format.wireName(), "fuzz." + format.wireName(), 0, o, now, value);
    }

    private byte[] hostileJson(int i) {
        String valid = IngestTestRecords.validJson("fz-" + i, now - random.nextInt(60_000));
        return switch (random.nextInt(14)) {
            case 0 ->
                    valid.substring(0, random.nextInt(valid.length()))
                            .getBytes(StandardCharsets.UTF_8);
            case 1 ->
                    replaceValue(valid, "usage_input_tokens", randomJsonValue())
                            .getBytes(StandardCharsets.UTF_8);
            case 2 ->
                    replaceValue(valid, "latency_ms", randomJsonValue())
                            .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                    replaceValue(valid, "request_model", randomJsonValue())
                            .getBytes(StandardCharsets.UTF_8);
            case 4 -> withPrompt(valid, "x".repeat(40_000 + random.nextInt(200_000)));
            case 5 -> "[".repeat(1 + random.nextInt(50_000)).getBytes(StandardCharsets.UTF_8);
            case 6 ->
                    replaceValue(valid, "latency_ms", random.nextBoolean() ? "NaN" : "-Infinity")
                            .getBytes(StandardCharsets.UTF_8);
            case 7 -> withPrompt(valid, controlChars());
            case 8 -> invalidUtf8(valid);
            case 9 -> randomBytes(random.nextInt(600));
            case 10 ->
                    replaceValue(valid, "event_time", String.valueOf(random.nextLong()))
                            .getBytes(StandardCharsets.UTF_8);
            case 11 ->
                    replaceValue(valid, "usage_output_tokens", "-" + random.nextInt(1000))
                            .getBytes(StandardCharsets.UTF_8);
            case 12 ->
                    ("{\"a\":"
                                    + "{\"b\":".repeat(random.nextInt(200))
                                    + "1"
                                    + "}".repeat(random.nextInt(200)))
                            .getBytes(StandardCharsets.UTF_8);
            default -> valid.getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] hostileProto(int i) {
        byte[] valid = validRequest(i).toByteArray();
        return switch (random.nextInt(5)) {
            case 0 -> randomBytes(random.nextInt(2000));
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2 -> {
                byte[] flipped = valid.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            case 3 -> hostileJson(i);
            default -> valid;
        };
    }

    private ExportTraceServiceRequest validRequest(int i) {
        long start = (now - random.nextInt(60_000)) * 1_000_000L;
        Span span =
                Span.newBuilder()
                        .setTraceId(ByteString.copyFrom(randomBytes(16)))
                        .setSpanId(ByteString.copyFrom(randomBytes(8)))
                        .setName("chat gpt-4o")
                        .setStartTimeUnixNano(start)
                        .setEndTimeUnixNano(start + 900_000_000L)
                        .addAttributes(attr("gen_ai.operation.name", "chat"))
                        .addAttributes(attr("gen_ai.provider.name", "openai"))
                        .addAttributes(attr("gen_ai.request.model", "gpt-4o"))
                        .addAttributes(
                                KeyValue.newBuilder()
                                        .setKey("gen_ai.usage.input_tokens")
                                        .setValue(AnyValue.newBuilder().setIntValue(100 + i)))
                        .build();
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(
                        ResourceSpans.newBuilder()
                                .setResource(
                                        Resource.newBuilder()
                                                .addAttributes(attr("service.name", "fuzz-svc")))
                                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
                .build();
    }

    private static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }

    private static String replaceValue(String json, String field, String value) {
        return json.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[-0-9.]+)", "\"" + field + "\":" + value);
    }

    private String randomJsonValue() {
        return switch (random.nextInt(7)) {
            case 0 -> "\"" + random.nextInt() + "\"";
            case 1 -> "[1,2,3]";
            case 2 -> "{\"x\":1}";
            case 3 -> "true";
            case 4 -> "null";
            case 5 -> "1e400";
            default -> String.valueOf(random.nextDouble() * 1e6 - 5e5);
        };
    }

    private byte[] withPrompt(String json, String prompt) {
        String escaped = prompt.replace("\\", "\\\\").replace("\"", "\\\"");
        return json.replace("\"latency_ms\"", "\"prompt_text\":\"" + escaped + "\",\"latency_ms\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String controlChars() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            sb.append((char) random.nextInt(32));
        }
        return sb.toString();
    }

    private byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf("support-bot") + 2;
        bytes[at] = (byte) (0x80 | random.nextInt(0x7f));
        return bytes;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomHex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append("0123456789abcdefXYZ".charAt(random.nextInt(19)));
        }
        return sb.toString();
    }
}
