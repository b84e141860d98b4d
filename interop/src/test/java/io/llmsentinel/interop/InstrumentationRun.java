package io.llmsentinel.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.llmsentinel.interop.Capture.CapturedSpan;
import io.llmsentinel.interop.KnownGaps.Gap;
import io.llmsentinel.interop.LibraryBehaviour.Deviation;
import io.llmsentinel.interop.Scenario.Call;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.DecodeResult;
import io.llmsentinel.schema.codec.OtlpJsonDecoder;
import io.llmsentinel.schema.codec.OtlpProtoDecoder;
import io.llmsentinel.schema.codec.RecordDecoder;
import io.llmsentinel.schema.codec.Rejection;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One instrumentation's capture put through the real decoders, in both encodings, and set against
 * the scenario: for each call, the LLM span the library exported for it, the events the decoders
 * made of that span, and every field's expected and actual value.
 */
final class InstrumentationRun {
    /** The fake server stands in for OpenAI. */
    static final String PROVIDER = "openai";

    /** The ingest defaults, without the 7-day age limit: a capture may be replayed later. */
    static final ValidationLimits LIMITS = ValidationLimits.DEFAULTS.withMaxEventAge(Duration.ZERO);

    /** What the decoders made of all of a capture's trace records in one encoding. */
    record Decoded(List<LlmEvent> events, List<Rejection> rejections, int skippedSpans) {}

    /** One field of one call's event. */
    record FieldResult(Field field, Expected expected, JsonNode actual, Optional<Gap> gap) {
        boolean matches() {
            return expected.matches(actual);
        }

        /** The library gives this field for this call: it counts in "fields emitted". */
        boolean emitted() {
            return !expected.isAbsent();
        }

        String describe() {
            return field + ": expected " + expected + ", got " + Expected.describe(actual);
        }
    }

    /**
     * One scenario call.
     *
     * @param span the library's LLM span for the call; null when it exported none
     */
    record CallResult(
            Call call,
            CapturedSpan span,
            List<LlmEvent> events,
            List<Rejection> rejections,
            List<FieldResult> fields) {
        boolean exported() {
            return span != null;
        }

        FieldResult field(Field f) {
            return fields.stream().filter(r -> r.field() == f).findFirst().orElseThrow();
        }
    }

    /**
     * Why the decoders skipped a span, as the suite tells it: DecodeResult only counts skipped
     * spans (the ingest metric nonGenAiSpansSkipped), so the reason is read off the span.
     */
    enum SkipReason {
        NON_GEN_AI("no GenAI attributes"),
        OPENINFERENCE("OpenInference (openinference.span.kind)"),
        AGENT_WITHOUT_MODEL("agent/tool span without a model"),
        OTHER("other");

        final String description;

        SkipReason(String description) {
            this.description = description;
        }

        static SkipReason of(CapturedSpan span) {
            if (span.hasAttribute("openinference.span.kind")) {
                return OPENINFERENCE;
            }
            String op = span.attribute("gen_ai.operation.name");
            if (op != null
                    && List.of("execute_tool", "invoke_agent", "create_agent").contains(op)) {
                return AGENT_WITHOUT_MODEL;
            }
            if (!span.hasAttributeStartingWith("gen_ai.")
                    && !span.hasAttributeStartingWith("llm.")) {
                return NON_GEN_AI;
            }
            return OTHER;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    final Instrumentation instrumentation;
    final Scenario scenario;
    final Capture capture;
    final Decoded proto;
    final Decoded json;
    final List<CapturedSpan> applicationSpans;
    final List<CallResult> calls;

    private InstrumentationRun(Scenario scenario, Capture capture) {
        this.instrumentation = capture.instrumentation;
        this.scenario = scenario;
        this.capture = capture;
        this.proto = decode(capture, SourceFormat.OTLP_PROTO);
        this.json = decode(capture, SourceFormat.OTLP_JSON);
        this.applicationSpans =
                capture.spans.stream()
                        .filter(s -> s.scope().equals(Capture.APPLICATION_SCOPE))
                        .toList();
        Map<String, CapturedSpan> callSpans =
                applicationSpans.stream()
                        .filter(s -> s.attribute(Capture.CALL_ATTRIBUTE) != null)
                        .collect(
                                Collectors.toMap(
                                        s -> s.attribute(Capture.CALL_ATTRIBUTE),
                                        Function.identity()));
        List<CallResult> results = new ArrayList<>();
        for (Call call : scenario.calls()) {
            CapturedSpan parent = callSpans.get(call.name());
            if (parent == null) {
                throw new IllegalStateException(
                        capture.dir + ": no application span for call " + call.name());
            }
            results.add(result(call, llmSpan(parent)));
        }
        this.calls = List.copyOf(results);
    }

    static InstrumentationRun of(Scenario scenario, Capture capture) {
        return new InstrumentationRun(scenario, capture);
    }

    /** The library's spans: everything under the instrumentation's scope. */
    List<CapturedSpan> librarySpans() {
        return capture.spans.stream()
                .filter(s -> s.scope().equals(instrumentation.scope()))
                .toList();
    }

    /** The spans that gave neither an event nor a rejection (proto encoding), by reason. */
    Map<SkipReason, List<CapturedSpan>> skippedSpans() {
        Map<SkipReason, List<CapturedSpan>> out = new EnumMap<>(SkipReason.class);
        for (CapturedSpan span : capture.spans) {
            String label = "span " + span.traceId() + "/" + span.spanId() + ": ";
            boolean event = proto.events().stream().anyMatch(e -> span.spanId().equals(e.spanId));
            boolean rejected =
                    proto.rejections().stream().anyMatch(r -> r.message().startsWith(label));
            if (!event && !rejected) {
                out.computeIfAbsent(SkipReason.of(span), r -> new ArrayList<>()).add(span);
            }
        }
        return out;
    }

    List<CallResult> exportedCalls() {
        return calls.stream().filter(CallResult::exported).toList();
    }

    CallResult call(String name) {
        return calls.stream().filter(c -> c.call().name().equals(name)).findFirst().orElseThrow();
    }

    private CapturedSpan llmSpan(CapturedSpan callSpan) {
        List<CapturedSpan> children =
                librarySpans().stream()
                        .filter(s -> callSpan.spanId().equals(s.parentSpanId()))
                        .toList();
        if (children.size() > 1) {
            throw new IllegalStateException(
                    instrumentation
                            + ": "
                            + children.size()
                            + " LLM spans for one call: "
                            + children);
        }
        return children.isEmpty() ? null : children.get(0);
    }

    private CallResult result(Call call, CapturedSpan span) {
        if (span == null) {
            return new CallResult(call, null, List.of(), List.of(), List.of());
        }
        List<LlmEvent> events =
                proto.events().stream().filter(e -> span.spanId().equals(e.spanId)).toList();
        String label = "span " + span.traceId() + "/" + span.spanId() + ": ";
        List<Rejection> rejections =
                proto.rejections().stream().filter(r -> r.message().startsWith(label)).toList();
        JsonNode event = events.isEmpty() ? null : InteropJson.MAPPER.valueToTree(events.get(0));
        List<FieldResult> fields = new ArrayList<>();
        for (Field f : Field.values()) {
            JsonNode actual =
                    f == Field.EVENT
                            ? IntNode.valueOf(events.size())
                            : event == null ? null : event.get(f.json);
            fields.add(
                    new FieldResult(
                            f,
                            expected(f, call, span),
                            actual,
                            KnownGaps.find(instrumentation, f, call.name())));
        }
        return new CallResult(call, span, events, rejections, List.copyOf(fields));
    }

    /** The call's canonical value of a field, with what the library does differently applied. */
    private Expected expected(Field f, Call call, CapturedSpan span) {
        Optional<Deviation> deviation = LibraryBehaviour.deviation(instrumentation, f, call.name());
        if (deviation.isPresent()) {
            return deviation.get().notEmitted()
                    ? Expected.absent()
                    : Expected.exactly(deviation.get().reported());
        }
        URI server = URI.create(capture.run.path("server_url").asText());
        return switch (f) {
            case EVENT -> Expected.exactly(1);
            case PROVIDER_NAME -> Expected.exactly(PROVIDER);
            case SERVER_ADDRESS -> Expected.exactly(server.getHost());
            case SERVER_PORT -> Expected.exactly(server.getPort());
            case LATENCY_MS -> Expected.exactly(span.durationMs());
            case TIME_TO_FIRST_CHUNK_MS ->
                    call.streaming()
                            ? Expected.between(call.delayMs(), span.durationMs())
                            : Expected.absent();
            case USER_ID -> Expected.exactly(scenario.baggage().get("user.id"));
            case SESSION_ID -> Expected.exactly(scenario.baggage().get("session.id"));
            case SERVICE_NAME -> Expected.exactly(scenario.serviceName());
            case DEPLOYMENT_ENVIRONMENT -> Expected.exactly(scenario.deploymentEnvironment());
            default -> Expected.exactly(call.canonical().get(f.json));
        };
    }

    private static Decoded decode(Capture capture, SourceFormat format) {
        RecordDecoder decoder =
                format == SourceFormat.OTLP_PROTO
                        ? new OtlpProtoDecoder(LIMITS)
                        : new OtlpJsonDecoder(LIMITS);
        List<LlmEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int skipped = 0;
        for (byte[] record : capture.traceRecords(format)) {
            DecodeResult result = decoder.decode(record, capture.referenceTime());
            events.addAll(result.events());
            rejections.addAll(result.rejections());
            skipped += result.skippedSpans();
        }
        return new Decoded(List.copyOf(events), List.copyOf(rejections), skipped);
    }
}
