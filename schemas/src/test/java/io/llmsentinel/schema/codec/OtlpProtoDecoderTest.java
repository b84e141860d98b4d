package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpFixtures.REFERENCE_MS;
import static io.llmsentinel.schema.codec.OtlpFixtures.START_NANOS;
import static io.llmsentinel.schema.codec.OtlpFixtures.TRACE_HEX;
import static io.llmsentinel.schema.codec.OtlpFixtures.attr;
import static io.llmsentinel.schema.codec.OtlpFixtures.chatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.fullChatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.hex;
import static io.llmsentinel.schema.codec.OtlpFixtures.request;
import static io.llmsentinel.schema.codec.OtlpFixtures.serviceResource;
import static io.llmsentinel.schema.codec.OtlpFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OtlpProtoDecoderTest {
    private final OtlpProtoDecoder decoder = new OtlpProtoDecoder(ValidationLimits.DEFAULTS);

    private DecodeResult decode(ExportTraceServiceRequest request) {
        return decoder.decode(request.toByteArray(), REFERENCE_MS);
    }

    @Test
    void genAiSpansBecomeEventsAndOthersAreSkipped() {
        ExportTraceServiceRequest request =
                request(
                        serviceResource(),
                        span("GET /chat").setSpanId(hex("0000000000000001")).build(),
                        fullChatSpan().build(),
                        span("db query").setSpanId(hex("0000000000000002")).build(),
                        chatSpan().setSpanId(hex("0000000000000003")).build(),
                        span("render").setSpanId(hex("0000000000000004")).build());

        DecodeResult r = decode(request);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.skippedSpans()).isEqualTo(3);
        assertThat(r.skippedSpansByReason()).containsExactly(entry(SkipReason.NOT_GEN_AI, 3));
        assertThat(r.events())
                .extracting(e -> e.eventId)
                .containsExactly(
                        TRACE_HEX + "-" + OtlpFixtures.SPAN_HEX, TRACE_HEX + "-0000000000000003");
        LlmEvent e = r.events().get(0);
        assertThat(e.sourceFormat).isEqualTo("otlp_proto");
        assertThat(e.serviceName).isEqualTo("support-bot");
        assertThat(e.usageInputTokens).isEqualTo(120L);
    }

    @Test
    void modelLessAgentAndToolSpansAreSkippedNotDeadLettered() {
        Span tool =
                span("execute_tool get_weather")
                        .setSpanId(hex("0000000000000005"))
                        .addAttributes(attr("gen_ai.operation.name", "execute_tool"))
                        .addAttributes(attr("gen_ai.provider.name", "openai"))
                        .build();
        Span agentWithModel =
                chatSpan()
                        .setSpanId(hex("0000000000000006"))
                        .addAttributes(attr("gen_ai.operation.name", "invoke_agent"))
                        .build();

        DecodeResult r = decode(request(serviceResource(), tool, agentWithModel));

        assertThat(r.rejections()).isEmpty();
        assertThat(r.skippedSpans()).isEqualTo(1);
        assertThat(r.skippedSpansByReason())
                .containsExactly(entry(SkipReason.GEN_AI_AGENT_OR_TOOL, 1));
        assertThat(r.events()).hasSize(1);
    }

    @Test
    void aTraceOfSeveralConventionsGivesItsModelCallsAndCountsTheRestByReason() {
        Span chain =
                span("RunnableSequence", attr("openinference.span.kind", "CHAIN"))
                        .setSpanId(hex("0000000000000011"))
                        .build();
        Span retriever =
                span(
                                "VectorStoreRetriever",
                                attr("openinference.span.kind", "RETRIEVER"),
                                attr("retrieval.documents.0.document.content", "doc"))
                        .setSpanId(hex("0000000000000012"))
                        .build();
        Span tool =
                span("get_weather", attr("openinference.span.kind", "TOOL"))
                        .setSpanId(hex("0000000000000013"))
                        .build();
        Span llm = OpenInferenceSpanTest.chatSpan().setSpanId(hex("0000000000000014")).build();
        Span openLlmetry =
                OpenLlmetrySpanTest.olderChatSpan().setSpanId(hex("0000000000000015")).build();
        Span http = span("POST /v1/chat/completions").setSpanId(hex("0000000000000016")).build();

        DecodeResult r =
                decode(request(serviceResource(), chain, retriever, tool, llm, openLlmetry, http));

        assertThat(r.rejections()).isEmpty();
        assertThat(r.events())
                .extracting(e -> e.spanId, e -> e.providerName, e -> e.requestModel)
                .containsExactly(
                        tuple("0000000000000014", "openai", "gpt-4o-mini"),
                        tuple("0000000000000015", "openai", "gpt-4o-mini"));
        assertThat(r.skippedSpans()).isEqualTo(4);
        assertThat(r.skippedSpansByReason())
                .containsOnly(
                        entry(SkipReason.OPENINFERENCE_CHAIN, 1),
                        entry(SkipReason.OPENINFERENCE_RETRIEVER, 1),
                        entry(SkipReason.OPENINFERENCE_TOOL, 1),
                        entry(SkipReason.NOT_GEN_AI, 1));
    }

    @Test
    void decodingIsDeterministicSoReplaysAreIdempotent() {
        byte[] bytes = request(serviceResource(), fullChatSpan().build()).toByteArray();
        LlmEvent first = decoder.decode(bytes, REFERENCE_MS).events().get(0);
        LlmEvent second = decoder.decode(bytes, REFERENCE_MS).events().get(0);
        assertThat(second).isEqualTo(first);
        assertThat(second.eventId).isEqualTo(first.eventId);
    }

    @Test
    void emptyRequestGivesEmptyResult() {
        for (byte[] bytes :
                new byte[][] {
                    new byte[0], ExportTraceServiceRequest.getDefaultInstance().toByteArray()
                }) {
            DecodeResult r = decoder.decode(bytes, REFERENCE_MS);
            assertThat(r.events()).isEmpty();
            assertThat(r.rejections()).isEmpty();
            assertThat(r.skippedSpans()).isZero();
        }
    }

    @Test
    void garbageIsMalformedProtobuf() {
        assertMalformed("this is not a protobuf".getBytes(StandardCharsets.UTF_8));
        assertMalformed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertMalformed("{\"resourceSpans\": []}".getBytes(StandardCharsets.UTF_8));
        assertMalformed(null);
    }

    @Test
    void truncatedProtobufIsMalformed() {
        byte[] full = request(serviceResource(), fullChatSpan().build()).toByteArray();
        assertMalformed(Arrays.copyOf(full, full.length - 7));
        assertMalformed(Arrays.copyOf(full, full.length / 2));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        byte[] valid = request(serviceResource(), fullChatSpan().build()).toByteArray();
        for (int i = 0; i < 2_000; i++) {
            byte[] b = valid.clone();
            // flip a few bytes of a valid request: exercises parse errors and odd-but-valid data
            for (int j = 0; j < 3; j++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            assertThat(decoder.decode(b, REFERENCE_MS)).isNotNull();
        }
    }

    @Test
    void oversizedRecordIsRejectedBeforeParsing() {
        ValidationLimits small =
                new ValidationLimits(64, 1024, Duration.ofHours(1), Duration.ofDays(7), 64);
        byte[] bytes = request(serviceResource(), fullChatSpan().build()).toByteArray();
        DecodeResult r = new OtlpProtoDecoder(small).decode(bytes, REFERENCE_MS);
        assertThat(r.rejections())
                .singleElement()
                .satisfies(
                        x -> {
                            assertThat(x.reason()).isEqualTo(DlqReason.OVERSIZED_RECORD);
                        });
    }

    @Test
    void invalidGenAiSpansAreRejectedOneByOne() {
        Span endBeforeStart =
                chatSpan()
                        .setSpanId(hex("00000000000000aa"))
                        .setEndTimeUnixNano(START_NANOS - 1_000_000L)
                        .build();
        Span noModel =
                span("chat")
                        .setSpanId(hex("00000000000000bb"))
                        .addAttributes(attr("gen_ai.provider.name", "openai"))
                        .build();
        Span badType =
                chatSpan()
                        .setSpanId(hex("00000000000000cc"))
                        .addAttributes(attr("gen_ai.usage.input_tokens", "many"))
                        .build();

        DecodeResult r =
                decode(
                        request(
                                serviceResource(),
                                endBeforeStart,
                                noModel,
                                badType,
                                chatSpan().build()));

        assertThat(r.events()).hasSize(1);
        assertThat(r.rejections())
                .extracting(Rejection::reason, Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DlqReason.OUT_OF_RANGE, "latency_ms"),
                        org.assertj.core.groups.Tuple.tuple(
                                DlqReason.MISSING_FIELD, "request_model"),
                        org.assertj.core.groups.Tuple.tuple(
                                DlqReason.WRONG_TYPE, "gen_ai.usage.input_tokens"));
        assertThat(r.rejections().get(0).message())
                .as("names the span")
                .startsWith("span " + TRACE_HEX + "/00000000000000aa: ");
    }

    @Test
    void eventTimeIsCheckedAgainstTheReferenceTime() {
        long weekLater = REFERENCE_MS + Duration.ofDays(8).toMillis();
        DecodeResult r =
                decoder.decode(
                        request(serviceResource(), chatSpan().build()).toByteArray(), weekLater);
        assertThat(r.rejections())
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo(DlqReason.TIMESTAMP_OUT_OF_RANGE));
    }

    private void assertMalformed(byte[] bytes) {
        DecodeResult r = decoder.decode(bytes, REFERENCE_MS);
        assertThat(r.events()).isEmpty();
        assertThat(r.rejections())
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo(DlqReason.MALFORMED_PROTOBUF));
    }
}
