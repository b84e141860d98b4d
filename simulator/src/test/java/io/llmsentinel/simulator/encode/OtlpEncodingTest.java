package io.llmsentinel.simulator.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OtlpEncodingTest {
    private static final SimulatorRunner RUNNER =
            new SimulatorRunner(PricingTable.loadDefault(), Clock.systemUTC());
    private static final HexFormat HEX = HexFormat.of();

    private static Map<String, LlmEvent> eventsById;
    private static List<EncodedRecord> protoRecords;
    private static List<EncodedRecord> jsonRecords;

    @BeforeAll
    static void simulate() {
        SimulatorConfig.Builder b =
                SimulatorConfig.builder().seed(8).ratePerSecond(30).duration(Duration.ofMinutes(6));
        eventsById = new HashMap<>();
        RUNNER.simulator(b.build())
                .forEachRemaining(
                        (SimulatedEvent e) -> eventsById.put(e.event().eventId, e.event()));
        protoRecords = run(b.format(SourceFormat.OTLP_PROTO).build());
        jsonRecords = run(b.format(SourceFormat.OTLP_JSON).build());
    }

    @AfterAll
    static void release() {
        eventsById = null;
        protoRecords = null;
        jsonRecords = null;
    }

    private static List<EncodedRecord> run(SimulatorConfig c) {
        InMemoryRecordSink sink = new InMemoryRecordSink();
        RUNNER.run(c, sink, null);
        return sink.records();
    }

    @Test
    void protoRecordsParseAndCarryEveryEventOnceAsAGenAiSpan() throws Exception {
        int genAiSpans = 0;
        int otherSpans = 0;
        int deprecated = 0;
        Set<String> seen = new HashSet<>();
        for (EncodedRecord r : protoRecords) {
            ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(r.value());
            int inRecord = 0;
            for (ResourceSpans rs : req.getResourceSpansList()) {
                Map<String, String> resource = strings(rs.getResource().getAttributesList());
                assertThat(resource).containsKeys("service.name", "deployment.environment.name");
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span s : ss.getSpansList()) {
                        Map<String, KeyValue> attrs = byKey(s.getAttributesList());
                        if (!attrs.containsKey("gen_ai.operation.name")) {
                            otherSpans++;
                            assertThat(attrs.keySet()).noneMatch(k -> k.startsWith("gen_ai."));
                            continue;
                        }
                        genAiSpans++;
                        inRecord++;
                        String id =
                                HEX.formatHex(s.getTraceId().toByteArray())
                                        + "-"
                                        + HEX.formatHex(s.getSpanId().toByteArray());
                        assertThat(seen.add(id)).isTrue();
                        LlmEvent e = eventsById.get(id);
                        assertThat(e).as("span %s is a generated event", id).isNotNull();
                        assertSpanMatches(s, attrs, e, resource);
                        if (attrs.containsKey("gen_ai.system")) {
                            deprecated++;
                        }
                    }
                }
            }
            assertThat(inRecord).isEqualTo(r.eventCount());
        }
        assertThat(seen).hasSize(eventsById.size());
        assertThat(otherSpans).isGreaterThanOrEqualTo(genAiSpans);
        assertThat(deprecated / (double) genAiSpans).isBetween(0.07, 0.13);
        assertThat(protoRecords.size()).isLessThan(genAiSpans / 2);
    }

    private static void assertSpanMatches(
            Span s, Map<String, KeyValue> a, LlmEvent e, Map<String, String> resource) {
        assertThat(resource.get("service.name")).isEqualTo(e.serviceName);
        assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(s.getStartTimeUnixNano()).isEqualTo(e.eventTime * 1_000_000L);
        assertThat((s.getEndTimeUnixNano() - s.getStartTimeUnixNano()) / 1e6)
                .isEqualTo(e.latencyMs);
        String provider =
                a.containsKey("gen_ai.provider.name")
                        ? a.get("gen_ai.provider.name").getValue().getStringValue()
                        : a.get("gen_ai.system").getValue().getStringValue();
        assertThat(provider).isEqualTo(e.providerName);
        assertThat(a.get("gen_ai.request.model").getValue().getStringValue())
                .isEqualTo(e.requestModel);
        assertThat(a.get("session.id").getValue().getStringValue()).isEqualTo(e.sessionId);
        assertThat(a.get("tenant.id").getValue().getStringValue()).isEqualTo(e.tenantId);
        if (e.isError()) {
            assertThat(s.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
            assertThat(a.get("error.type").getValue().getStringValue()).isEqualTo(e.errorType);
        } else {
            assertThat(s.getStatus().getCode()).isNotEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
            KeyValue output =
                    a.containsKey("gen_ai.usage.output_tokens")
                            ? a.get("gen_ai.usage.output_tokens")
                            : a.get("gen_ai.usage.completion_tokens");
            assertThat(output.getValue().getIntValue()).isEqualTo(e.usageOutputTokens);
            JsonNode out =
                    Codecs.fromJson(
                            a.get("gen_ai.output.messages").getValue().getStringValue(),
                            JsonNode.class);
            assertThat(out.get(0).get("parts").get(0).get("content").asText())
                    .isEqualTo(e.responseText);
            assertThat(
                            a.get("gen_ai.response.finish_reasons")
                                    .getValue()
                                    .getArrayValue()
                                    .getValues(0)
                                    .getStringValue())
                    .isEqualTo(e.responseFinishReasons.get(0));
        }
        JsonNode in =
                Codecs.fromJson(
                        a.get("gen_ai.input.messages").getValue().getStringValue(), JsonNode.class);
        assertThat(in.get(0).get("role").asText()).isEqualTo("user");
        assertThat(in.get(0).get("parts").get(0).get("type").asText()).isEqualTo("text");
        assertThat(in.get(0).get("parts").get(0).get("content").asText()).isEqualTo(e.promptText);
        if (e.timeToFirstChunkMs != null) {
            assertThat(a.get("gen_ai.response.time_to_first_chunk").getValue().getDoubleValue())
                    .isEqualTo(e.timeToFirstChunkMs / 1000.0);
        }
        if (e.costUsd != null) {
            assertThat(a.get("llm.cost_usd").getValue().getDoubleValue()).isEqualTo(e.costUsd);
        }
    }

    @Test
    void otlpJsonUsesHexIdsAndEqualsTheProtoRecords() throws Exception {
        assertThat(jsonRecords).hasSameSizeAs(protoRecords);
        for (int i = 0; i < jsonRecords.size(); i++) {
            JsonNode tree = Codecs.mapper().readTree(jsonRecords.get(i).value());
            for (JsonNode rs : tree.get("resourceSpans")) {
                for (JsonNode ss : rs.get("scopeSpans")) {
                    for (JsonNode span : ss.get("spans")) {
                        assertThat(span.get("traceId").asText()).matches("[0-9a-f]{32}");
                        assertThat(span.get("spanId").asText()).matches("[0-9a-f]{16}");
                        assertThat(span.get("kind").isInt()).isTrue();
                        assertThat(span.get("startTimeUnixNano").isTextual()).isTrue();
                    }
                }
            }
            ExportTraceServiceRequest fromJson = OtlpJson.parse(jsonRecords.get(i).value());
            assertThat(fromJson)
                    .isEqualTo(ExportTraceServiceRequest.parseFrom(protoRecords.get(i).value()));
        }
    }

    @Test
    void fastJsonWriterAgreesWithProtobufJsonFormat() throws Exception {
        for (int i = 0; i < protoRecords.size(); i += 7) {
            ExportTraceServiceRequest req =
                    ExportTraceServiceRequest.parseFrom(protoRecords.get(i).value());
            assertThat(Codecs.mapper().readTree(OtlpJsonWriter.write(req)))
                    .isEqualTo(Codecs.mapper().readTree(OtlpJson.toBytes(req)));
        }
    }

    @Test
    void recordsAreKeyedBySessionAndStampedWithEventTime() {
        for (EncodedRecord r : protoRecords) {
            assertThat(new String(r.key())).startsWith("sess_");
            assertThat(r.timestampMs()).isPositive();
        }
        Map<Integer, Long> sizes =
                protoRecords.stream()
                        .collect(
                                Collectors.groupingBy(
                                        EncodedRecord::eventCount, Collectors.counting()));
        assertThat(sizes.keySet()).contains(2, 3, 4, 5, 6);
    }

    private static Map<String, KeyValue> byKey(List<KeyValue> attributes) {
        Map<String, KeyValue> out = new HashMap<>();
        for (KeyValue kv : attributes) {
            out.put(kv.getKey(), kv);
        }
        return out;
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        Map<String, String> out = new HashMap<>();
        for (KeyValue kv : attributes) {
            out.put(kv.getKey(), kv.getValue().getStringValue());
        }
        return out;
    }
}
