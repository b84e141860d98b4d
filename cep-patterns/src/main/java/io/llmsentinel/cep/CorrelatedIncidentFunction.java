package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a match of {@link CorrelationPatterns#correlatedIncident} into one anomaly: detector
 * {@value #DETECTOR}, type {@value #ANOMALY_TYPE}, the more severe of the two severities, and
 * evidence naming both anomalies and the delay between them.
 *
 * <p>The record is an OPEN one; closing incidents is left to the alert lifecycle downstream. Its
 * episode id is derived from the subject and both anomaly ids, so a replay yields the same id.
 */
public final class CorrelatedIncidentFunction extends PatternProcessFunction<Anomaly, Anomaly> {
    private static final long serialVersionUID = 1L;

    public static final String DETECTOR = "correlation";
    public static final String ANOMALY_TYPE = "correlated_incident";

    @Override
    public void processMatch(
            Map<String, List<Anomaly>> match, Context ctx, Collector<Anomaly> out) {
        Anomaly first = match.get(CorrelationPatterns.FIRST).get(0);
        Anomaly second = match.get(CorrelationPatterns.SECOND).get(0);
        out.collect(incident(first, second));
    }

    static Anomaly incident(Anomaly first, Anomaly second) {
        long delayMs = second.windowEnd - first.windowEnd;
        String episodeId =
                EpisodeIds.of(
                        DETECTOR,
                        ANOMALY_TYPE,
                        SubjectKeys.of(
                                first.serviceName, first.model, first.anomalyId, second.anomalyId),
                        second.windowEnd);
        Evidence evidence =
                Evidence.create()
                        .id("first_anomaly_id", first.anomalyId)
                        .id("first_detector", first.detector)
                        .id("first_anomaly_type", first.anomalyType)
                        .id("first_severity", first.severity)
                        .id("second_anomaly_id", second.anomalyId)
                        .id("second_detector", second.detector)
                        .id("second_anomaly_type", second.anomalyType)
                        .id("second_severity", second.severity)
                        .number("delay_ms", delayMs);
        return AnomalyFactory.open(DETECTOR, ANOMALY_TYPE, episodeId)
                .severity(
                        Severity.max(
                                Severity.fromWire(first.severity),
                                Severity.fromWire(second.severity)))
                .serviceName(first.serviceName)
                .model(first.model)
                .providerName(shared(first.providerName, second.providerName))
                .tenantId(shared(first.tenantId, second.tenantId))
                .userId(shared(first.userId, second.userId))
                .sessionId(shared(first.sessionId, second.sessionId))
                .window(
                        Math.min(first.windowStart, second.windowStart),
                        Math.max(first.windowEnd, second.windowEnd))
                .detectedAt(Math.max(first.detectedAt, second.detectedAt))
                .summary(
                        first.detector
                                + "/"
                                + first.anomalyType
                                + " then "
                                + second.detector
                                + "/"
                                + second.anomalyType
                                + " "
                                + delayMs / 1000
                                + " s later on the same service and model")
                .evidence(evidence)
                .sampleEventIds(interleave(first.sampleEventIds, second.sampleEventIds))
                .build();
    }

    /** A field of the incident only when both anomalies agree on it. */
    private static String shared(String a, String b) {
        return Objects.equals(a, b) ? a : null;
    }

    /** Alternates the two lists so that both are represented when the cap cuts the samples. */
    static List<String> interleave(List<String> a, List<String> b) {
        List<String> left = a == null ? List.of() : a;
        List<String> right = b == null ? List.of() : b;
        List<String> merged = new ArrayList<>(left.size() + right.size());
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            if (i < left.size()) {
                merged.add(left.get(i));
            }
            if (i < right.size()) {
                merged.add(right.get(i));
            }
        }
        return merged;
    }
}
