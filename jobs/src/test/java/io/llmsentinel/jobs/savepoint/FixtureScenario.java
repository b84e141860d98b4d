package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.detectors.common.RefusalRules;
import io.llmsentinel.detectors.cost.EventPricer;
import io.llmsentinel.jobs.config.ConfigProfile;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The scripted input of each job's fixture and where it is cut: simulated traffic with the
 * incidents the job detects, cut while their episodes are open and after the warm-up, with the
 * short windows of the local profile so that a fixture stays small. Only the generator uses this;
 * the restore test reads the committed input, never the simulator.
 *
 * @param input the records, in order
 * @param split how many records go in before the savepoint
 * @param config job settings laid over the local profile
 * @param state what the job's state holds at the cut, for {@code fixture.properties}
 */
record FixtureScenario(
        FixtureJob job,
        String description,
        List<?> input,
        long split,
        Map<String, String> config,
        String state) {

    static final long SEED = 7;

    static FixtureScenario of(FixtureJob job) {
        return switch (job) {
            case INGEST -> ingest();
            case LATENCY -> latency();
            case COST -> cost();
            case DRIFT -> drift();
            case SECURITY -> security();
        };
    }

    /** Our JSON with 5% hostile records; cut halfway. Ingest's own operators keep no state. */
    private static FixtureScenario ingest() {
        SimulatorConfig sim =
                SimulatorConfig.builder()
                        .seed(SEED)
                        .ratePerSecond(3)
                        .duration(Duration.ofMinutes(2))
                        .timeline(Timeline.none())
                        .format(SourceFormat.JSON)
                        .badRecordRate(0.05)
                        .build();
        InMemoryRecordSink sink = new InMemoryRecordSink();
        new SimulatorRunner().run(sim, sink, null);
        List<RawRecord> raw = new ArrayList<>();
        for (EncodedRecord r : sink.records()) {
            raw.add(
                    new RawRecord(
                            SourceFormat.JSON.wireName(),
                            "llm.raw.json",
                            0,
                            raw.size(),
                            r.timestampMs(),
                            r.value()));
        }
        return new FixtureScenario(
                FixtureJob.INGEST,
                "2 min of our JSON at 3 calls/s with 5% hostile records, cut halfway",
                raw,
                raw.size() / 2,
                Map.of("ingest.max-event-age", "0 s"),
                "the source position only: decode, watermarks and the late counter keep no"
                        + " state");
    }

    /** A route gets 4-8x slower at +7 min; cut 2.5 min into it, after the 4-min warm-up. */
    private static FixtureScenario latency() {
        String timeline = "latency_degradation@7m+5m";
        Simulated s = simulate(20, Duration.ofMinutes(22), timeline);
        Incident slow = s.incident(IncidentType.LATENCY_DEGRADATION);
        List<LlmEvent> input =
                s.events(
                        (e, incident) ->
                                slow.serviceName().equals(e.serviceName)
                                        && slow.model().equals(e.requestModel),
                        true);
        return new FixtureScenario(
                FixtureJob.LATENCY,
                "22 min of route "
                        + slow.providerName()
                        + "/"
                        + slow.model()
                        + "/"
                        + slow.serviceName()
                        + " at 20 calls/s overall, "
                        + timeline,
                input,
                before(input, slow.startMs() + Duration.ofSeconds(150).toMillis()),
                Map.of(),
                "per route: baselines warm (9.5 min of minute slices), the open minute slice,"
                        + " open latency episodes of the degraded route, their timers");
    }

    /**
     * An agent loop at +6 min and a tenant's spend runaway at +7 min; cut at +9 min with the loop
     * and the spend spike open and the runaway tenant's daily budget past 80% (warning raised), not
     * yet 100%.
     */
    private static FixtureScenario cost() {
        String timeline = "agent_loop@6m+6m,spend_runaway@7m+6m";
        Simulated s = simulate(20, Duration.ofMinutes(16), timeline);
        Incident loop = s.incident(IncidentType.AGENT_LOOP);
        Incident runaway = s.incident(IncidentType.SPEND_RUNAWAY);
        List<LlmEvent> input =
                s.events(
                        (e, incident) ->
                                runaway.tenantId().equals(e.tenantId)
                                        || loop.sessionId().equals(e.sessionId),
                        true);
        long cut = s.startMs() + Duration.ofMinutes(9).toMillis();
        // spend as the job counts it: calls without a cost are priced from the table
        EventPricer pricer = new EventPricer(PricingTable.loadDefault());
        double spentBeforeCut = 0;
        for (LlmEvent e : input) {
            if (e.eventTime < cut && runaway.tenantId().equals(e.tenantId)) {
                LlmEvent priced = Codecs.fromJson(Codecs.toJsonBytes(e), LlmEvent.class);
                pricer.price(priced);
                spentBeforeCut += priced.costUsd == null ? 0 : priced.costUsd;
            }
        }
        // 88% spent at the cut: the warning (80%) before it, the critical level (100%) after
        String budget =
                String.format(
                        Locale.ROOT, "%s:daily:%.4f", runaway.tenantId(), spentBeforeCut / 0.88);
        return new FixtureScenario(
                FixtureJob.COST,
                "16 min of tenant "
                        + runaway.tenantId()
                        + " and session "
                        + loop.sessionId()
                        + " at 20 calls/s overall, "
                        + timeline,
                input,
                before(input, cut),
                Map.of("cost.budgets", budget),
                "per tenant/user/model: spend windows and baselines warm, an open spend-spike"
                        + " episode; per session: the sliding window of the loop, open runaway and"
                        + " input-bloat episodes, calls buffered until the watermark; per tenant:"
                        + " the day's spend past the 80% warning; idle-cleanup timers");
    }

    /** One model's answers get longer at +10 min; cut 2 min into it (2-min current window). */
    private static FixtureScenario drift() {
        String timeline = "output_length_shift@10m+6m";
        Simulated s = simulate(30, Duration.ofMinutes(20), timeline);
        Incident shift = s.incident(IncidentType.OUTPUT_LENGTH_SHIFT);
        List<LlmEvent> input =
                s.events((e, incident) -> shift.model().equals(e.requestModel), false).stream()
                        .map(FixtureScenario::withoutPrompt)
                        .toList();
        return new FixtureScenario(
                FixtureJob.DRIFT,
                "20 min of model " + shift.model() + " at 30 calls/s overall, " + timeline,
                input,
                before(input, shift.startMs() + Duration.ofMinutes(3).toMillis()),
                Map.of(),
                "per service/model/template: 30-s slice summaries of every feature (bounded"
                        + " histograms, category counts), the sliding reference, pending rows,"
                        + " open numeric/categorical drift episodes, slice timers");
    }

    /**
     * One user's prompt injections from +3 min and a service leaking PII from +4 min; cut at +6 min
     * with finding episodes and the attacker's campaign open.
     */
    private static FixtureScenario security() {
        String timeline = "prompt_injection@3m+5m,pii_leak@4m+5m";
        Simulated s = simulate(10, Duration.ofMinutes(12), timeline);
        Incident attack = s.incident(IncidentType.PROMPT_INJECTION);
        Incident leak = s.incident(IncidentType.PII_LEAK);
        List<LlmEvent> input =
                s.events(
                        (e, incident) ->
                                attack.userId().equals(e.userId)
                                        || leak.serviceName().equals(e.serviceName),
                        false);
        return new FixtureScenario(
                FixtureJob.SECURITY,
                "12 min of user "
                        + attack.userId()
                        + " and service "
                        + leak.serviceName()
                        + " at 10 calls/s overall, "
                        + timeline,
                input,
                before(input, s.startMs() + Duration.ofMinutes(6).toMillis()),
                Map.of(),
                "per finding type and subject: open prompt-injection/jailbreak and PII episodes"
                        + " with their redacted evidence; per actor: the campaign window, refusal"
                        + " and escalation history; expiry timers");
    }

    /** The settings the fixture pins, before every other option is spelled out. */
    Map<String, String> settings() {
        Map<String, String> m =
                new HashMap<>(job.job().ownSettings(ConfigProfile.LOCAL.settings()));
        m.putAll(config);
        return m;
    }

    private static long before(List<LlmEvent> input, long cutMs) {
        return input.stream().filter(e -> e.eventTime < cutMs).count();
    }

    /**
     * What drift reads of the texts, and no more: the response's length and its head (refusal
     * phrases). The rest of the response becomes filler of the same length, which keeps the
     * committed input small.
     */
    private static LlmEvent withoutPrompt(LlmEvent e) {
        e.promptText = null;
        e.retrievedContent = null;
        if (e.responseText != null && e.responseText.length() > RefusalRules.HEAD_CHARS) {
            e.responseText =
                    e.responseText.substring(0, RefusalRules.HEAD_CHARS)
                            + ".".repeat(e.responseText.length() - RefusalRules.HEAD_CHARS);
        }
        return e;
    }

    private static Simulated simulate(double rate, Duration duration, String timeline) {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(SEED)
                        .ratePerSecond(rate)
                        .duration(duration)
                        .timeline(Timeline.parse(timeline))
                        .build();
        return new Simulated(config, new SimulatorRunner().simulator(config));
    }

    /** A simulator run and its incidents. */
    private record Simulated(SimulatorConfig config, TrafficSimulator simulator) {
        Incident incident(IncidentType type) {
            return simulator.incidents().stream()
                    .filter(i -> i.incidentType() == type)
                    .findFirst()
                    .orElseThrow();
        }

        long startMs() {
            return SimulatorConfig.DEFAULT_START_TIME.toEpochMilli();
        }

        /** The events {@code keep} accepts, in simulator order; texts dropped unless needed. */
        List<LlmEvent> events(BiPredicate<LlmEvent, IncidentType> keep, boolean dropTexts) {
            List<LlmEvent> out = new ArrayList<>();
            while (simulator.hasNext()) {
                var next = simulator.next();
                LlmEvent e = next.event();
                if (keep.test(e, next.incident())) {
                    if (dropTexts) {
                        e.promptText = null;
                        e.responseText = null;
                        e.retrievedContent = null;
                    }
                    out.add(e);
                }
            }
            return out;
        }
    }
}
