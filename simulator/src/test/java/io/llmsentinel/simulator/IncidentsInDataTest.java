package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.incident.GroundTruth;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import io.llmsentinel.simulator.text.FakePii;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every incident of the default timeline is in the ground truth and visible in the data, judged the
 * way a detector would: the incident window against the quiet periods (outside every window).
 */
class IncidentsInDataTest {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern CARD_LIKE = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
    private static final Pattern IBAN =
            Pattern.compile(
                    "\\b(?:DE|GB|NL|FR)\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    private static final Pattern SECRET =
            Pattern.compile(
                    "(?:AKIA|ASIA)[A-Z2-7]{16}|sk-(?:proj-)?[A-Za-z0-9]{20,}|gh[pos]_[A-Za-z0-9]{36}"
                            + "|eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+|-----BEGIN [A-Z ]*PRIVATE KEY-----");

    private static SimulatorConfig config;
    private static List<Incident> incidents;
    private static List<LlmEvent> events;
    private static List<SimulatedEvent> tagged;
    private static List<LlmEvent> quietEvents;

    @BeforeAll
    static void simulate() {
        config =
                SimulatorConfig.builder()
                        .seed(2024)
                        .ratePerSecond(60)
                        .duration(Duration.ofMinutes(30))
                        .build();
        TrafficSimulator sim = Runs.simulator(config);
        incidents = sim.incidents();
        tagged = Runs.events(sim);
        events = tagged.stream().map(SimulatedEvent::event).toList();
        quietEvents =
                events.stream()
                        .filter(e -> incidents.stream().noneMatch(i -> i.covers(e.eventTime)))
                        .toList();
    }

    @AfterAll
    static void release() {
        // Static state outlives the class; the next test classes need the heap.
        tagged = null;
        events = null;
        quietEvents = null;
    }

    @Test
    void groundTruthFileListsEveryIncidentType(@TempDir Path dir) {
        Path truth = dir.resolve("truth.jsonl");
        RunSummary summary = Runs.RUNNER.run(config, new InMemoryRecordSink(), truth);

        assertThat(GroundTruth.read(truth)).isEqualTo(incidents).isEqualTo(summary.incidents());
        assertThat(incidents)
                .extracting(Incident::incidentType)
                .containsExactlyInAnyOrder(IncidentType.values());
        assertThat(summary.eventsPerIncident().keySet())
                .containsExactlyInAnyOrder(IncidentType.values());
        for (Incident i : incidents) {
            assertThat(i.description()).isNotBlank();
            assertThat(i.startMs()).isGreaterThanOrEqualTo(summary.startMs());
            assertThat(i.endMs()).isLessThanOrEqualTo(summary.endMs());
        }
    }

    @Test
    void latencyDegradationSlowsItsRouteMoreThanThreefold() {
        Incident i = incident(IncidentType.LATENCY_DEGRADATION);
        Predicate<LlmEvent> route =
                e ->
                        e.serviceName.equals(i.serviceName())
                                && e.requestModel.equals(i.model())
                                && e.providerName.equals(i.providerName())
                                && !e.isError();
        double during = median(inWindow(i, route), e -> e.latencyMs);
        double quiet = median(quiet(route), e -> e.latencyMs);
        assertThat(during).isGreaterThan(3 * quiet);
        double ttfcDuring =
                median(
                        inWindow(i, route.and(e -> e.timeToFirstChunkMs != null)),
                        e -> e.timeToFirstChunkMs);
        double ttfcQuiet =
                median(
                        quiet(route.and(e -> e.timeToFirstChunkMs != null)),
                        e -> e.timeToFirstChunkMs);
        assertThat(ttfcDuring).isGreaterThan(2 * ttfcQuiet);
    }

    @Test
    void errorBurstRaisesTheModelsErrorRateToAboutThirtyPercent() {
        Incident i = incident(IncidentType.ERROR_BURST);
        Predicate<LlmEvent> model = e -> e.requestModel.equals(i.model());
        double during = errorRate(inWindow(i, model));
        double quiet = errorRate(quiet(model));
        assertThat(during).isBetween(0.2, 0.4);
        assertThat(quiet).isLessThan(0.03);
        assertThat(inWindow(i, model.and(LlmEvent::isError)))
                .extracting(e -> e.errorType)
                .containsAnyOf("500", "503", "timeout");
    }

    @Test
    void spendRunawayMultipliesTheTenantsCallsAndSpend() {
        Incident i = incident(IncidentType.SPEND_RUNAWAY);
        Predicate<LlmEvent> tenant = e -> e.tenantId.equals(i.tenantId());
        List<LlmEvent> during = inWindow(i, tenant);
        List<LlmEvent> quiet = quiet(tenant);
        double quietMinutes = quietMillis() / 60_000.0;
        double windowMinutes = (i.endMs() - i.startMs()) / 60_000.0;

        double callRatio = (during.size() / windowMinutes) / (quiet.size() / quietMinutes);
        double spendRatio = (spend(during) / windowMinutes) / (spend(quiet) / quietMinutes);
        assertThat(callRatio).isGreaterThan(3);
        assertThat(spendRatio).isGreaterThan(6);
    }

    @Test
    void agentLoopMakesDozensOfCallsWithGrowingInput() {
        Incident i = incident(IncidentType.AGENT_LOOP);
        List<LlmEvent> session =
                events.stream().filter(e -> i.sessionId().equals(e.sessionId)).toList();
        assertThat(session).hasSizeGreaterThanOrEqualTo(24);
        assertThat(session).allMatch(e -> i.covers(e.eventTime));
        assertThat(session)
                .allMatch(e -> e.userId.equals(i.userId()) && e.tenantId.equals(i.tenantId()));
        List<Long> inputs =
                session.stream()
                        .filter(e -> e.usageInputTokens != null)
                        .map(e -> e.usageInputTokens)
                        .toList();
        for (int k = 1; k < inputs.size(); k++) {
            assertThat(inputs.get(k)).isGreaterThan(inputs.get(k - 1));
        }
        assertThat(inputs.get(inputs.size() - 1)).isGreaterThan(5 * inputs.get(0));
        long distinctTraces = session.stream().map(e -> e.traceId).distinct().count();
        assertThat(distinctTraces).isEqualTo(1);
    }

    @Test
    void promptInjectionUserSendsVariedAttacksOnlyDuringTheWindow() {
        Incident i = incident(IncidentType.PROMPT_INJECTION);
        List<SimulatedEvent> fromUser =
                tagged.stream().filter(t -> i.userId().equals(t.event().userId)).toList();
        assertThat(fromUser).hasSizeGreaterThanOrEqualTo(15);
        assertThat(fromUser)
                .allMatch(t -> t.incident() == IncidentType.PROMPT_INJECTION)
                .allMatch(t -> i.covers(t.event().eventTime))
                .allMatch(t -> t.event().serviceName.equals(i.serviceName()));
        Set<String> prompts = new HashSet<>();
        fromUser.forEach(t -> prompts.add(t.event().promptText));
        assertThat(prompts.size()).isGreaterThanOrEqualTo(fromUser.size() * 8 / 10);
        assertThat(fromUser.stream().map(t -> t.event().sessionId).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void piiLeaksOnlyInTheLeakingServiceDuringTheWindow() {
        Incident i = incident(IncidentType.PII_LEAK);
        List<LlmEvent> leaking = events.stream().filter(IncidentsInDataTest::containsPii).toList();
        assertThat(leaking).hasSizeGreaterThanOrEqualTo(10);
        assertThat(leaking)
                .allMatch(e -> i.covers(e.eventTime) && e.serviceName.equals(i.serviceName()));
        String all = String.join("\n", leaking.stream().map(e -> e.responseText).toList());
        assertThat(matches(CARD_LIKE, all)).anyMatch(FakePii::passesLuhn);
        assertThat(matches(IBAN, all)).anyMatch(FakePii::validIban);
        assertThat(SSN.matcher(all).find()).isTrue();
        assertThat(EMAIL.matcher(all).find()).isTrue();
    }

    @Test
    void secretsLeakOnlyInTheLeakingServiceDuringTheWindow() {
        Incident i = incident(IncidentType.SECRET_LEAK);
        List<LlmEvent> leaking =
                events.stream()
                        .filter(
                                e ->
                                        e.responseText != null
                                                && SECRET.matcher(e.responseText).find())
                        .toList();
        assertThat(leaking).hasSizeGreaterThanOrEqualTo(10);
        assertThat(leaking)
                .allMatch(e -> i.covers(e.eventTime) && e.serviceName.equals(i.serviceName()));
    }

    @Test
    void outputLengthShiftMakesAnswersLongerAndOftenTruncated() {
        Incident i = incident(IncidentType.OUTPUT_LENGTH_SHIFT);
        // answers, not tool calls: those are short whatever the model's mood
        Predicate<LlmEvent> model =
                e ->
                        e.requestModel.equals(i.model())
                                && !e.isError()
                                && Set.of("stop", "length").contains(finish(e));
        List<LlmEvent> during = inWindow(i, model);
        List<LlmEvent> quiet = quiet(model);
        assertThat(median(during, e -> e.usageOutputTokens))
                .isGreaterThan(1.8 * median(quiet, e -> e.usageOutputTokens));
        assertThat(median(during, e -> e.responseText.length()))
                .isGreaterThan(1.8 * median(quiet, e -> e.responseText.length()));
        assertThat(share(during, e -> finish(e).equals("length"))).isGreaterThan(0.25);
        assertThat(share(quiet, e -> finish(e).equals("length"))).isLessThan(0.05);
    }

    @Test
    void modelSwapChangesTheResponseModelButNotTheRequestedOne() {
        Incident i = incident(IncidentType.MODEL_SWAP);
        Predicate<LlmEvent> route =
                e ->
                        e.serviceName.equals(i.serviceName())
                                && e.requestModel.equals(i.model())
                                && !e.isError();
        Set<String> during = new HashSet<>();
        inWindow(i, route).forEach(e -> during.add(e.responseModel));
        Set<String> quiet = new HashSet<>();
        quiet(route).forEach(e -> quiet.add(e.responseModel));
        assertThat(during).hasSize(1);
        assertThat(quiet).hasSize(1);
        assertThat(during).doesNotContainAnyElementsOf(quiet);
        assertThat(i.description()).contains(during.iterator().next());
        // other services asking for the same model are not swapped
        List<LlmEvent> others =
                inWindow(
                        i,
                        e ->
                                e.requestModel.equals(i.model())
                                        && !e.isError()
                                        && !e.serviceName.equals(i.serviceName()));
        assertThat(others).allMatch(e -> quiet.contains(e.responseModel));
    }

    @Test
    void quietTrafficLooksNormal() {
        List<LlmEvent> quiet = quiet(e -> true);
        assertThat(errorRate(quiet)).isBetween(0.003, 0.02);
        assertThat(
                        share(
                                quiet.stream().filter(e -> !e.isError()).toList(),
                                e -> finish(e).equals("stop")))
                .isGreaterThan(0.6);
        assertThat(quiet.stream().map(e -> e.userId).distinct().count()).isBetween(50L, 500L);
        assertThat(quiet.stream().map(e -> e.serviceName).distinct().count()).isEqualTo(4);
        assertThat(quiet.stream().map(e -> e.providerName).distinct().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(quiet).noneMatch(IncidentsInDataTest::containsPii);
        Map<String, Long> turns =
                quiet.stream()
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        e -> e.sessionId, java.util.stream.Collectors.counting()));
        assertThat(turns.values().stream().filter(n -> n >= 3).count()).isGreaterThan(100);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.eventId));
        assertThat(ids).hasSize(events.size());
        assertThat(events)
                .allMatch(
                        e -> e.traceId.matches("[0-9a-f]{32}") && e.spanId.matches("[0-9a-f]{16}"));
    }

    @Test
    void eventsComeInTimeOrderWithinTheRun() {
        long start = config.startMs(Clock.systemUTC());
        long end = start + config.duration().toMillis();
        for (int k = 1; k < events.size(); k++) {
            assertThat(events.get(k).eventTime).isGreaterThanOrEqualTo(events.get(k - 1).eventTime);
        }
        assertThat(events.get(0).eventTime).isGreaterThanOrEqualTo(start);
        assertThat(events.get(events.size() - 1).eventTime).isLessThan(end);
        // 60/s for 30 minutes, plus what the incidents add
        assertThat(events.size()).isBetween(105_000, 120_000);
    }

    // --- helpers ---

    private static Incident incident(IncidentType type) {
        return incidents.stream().filter(i -> i.incidentType() == type).findFirst().orElseThrow();
    }

    private static List<LlmEvent> inWindow(Incident i, Predicate<LlmEvent> p) {
        return events.stream().filter(e -> i.covers(e.eventTime) && p.test(e)).toList();
    }

    private static List<LlmEvent> quiet(Predicate<LlmEvent> p) {
        return quietEvents.stream().filter(p).toList();
    }

    private static long quietMillis() {
        long total = config.duration().toMillis();
        for (Incident i : incidents) {
            total -= i.endMs() - i.startMs();
        }
        return total;
    }

    private static double median(
            List<LlmEvent> list, java.util.function.ToDoubleFunction<LlmEvent> f) {
        assertThat(list).isNotEmpty();
        double[] v = list.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static double errorRate(List<LlmEvent> list) {
        return share(list, LlmEvent::isError);
    }

    private static double share(List<LlmEvent> list, Predicate<LlmEvent> p) {
        assertThat(list).isNotEmpty();
        return list.stream().filter(p).count() / (double) list.size();
    }

    private static String finish(LlmEvent e) {
        return e.responseFinishReasons == null ? "" : e.responseFinishReasons.get(0);
    }

    /** Spend as the cost job would see it: priced from tokens whether or not cost_usd is set. */
    private static double spend(List<LlmEvent> list) {
        double sum = 0;
        for (LlmEvent e : list) {
            if (!e.isError()) {
                sum +=
                        Runs.PRICING
                                .costUsd(
                                        e.providerName,
                                        e.responseModel,
                                        e.eventTime,
                                        e.usageInputTokens,
                                        e.usageOutputTokens,
                                        e.usageCacheReadInputTokens == null
                                                ? 0
                                                : e.usageCacheReadInputTokens)
                                .orElseThrow();
            }
        }
        return sum;
    }

    private static boolean containsPii(LlmEvent e) {
        String t = e.responseText;
        if (t == null) {
            return false;
        }
        if (EMAIL.matcher(t).find() || SSN.matcher(t).find()) {
            return true;
        }
        return matches(CARD_LIKE, t).stream().anyMatch(FakePii::passesLuhn)
                || matches(IBAN, t).stream().anyMatch(FakePii::validIban);
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
