package io.llmsentinel.simulator.scoring;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores what the detectors reported against the simulator's ground truth: for each incident,
 * whether an anomaly of an expected type opened for a consistent subject while it lasted (plus a
 * grace period for windows that close after it), and after how long; per incident type, recall and
 * precision (opened anomalies of that type family that match no incident are false positives).
 */
public final class Scorecard {
    /** One incident and its first matching anomaly, if any. */
    public record IncidentResult(Incident incident, Anomaly firstMatch) {
        public boolean detected() {
            return firstMatch != null;
        }

        /** Event-time delay from incident start to detection, ms; -1 when undetected. */
        public long delayMs() {
            return firstMatch == null
                    ? -1
                    : Math.max(0, firstMatch.detectedAt - incident.startMs());
        }
    }

    /** Per incident type. */
    public record TypeScore(
            IncidentType type,
            int incidents,
            int detected,
            int matchingAnomalies,
            int falseAnomalies,
            long medianDelayMs) {
        public double recall() {
            return incidents == 0 ? Double.NaN : (double) detected / incidents;
        }

        public double precision() {
            int all = matchingAnomalies + falseAnomalies;
            return all == 0 ? Double.NaN : (double) matchingAnomalies / all;
        }
    }

    private final List<IncidentResult> results;
    private final Map<IncidentType, TypeScore> byType;
    private final List<Anomaly> unmatched;

    private Scorecard(
            List<IncidentResult> results,
            Map<IncidentType, TypeScore> byType,
            List<Anomaly> unmatched) {
        this.results = results;
        this.byType = byType;
        this.unmatched = unmatched;
    }

    public static Scorecard score(
            List<Incident> incidents, Collection<Anomaly> anomalies, long graceMs) {
        return score(incidents, anomalies, graceMs, ExpectedAnomalies.defaults());
    }

    public static Scorecard score(
            List<Incident> incidents,
            Collection<Anomaly> anomalies,
            long graceMs,
            Map<IncidentType, Set<String>> expected) {
        List<Anomaly> opened =
                anomalies.stream().filter(a -> Anomaly.STATUS_OPEN.equals(a.status)).toList();
        List<IncidentResult> results = new ArrayList<>();
        for (Incident incident : incidents) {
            Anomaly first = null;
            for (Anomaly a : opened) {
                if (matches(incident, a, graceMs, expected)
                        && (first == null || a.detectedAt < first.detectedAt)) {
                    first = a;
                }
            }
            results.add(new IncidentResult(incident, first));
        }
        Map<IncidentType, TypeScore> byType = new EnumMap<>(IncidentType.class);
        List<Anomaly> unmatched = new ArrayList<>();
        for (Anomaly a : opened) {
            if (incidents.stream().noneMatch(i -> matches(i, a, graceMs, expected))) {
                unmatched.add(a);
            }
        }
        for (IncidentType type : IncidentType.values()) {
            Set<String> types = expected.getOrDefault(type, Set.of());
            List<IncidentResult> ofType =
                    results.stream().filter(r -> r.incident().incidentType() == type).toList();
            int matching = 0;
            int falseOnes = 0;
            for (Anomaly a : opened) {
                if (!types.contains(a.anomalyType)) {
                    continue;
                }
                boolean hit =
                        ofType.stream().anyMatch(r -> matches(r.incident(), a, graceMs, expected));
                if (hit) {
                    matching++;
                } else if (unmatched.contains(a)) {
                    falseOnes++;
                }
            }
            if (ofType.isEmpty() && matching + falseOnes == 0) {
                continue;
            }
            long[] delays =
                    ofType.stream()
                            .filter(IncidentResult::detected)
                            .mapToLong(IncidentResult::delayMs)
                            .sorted()
                            .toArray();
            byType.put(
                    type,
                    new TypeScore(
                            type,
                            ofType.size(),
                            delays.length,
                            matching,
                            falseOnes,
                            delays.length == 0 ? -1 : delays[delays.length / 2]));
        }
        return new Scorecard(results, byType, unmatched);
    }

    static boolean matches(
            Incident incident, Anomaly a, long graceMs, Map<IncidentType, Set<String>> expected) {
        if (!expected.getOrDefault(incident.incidentType(), Set.of()).contains(a.anomalyType)) {
            return false;
        }
        boolean overlaps =
                a.windowEnd >= incident.startMs() && a.windowStart < incident.endMs() + graceMs;
        return overlaps
                && consistent(incident.providerName(), a.providerName)
                && consistent(incident.model(), a.model)
                && consistent(incident.serviceName(), a.serviceName)
                && consistent(incident.tenantId(), a.tenantId)
                && consistent(incident.userId(), a.userId)
                && consistent(incident.sessionId(), a.sessionId);
    }

    /** A key the anomaly does not group by cannot contradict the incident. */
    private static boolean consistent(String incidentKey, String anomalyKey) {
        return incidentKey == null || anomalyKey == null || Objects.equals(incidentKey, anomalyKey);
    }

    public List<IncidentResult> results() {
        return results;
    }

    public Map<IncidentType, TypeScore> byType() {
        return byType;
    }

    /**
     * Opened anomalies that match no incident: false alarms (or detections of unscripted things).
     */
    public List<Anomaly> unmatched() {
        return unmatched;
    }

    /** A readable table, one line per incident, then per type. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Scorecard\n");
        if (results.isEmpty()) {
            sb.append("  (no scripted incident has started yet)\n");
        }
        for (IncidentResult r : results) {
            sb.append(
                    String.format(
                            "  %-20s %-45s %s%n",
                            r.incident().incidentType().wireName(),
                            subject(r.incident()),
                            r.detected()
                                    ? String.format(
                                            "DETECTED after %.0f s (%s)",
                                            r.delayMs() / 1000.0, r.firstMatch().anomalyType)
                                    : "missed"));
        }
        Map<String, String> lines = new TreeMap<>();
        for (TypeScore s : byType.values()) {
            lines.put(
                    s.type().wireName(),
                    String.format(
                            "  %-20s recall %d/%d  precision %s  median delay %s",
                            s.type().wireName(),
                            s.detected(),
                            s.incidents(),
                            Double.isNaN(s.precision())
                                    ? "-"
                                    : String.format("%.2f", s.precision()),
                            s.medianDelayMs() < 0
                                    ? "-"
                                    : String.format("%.0f s", s.medianDelayMs() / 1000.0)));
        }
        lines.values().forEach(l -> sb.append(l).append('\n'));
        sb.append("  anomalies matching no incident: ").append(unmatched.size()).append('\n');
        return sb.toString();
    }

    private static String subject(Incident i) {
        StringBuilder sb = new StringBuilder();
        for (String k :
                new String[] {
                    i.providerName(),
                    i.model(),
                    i.serviceName(),
                    i.tenantId(),
                    i.userId(),
                    i.sessionId()
                }) {
            if (k != null) {
                sb.append(sb.length() == 0 ? "" : "/").append(k);
            }
        }
        return sb.toString();
    }
}
