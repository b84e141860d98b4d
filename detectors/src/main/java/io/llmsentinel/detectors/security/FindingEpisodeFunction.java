package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EventTimeOrderBuffer;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Redacted;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns findings into episodes, keyed by anomaly type and subject ({@link
 * SecuritySubjects#episodeKey}): the first finding opens an episode at once, with its rule ids,
 * score and masked preview as evidence; later ones only count; {@code quietMs} without a finding
 * resolve it with the totals. An attacker who sends two hundred injections yields two records, not
 * two hundred; the campaign rules ({@link AttackBehaviourFunction}) say how hard they tried.
 *
 * <p>Findings are applied in event-time order (buffered until the watermark), so replays open the
 * same episodes with the same ids.
 */
public class FindingEpisodeFunction extends KeyedProcessFunction<String, SecurityFinding, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String EPISODE_STATE = "episode";

    public static final String PENDING_FINDINGS_STATE = "pending-findings";

    /** Entity types whose exposure is critical at once: payment and identity numbers. */
    static final Set<String> CRITICAL_PII = Set.of("CREDIT_CARD", "IBAN", "US_SSN");

    private final SecuritySettings settings;

    private transient ValueState<FindingEpisode> episode;
    private transient EventTimeOrderBuffer<SecurityFinding> buffer;
    private transient Counter lateFindings;

    public FindingEpisodeFunction(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        episode =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(EPISODE_STATE, FindingEpisode.class));
        buffer =
                new EventTimeOrderBuffer<>(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                PENDING_FINDINGS_STATE,
                                                Types.LONG,
                                                Types.LIST(
                                                        TypeInformation.of(
                                                                SecurityFinding.class)))),
                        Comparator.comparing((SecurityFinding f) -> nullToEmpty(f.eventId))
                                .thenComparing(f -> nullToEmpty(f.field)));
        lateFindings =
                getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    public void processElement(SecurityFinding f, Context ctx, Collector<Anomaly> out)
            throws Exception {
        if (!buffer.offer(f, f.eventTime, ctx.timerService())) {
            lateFindings.inc();
            apply(f, ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        for (SecurityFinding f : buffer.take(timestamp)) {
            apply(f, ctx, out);
        }
        FindingEpisode e = episode.value();
        if (e != null && e.resolveAt == timestamp) {
            out.collect(resolvedRecord(e, timestamp));
            episode.clear();
        }
    }

    private void apply(SecurityFinding f, Context ctx, Collector<Anomaly> out) throws Exception {
        FindingEpisode e = episode.value();
        if (e == null) {
            e = newEpisode(ctx.getCurrentKey(), f);
            e.absorb(f);
            out.collect(openRecord(f, e));
        } else {
            e.absorb(f);
            ctx.timerService().deleteEventTimeTimer(e.resolveAt);
        }
        e.resolveAt = e.lastSeenAt + settings.quietMs();
        ctx.timerService().registerEventTimeTimer(e.resolveAt);
        episode.update(e);
    }

    private FindingEpisode newEpisode(String key, SecurityFinding f) {
        FindingEpisode e = new FindingEpisode();
        e.anomalyType = f.anomalyType;
        e.episodeId = EpisodeIds.of(SecurityAnomalies.DETECTOR, f.anomalyType, key, f.eventTime);
        e.openedAt = f.eventTime;
        e.lastSeenAt = f.eventTime;
        e.severity = severity(f).wire();
        e.tenantId = f.tenantId;
        e.userId = f.userId;
        e.sessionId = f.sessionId;
        e.serviceName = f.serviceName;
        e.providerName = f.providerName;
        e.model = f.model;
        return e;
    }

    Severity severity(SecurityFinding f) {
        return switch (f.anomalyType) {
            case SecurityAnomalies.SECRET_LEAK, SecurityAnomalies.INDIRECT_INJECTION ->
                    Severity.CRITICAL;
            case SecurityAnomalies.PII_LEAK ->
                    f.entityTypes.stream().anyMatch(CRITICAL_PII::contains)
                            ? Severity.CRITICAL
                            : Severity.WARNING;
            case SecurityAnomalies.SYSTEM_PROMPT_LEAK -> Severity.WARNING;
            default -> f.score >= settings.criticalScore() ? Severity.CRITICAL : Severity.WARNING;
        };
    }

    private Anomaly openRecord(SecurityFinding f, FindingEpisode e) {
        Evidence evidence =
                Evidence.create()
                        .id("field", f.field)
                        .id("category", f.category)
                        .number("score", f.score)
                        .ids("rule_ids", f.ruleIds)
                        .ids("entity_types", f.entityTypes);
        if (f.maskedPreview != null) {
            evidence.redacted("masked_preview", Redacted.restored(f.maskedPreview));
        }
        if (f.valueHash != null) {
            evidence.redacted("value_hash", Redacted.restored(f.valueHash));
        }
        return subject(
                        AnomalyFactory.open(SecurityAnomalies.DETECTOR, f.anomalyType, e.episodeId),
                        e)
                .severity(Severity.fromWire(e.severity))
                .score(f.score)
                .confidence(f.score)
                .observedValue(f.score)
                .window(f.eventTime, f.eventTime)
                .detectedAt(f.eventTime)
                .summary(
                        label(f.anomalyType)
                                + " in "
                                + f.field
                                + " of service "
                                + f.serviceName
                                + (f.userId == null ? "" : " from user " + f.userId)
                                + ": "
                                + (f.entityTypes.isEmpty()
                                        ? "score " + round(f.score) + ", rules " + f.ruleIds
                                        : "types " + f.entityTypes))
                .evidence(evidence)
                .sampleEventIds(List.of(f.eventId == null ? "" : f.eventId))
                .build();
    }

    private Anomaly resolvedRecord(FindingEpisode e, long at) {
        String type = e.anomalyType;
        Evidence evidence =
                Evidence.create()
                        .number("findings", e.findings)
                        .number("max_score", e.maxScore)
                        .number("duration_ms", e.lastSeenAt - e.openedAt)
                        .ids("rule_ids", e.ruleIds);
        e.entityCounts.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(c -> evidence.number("count_" + c.getKey().toLowerCase(), c.getValue()));
        return subject(AnomalyFactory.resolved(SecurityAnomalies.DETECTOR, type, e.episodeId), e)
                .severity(Severity.fromWire(e.severity))
                .score(e.maxScore)
                .observedValue(e.findings)
                .window(e.openedAt, e.lastSeenAt)
                .detectedAt(at)
                .summary(
                        label(type)
                                + " episode over: "
                                + e.findings
                                + " finding(s) in "
                                + (e.lastSeenAt - e.openedAt) / 1000
                                + " s, quiet since")
                .evidence(evidence)
                .sampleEventIds(e.sampleEventIds)
                .build();
    }

    private static AnomalyFactory.Builder subject(AnomalyFactory.Builder b, FindingEpisode e) {
        return b.tenantId(e.tenantId)
                .userId(e.userId)
                .sessionId(e.sessionId)
                .serviceName(e.serviceName)
                .providerName(e.providerName)
                .model(e.model);
    }

    static String label(String anomalyType) {
        return anomalyType.replace('_', ' ');
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
