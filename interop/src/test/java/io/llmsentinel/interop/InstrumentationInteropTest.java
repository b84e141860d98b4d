package io.llmsentinel.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmsentinel.interop.Capture.CapturedLog;
import io.llmsentinel.interop.Capture.CapturedSpan;
import io.llmsentinel.interop.InstrumentationRun.CallResult;
import io.llmsentinel.interop.InstrumentationRun.FieldResult;
import io.llmsentinel.interop.InstrumentationRun.SkipReason;
import io.llmsentinel.interop.KnownGaps.Gap;
import io.llmsentinel.interop.Scenario.Call;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What real instrumentation libraries export, put through the real decoders: for each library
 * (interop/target/captures/&lt;id&gt;/, made by `npm run capture`), every LLM call it exports must
 * become one event whose every field holds the call's canonical value, unless the field is in
 * {@link KnownGaps}, where it must still be wrong. What the libraries themselves leave out is in
 * {@link LibraryBehaviour} and held to the captures here too.
 *
 * <p>Skipped, loudly, when the captures are missing; failed instead with
 * -Dsentinel.interop.required=true (CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentationInteropTest {
    /** Slack for clock readings and timer rounding (application, SDK and fake server). */
    private static final double CLOCK_SLACK_MS = 5.0;

    private Scenario scenario;
    private Map<Instrumentation, InstrumentationRun> runs;

    @BeforeAll
    void decodeCaptures() {
        scenario = Scenario.load(InteropFiles.dir());
        InteropFiles.requireCaptures();
        runs = new LinkedHashMap<>();
        for (Instrumentation i : Instrumentation.values()) {
            runs.put(i, InstrumentationRun.of(scenario, Capture.load(InteropFiles.captures(), i)));
        }
    }

    @AfterAll
    void printMeasuredTables() {
        if (runs == null) {
            return;
        }
        String report = InteropReport.markdown(runs.values());
        InteropReport.write(
                InteropFiles.dir().resolve("target").resolve("interop-report.md"), report);
        System.out.println("\nInterop suite, as measured (interop/target/interop-report.md):\n");
        System.out.println(report);
    }

    @TestFactory
    Stream<DynamicTest> capturesComeFromThePinnedVersions() {
        return perInstrumentation(
                run -> {
                    JsonNode r = run.capture.run;
                    assertThat(r.path("package").asText())
                            .isEqualTo(run.instrumentation.npmPackage);
                    assertThat(r.path("package_version").asText())
                            .as(
                                    "installed version of %s: update Instrumentation and the tables"
                                            + " after a version bump",
                                    run.instrumentation.npmPackage)
                            .isEqualTo(run.instrumentation.version);
                    assertThat(r.path("openai_version").asText())
                            .isEqualTo(Instrumentation.OPENAI_SDK_VERSION);
                });
    }

    /** The fake server and the SDK did what the scenario scripts, whatever the library. */
    @TestFactory
    Stream<DynamicTest> theApplicationSawTheScriptedReplies() {
        return perInstrumentation(
                run -> {
                    assertThat(run.capture.clientCalls.keySet())
                            .containsExactlyElementsOf(
                                    scenario.calls().stream().map(Call::name).toList());
                    for (Call call : scenario.calls()) {
                        JsonNode seen = run.capture.clientCalls.get(call.name());
                        assertThat(seen.path("outcome").asText())
                                .as(call.name())
                                .isEqualTo(call.fails() ? "error" : "ok");
                        if (call.fails()) {
                            assertThat(seen.path("error").path("status").asInt())
                                    .isEqualTo(call.reply().path("status").asInt());
                        }
                        JsonNode text = call.canonical().path("response_text");
                        if (text.isTextual()) {
                            assertThat(seen.path("text").asText())
                                    .as(call.name())
                                    .isEqualTo(text.asText());
                        }
                    }
                });
    }

    /**
     * The calls each library records an LLM span for are the scenario's minus the ones {@link
     * LibraryBehaviour} says it does not export, and no event comes from any other span.
     */
    @TestFactory
    Stream<DynamicTest> theLibraryExportsTheCallsItIsKnownToExport() {
        return perInstrumentation(
                run -> {
                    Set<String> notExported =
                            run.calls.stream()
                                    .filter(c -> !c.exported())
                                    .map(c -> c.call().name())
                                    .collect(Collectors.toSet());
                    assertThat(notExported)
                            .as("calls without an LLM span (LibraryBehaviour.NOT_EXPORTED)")
                            .isEqualTo(LibraryBehaviour.notExported(run.instrumentation));
                    Set<String> llmSpanIds =
                            run.exportedCalls().stream()
                                    .map(c -> c.span().spanId())
                                    .collect(Collectors.toSet());
                    assertThat(run.proto.events())
                            .as("events from spans that are not an exported call's LLM span")
                            .allMatch(e -> llmSpanIds.contains(e.spanId));
                    assertThat(run.librarySpans())
                            .as("the library's spans are all LLM calls of the scenario")
                            .allMatch(s -> llmSpanIds.contains(s.spanId()));
                });
    }

    /**
     * Field by field, per exported call: the event holds the expected value, unless the field is a
     * known gap (asserted in {@link #everyKnownGapIsStillAGap}).
     */
    @TestFactory
    Stream<DynamicContainer> everyFieldOfEveryEventIsRight() {
        return perExportedCall(InstrumentationInteropTest::assertFields);
    }

    private static void assertFields(InstrumentationRun run, CallResult c) {
        List<String> wrong =
                c.fields().stream()
                        .filter(f -> f.gap().isEmpty() && !f.matches())
                        .map(FieldResult::describe)
                        .toList();
        assertThat(wrong)
                .as(
                        "%s %s: fields not as expected (and not in KnownGaps); rejections: %s",
                        run.instrumentation, c.call().name(), c.rejections())
                .isEmpty();
        for (LlmEvent event : c.events()) {
            assertThat(
                            ContractSchemas.errors(
                                    ContractSchemas.LLM_EVENT,
                                    InteropJson.MAPPER.valueToTree(event).toString()))
                    .as("llm-event v1 schema")
                    .isEmpty();
        }
    }

    /**
     * Each KnownGaps entry covers at least one call the library emits the field for, and is still
     * wrong on every one of them: the day it comes out right, this names the line to delete (or the
     * calls to drop from its only(...)).
     */
    @TestFactory
    Stream<DynamicTest> everyKnownGapIsStillAGap() {
        return KnownGaps.GAPS.stream()
                .map(
                        gap ->
                                dynamicTest(
                                        gap.toString(),
                                        () ->
                                                assertStillAGap(
                                                        runs.get(gap.instrumentation()), gap)));
    }

    private static void assertStillAGap(InstrumentationRun run, Gap gap) {
        FieldScope scope = gap.scope();
        List<CallResult> covered =
                run.exportedCalls().stream()
                        .filter(c -> scope.covers(c.call().name()))
                        .filter(c -> c.field(scope.field()).emitted())
                        .toList();
        assertThat(covered)
                .as("KnownGaps entry covers no exported call with an expected value: %s", gap)
                .isNotEmpty();
        if (!scope.calls().isEmpty()) {
            assertThat(covered.stream().map(c -> c.call().name()).collect(Collectors.toSet()))
                    .as("KnownGaps entry names calls the library emits no value for: %s", gap)
                    .isEqualTo(scope.calls());
        }
        List<String> closed =
                covered.stream()
                        .map(c -> c.field(scope.field()))
                        .filter(FieldResult::matches)
                        .map(FieldResult::describe)
                        .toList();
        assertThat(closed)
                .as(
                        "this known gap is closed: delete its KnownGaps line, or drop the calls"
                                + " that are right from its only(...): %s",
                        gap)
                .isEmpty();
    }

    /**
     * latency_ms is the span's duration (a field above); here, that the span really covers the
     * call: it lies within what the application measured around the call, and lasts at least as
     * long as the fake server took (for a stream: until its last chunk).
     */
    @TestFactory
    Stream<DynamicContainer> theLlmSpanCoversTheWholeCall() {
        return perExportedCall(InstrumentationInteropTest::assertCovers);
    }

    private static void assertCovers(InstrumentationRun run, CallResult c) {
        JsonNode seen = run.capture.clientCalls.get(c.call().name());
        CapturedSpan span = c.span();
        assertThat(span.startMs())
                .as("span start vs the application's start of the call")
                .isGreaterThanOrEqualTo(seen.path("start_unix_ms").asDouble() - CLOCK_SLACK_MS);
        assertThat(span.endMs())
                .as("span end vs the application's end of the call")
                .isLessThanOrEqualTo(seen.path("end_unix_ms").asDouble() + CLOCK_SLACK_MS);
        assertThat(span.durationMs())
                .as("span duration vs the server's scripted %d ms", c.call().scriptedServerMs())
                .isGreaterThanOrEqualTo(c.call().scriptedServerMs() - CLOCK_SLACK_MS);
    }

    /** The OTLP/JSON capture decodes to the same events as the protobuf one. */
    @TestFactory
    Stream<DynamicTest> bothEncodingsGiveTheSameEvents() {
        return perInstrumentation(
                run -> {
                    assertThat(run.capture.traceJsonRecords)
                            .hasSameSizeAs(run.capture.traceProtoRecords);
                    assertThat(comparable(run.json.events()))
                            .isEqualTo(comparable(run.proto.events()));
                    assertThat(run.json.rejections()).hasSameSizeAs(run.proto.rejections());
                    assertThat(run.json.skippedSpans()).isEqualTo(run.proto.skippedSpans());
                    assertThat(run.proto.events())
                            .allMatch(e -> "otlp_proto".equals(e.sourceFormat));
                    assertThat(run.json.events()).allMatch(e -> "otlp_json".equals(e.sourceFormat));
                });
    }

    private static Map<String, JsonNode> comparable(List<LlmEvent> events) {
        return events.stream()
                .collect(
                        Collectors.toMap(
                                e -> e.eventId,
                                e -> {
                                    ObjectNode tree = InteropJson.MAPPER.valueToTree(e);
                                    tree.remove("source_format");
                                    return tree;
                                }));
    }

    /**
     * Skipped spans, by reason: the application's own spans (no GenAI attributes) always; LLM spans
     * only where a known gap says their event is missing; the decoders' skip count agrees.
     */
    @TestFactory
    Stream<DynamicTest> skippedSpansByReason() {
        return perInstrumentation(
                run -> {
                    Map<SkipReason, List<CapturedSpan>> skipped = run.skippedSpans();
                    int total = skipped.values().stream().mapToInt(List::size).sum();
                    assertThat(run.proto.skippedSpans())
                            .as("DecodeResult.skippedSpans")
                            .isEqualTo(total);
                    assertThat(skipped.getOrDefault(SkipReason.NON_GEN_AI, List.of()))
                            .as("the application's spans, skipped as non-GenAI")
                            .containsExactlyInAnyOrderElementsOf(run.applicationSpans);
                    Set<String> skippedLlmSpans =
                            skipped.entrySet().stream()
                                    .filter(e -> e.getKey() != SkipReason.NON_GEN_AI)
                                    .flatMap(e -> e.getValue().stream())
                                    .map(CapturedSpan::spanId)
                                    .collect(Collectors.toSet());
                    Set<String> missingEventGaps =
                            run.exportedCalls().stream()
                                    .filter(c -> c.field(Field.EVENT).gap().isPresent())
                                    .filter(c -> c.events().isEmpty() && c.rejections().isEmpty())
                                    .map(c -> c.span().spanId())
                                    .collect(Collectors.toSet());
                    assertThat(skippedLlmSpans)
                            .as("LLM spans skipped: only those whose event is a known gap")
                            .isEqualTo(missingEventGaps);
                });
    }

    /**
     * Where each library puts prompts and answers: the official one in OTLP log records tied to the
     * LLM span (what its events lack until ingest reads logs), the others on the span (and no logs
     * at all). The texts in the logs are the calls' canonical ones.
     */
    @TestFactory
    Stream<DynamicTest> contentComesOnTheSpanOrInLogs() {
        return perInstrumentation(
                run -> {
                    int jsonLogRecords = 0;
                    for (JsonNode request : run.capture.logJsonRequests) {
                        for (JsonNode rl : request.path("resourceLogs")) {
                            for (JsonNode sl : rl.path("scopeLogs")) {
                                jsonLogRecords += sl.path("logRecords").size();
                            }
                        }
                    }
                    assertThat(jsonLogRecords)
                            .as("log records, OTLP/JSON vs protobuf")
                            .isEqualTo(run.capture.logs.size());
                    if (run.instrumentation != Instrumentation.OTEL) {
                        assertThat(run.capture.logs).as("log records").isEmpty();
                        return;
                    }
                    Map<String, List<CapturedLog>> bySpan =
                            run.capture.logs.stream()
                                    .collect(Collectors.groupingBy(CapturedLog::spanId));
                    Set<String> llmSpans =
                            run.exportedCalls().stream()
                                    .map(c -> c.span().spanId())
                                    .collect(Collectors.toSet());
                    assertThat(bySpan.keySet())
                            .as("every log record belongs to an LLM span")
                            .isSubsetOf(llmSpans);
                    for (CallResult c : run.exportedCalls()) {
                        LogContent content =
                                LogContent.of(bySpan.getOrDefault(c.span().spanId(), List.of()));
                        assertThat(content.lastUserText())
                                .as("%s: last user turn in the logs", c.call().name())
                                .isEqualTo(textOrNull(c.field(Field.PROMPT_TEXT)));
                        assertThat(content.responseText())
                                .as("%s: answer in the logs", c.call().name())
                                .isEqualTo(textOrNull(c.field(Field.RESPONSE_TEXT)));
                        JsonNode retrieved = c.call().canonical().path("retrieved_content");
                        List<String> expectedTools = new ArrayList<>();
                        retrieved.forEach(t -> expectedTools.add(t.asText()));
                        assertThat(content.toolTexts())
                                .as("%s: tool results in the logs", c.call().name())
                                .isEqualTo(expectedTools);
                    }
                });
    }

    private static String textOrNull(FieldResult r) {
        return r.emitted()
                ? InteropJson.MAPPER.convertValue(r.expected().value(), String.class)
                : null;
    }

    /** One container per instrumentation, one test per call the library exported. */
    private Stream<DynamicContainer> perExportedCall(
            BiConsumer<InstrumentationRun, CallResult> check) {
        return runs.values().stream()
                .map(
                        run ->
                                dynamicContainer(
                                        run.instrumentation.id,
                                        run.exportedCalls().stream()
                                                .map(
                                                        c ->
                                                                dynamicTest(
                                                                        c.call().name(),
                                                                        () ->
                                                                                check.accept(
                                                                                        run, c)))));
    }

    private Stream<DynamicTest> perInstrumentation(Consumer<InstrumentationRun> check) {
        return runs.values().stream()
                .map(run -> dynamicTest(run.instrumentation.id, () -> check.accept(run)));
    }
}
