package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpFixtures.REFERENCE_MS;
import static io.llmsentinel.schema.codec.OtlpFixtures.START_NANOS;
import static io.llmsentinel.schema.codec.OtlpFixtures.array;
import static io.llmsentinel.schema.codec.OtlpFixtures.attr;
import static io.llmsentinel.schema.codec.OtlpFixtures.chatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.errorStatus;
import static io.llmsentinel.schema.codec.OtlpFixtures.fullChatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.hex;
import static io.llmsentinel.schema.codec.OtlpFixtures.kvlist;
import static io.llmsentinel.schema.codec.OtlpFixtures.request;
import static io.llmsentinel.schema.codec.OtlpFixtures.serviceResource;
import static io.llmsentinel.schema.codec.OtlpFixtures.span;
import static io.llmsentinel.schema.codec.OtlpFixtures.toOtlpJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OtlpJsonDecoderTest {
    private final OtlpJsonDecoder decoder = new OtlpJsonDecoder(ValidationLimits.DEFAULTS);

    private DecodeResult decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8), REFERENCE_MS);
    }

    @Test
    void roundTripGivesTheSameEventsAsProtobuf() {
        ExportTraceServiceRequest request =
                request(
                        serviceResource(),
                        fullChatSpan()
                                .setParentSpanId(hex("1111111111111111"))
                                .addLinks(
                                        Span.Link.newBuilder()
                                                .setTraceId(hex("22222222222222222222222222222222"))
                                                .setSpanId(hex("3333333333333333")))
                                .addAttributes(
                                        attr(
                                                "gen_ai.input.messages",
                                                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                                                        + "\"content\":\"héllo ✓ 😀\"}]}]"))
                                .addAttributes(
                                        attr(
                                                "gen_ai.output.messages",
                                                array(
                                                        kvlist(
                                                                attr("role", "assistant"),
                                                                attr(
                                                                        "parts",
                                                                        array(
                                                                                kvlist(
                                                                                        attr(
                                                                                                "type",
                                                                                                "text"),
                                                                                        attr(
                                                                                                "content",
                                                                                                "hi"))))))))
                                .build(),
                        chatSpan()
                                .setSpanId(hex("00000000000000ee"))
                                .setStatus(errorStatus())
                                .addAttributes(attr("gen_ai.usage.input_tokens", Long.MAX_VALUE))
                                .addAttributes(attr("gen_ai.request.temperature", 0.1 + 0.2))
                                .build(),
                        span("GET /").setSpanId(hex("00000000000000ff")).build());

        DecodeResult fromProto =
                new OtlpProtoDecoder(ValidationLimits.DEFAULTS)
                        .decode(request.toByteArray(), REFERENCE_MS);
        DecodeResult fromJson = decode(toOtlpJson(request));

        assertThat(fromJson.rejections()).isEmpty();
        assertThat(fromJson.skippedSpans()).isEqualTo(1).isEqualTo(fromProto.skippedSpans());
        assertThat(fromJson.events()).hasSize(2);
        assertThat(fromJson.events())
                .allSatisfy(e -> assertThat(e.sourceFormat).isEqualTo("otlp_json"));
        assertThat(withoutFormat(fromJson.events())).isEqualTo(withoutFormat(fromProto.events()));
        assertThat(fromJson.events().get(0).promptText).isEqualTo("héllo ✓ 😀");
        assertThat(fromJson.events().get(1).usageInputTokens).isEqualTo(Long.MAX_VALUE);
        assertThat(fromJson.events().get(1).requestTemperature).isEqualTo(0.1 + 0.2);
    }

    @Test
    void acceptsOtlpJsonVariants() {
        // upper-case hex ids, enums as integers, int64 as numbers and strings, unknown fields
        String json =
                """
                {"resourceSpans": [{
                  "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "svc"}}]},
                  "schemaUrl": "https://opentelemetry.io/schemas/1.37.0",
                  "futureField": {"x": 1},
                  "scopeSpans": [{"spans": [{
                    "traceId": "5B8EFFF798038103D269B633813FC60C",
                    "spanId": "EEE19B7EC3C1B174",
                    "parentSpanId": "",
                    "name": "chat",
                    "kind": 3,
                    "startTimeUnixNano": %d,
                    "endTimeUnixNano": "%d",
                    "status": {"code": 2, "message": "boom"},
                    "attributes": [
                      {"key": "gen_ai.provider.name", "value": {"stringValue": "openai"}},
                      {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
                      {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "12"}},
                      {"key": "gen_ai.usage.output_tokens", "value": {"intValue": 34}},
                      {"key": "gen_ai.usage.reasoning.output_tokens", "value": {"stringValue": "5"}}
                    ]
                  }]}]
                }]}
                """
                        .formatted(START_NANOS, START_NANOS + 2_000_000L);

        DecodeResult r = decode(json);

        assertThat(r.rejections()).isEmpty();
        LlmEvent e = r.events().get(0);
        assertThat(e.traceId).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(e.spanId).isEqualTo("eee19b7ec3c1b174");
        assertThat(e.eventId).isEqualTo("5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174");
        assertThat(e.latencyMs).isEqualTo(2.0);
        assertThat(e.status).isEqualTo("error");
        assertThat(e.errorType).isEqualTo("_OTHER");
        assertThat(e.usageInputTokens).isEqualTo(12L);
        assertThat(e.usageOutputTokens).isEqualTo(34L);
        assertThat(e.usageReasoningOutputTokens).isEqualTo(5L);
    }

    @Test
    void acceptsProtoFieldNames() {
        String json =
                """
                {"resource_spans": [{"scope_spans": [{"spans": [{
                  "trace_id": "5b8efff798038103d269b633813fc60c",
                  "span_id": "eee19b7ec3c1b174",
                  "start_time_unix_nano": "%d",
                  "end_time_unix_nano": "%d",
                  "attributes": [
                    {"key": "gen_ai.provider.name", "value": {"string_value": "openai"}},
                    {"key": "gen_ai.request.model", "value": {"string_value": "gpt-4o"}}
                  ]
                }]}]}]}
                """
                        .formatted(START_NANOS, START_NANOS);
        DecodeResult r = decode(json);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.events())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.eventId)
                                    .isEqualTo("5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174");
                            assertThat(e.serviceName).isEqualTo("unknown_service");
                        });
    }

    @Test
    void emptyRequestsGiveEmptyResults() {
        for (String json : List.of("{}", "{\"resourceSpans\": []}", "{\"resourceSpans\": [{}]}")) {
            DecodeResult r = decode(json);
            assertThat(r.events()).as(json).isEmpty();
            assertThat(r.rejections()).as(json).isEmpty();
        }
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = "{\"resourceSpans\": [], \"x\": \"\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte followed by '"'
        assertReason(decoder.decode(bytes, REFERENCE_MS), DlqReason.INVALID_UTF8);
    }

    @Test
    void notJson() {
        for (String s :
                List.of(
                        "",
                        "not json",
                        "{\"resourceSpans\": [",
                        "{\"resourceSpans\": []} trailing",
                        "{'single': 'quotes'}",
                        "[1, 2",
                        // broken syntax wins over a bad id seen earlier
                        "{\"traceId\": \"zz\", ")) {
            assertReason(decode(s), DlqReason.MALFORMED_JSON, s);
        }
        assertReason(decoder.decode(null, REFERENCE_MS), DlqReason.MALFORMED_JSON);
    }

    @Test
    void jsonThatIsNotOtlp() {
        for (String s :
                List.of(
                        "[]",
                        "\"text\"",
                        "42",
                        "{\"resourceSpans\": 5}",
                        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": \"x\"}]}]}]}",
                        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"startTimeUnixNano\": \"soon\"}]}]}]}",
                        spanWithIds("\"not-hex-not-hex-not-hex-not-hex\"", "\"eee19b7ec3c1b174\""),
                        spanWithIds("\"5b8efff798038103d269b633813fc60c\"", "\"eee19b7ec3c1b1\""),
                        spanWithIds("\"5b8efff798038103d269b633813fc60c\"", "12"),
                        spanWithIds("{\"a\": 1}", "\"eee19b7ec3c1b174\""))) {
            assertReason(decode(s), DlqReason.MALFORMED_OTLP_JSON, s);
        }
    }

    @Test
    void deepNestingIsARejectionNotAStackOverflow() {
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        assertReason(decode(deepArray), DlqReason.MALFORMED_JSON);

        // deep structure where OTLP allows nesting: kvlist values inside an attribute
        StringBuilder value = new StringBuilder("{\"stringValue\": \"x\"}");
        for (int i = 0; i < 100; i++) {
            value.insert(0, "{\"kvlistValue\": {\"values\": [{\"key\": \"k\", \"value\": ")
                    .append("}]}}");
        }
        String json =
                "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": [{\"key\": \"a\","
                        + " \"value\": "
                        + value
                        + "}]}]}]}]}";
        assertReason(decode(json), DlqReason.MALFORMED_JSON);
    }

    @Test
    void officialOtlpExampleParsesAndItsSpanIsSkipped() throws IOException {
        Path example = officialExample();
        assumeThat(example).as("official OTLP example available").isNotNull();

        DecodeResult r = decoder.decode(Files.readAllBytes(example), REFERENCE_MS);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.events()).isEmpty();
        assertThat(r.skippedSpans()).isEqualTo(1);
    }

    /**
     * The example from the OTLP spec, kept outside the project. Surefire runs in the module
     * directory, so look relative to it and to the project root; a system property overrides.
     */
    private static Path officialExample() {
        String override = System.getProperty("llmsentinel.otlpTraceExample");
        String rel = "shared/eval/otlp/otlp-trace-example.json";
        return Stream.of(override, "../" + rel, "../../" + rel)
                .filter(s -> s != null && !s.isEmpty())
                .map(Path::of)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
    }

    private static String spanWithIds(String traceId, String spanId) {
        return "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"traceId\": "
                + traceId
                + ", \"spanId\": "
                + spanId
                + ", \"attributes\": [{\"key\": \"gen_ai.provider.name\", \"value\": {\"stringValue\": \"x\"}}]}]}]}]}";
    }

    private static void assertReason(DecodeResult r, DlqReason reason) {
        assertReason(r, reason, "");
    }

    private static void assertReason(DecodeResult r, DlqReason reason, String input) {
        assertThat(r.events()).as(input).isEmpty();
        assertThat(r.rejections())
                .as(input)
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).as(input).isEqualTo(reason));
    }

    private static List<LlmEvent> withoutFormat(List<LlmEvent> events) {
        events.forEach(e -> e.sourceFormat = null);
        return events;
    }
}
