package io.llmsentinel.detectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import java.util.List;

/** Inputs and checks shared by the security function tests. */
final class SecurityTestRecords {
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00Z
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;

    private SecurityTestRecords() {}

    static SecurityFinding finding(String type, String user, long at, double score) {
        SecurityFinding f = new SecurityFinding();
        f.anomalyType = type;
        f.tenantId = "acme";
        f.userId = user;
        f.sessionId = "s-" + user;
        f.serviceName = "support-bot";
        f.model = "gpt-4o";
        f.providerName = "openai";
        f.subjectKey = SecuritySubjects.actor(f.tenantId, user, f.sessionId, f.serviceName);
        f.eventId = "e-" + user + "-" + at;
        f.eventTime = at;
        f.field = "prompt";
        f.score = score;
        f.category = "prompt_injection";
        f.ruleIds.add("override.ignore-previous");
        f.maskedPreview = "…ignore all previous i****…";
        return f;
    }

    static TurnSignal turn(String user, String session, long at, double score, boolean refused) {
        TurnSignal t = new TurnSignal();
        t.tenantId = "acme";
        t.userId = user;
        t.sessionId = session;
        t.serviceName = "support-bot";
        t.actorKey = SecuritySubjects.actor(t.tenantId, user, session, t.serviceName);
        t.eventId = "e-" + user + "-" + at;
        t.eventTime = at;
        t.score = score;
        t.attack = score >= 0.5;
        t.category = t.attack ? "jailbreak" : "none";
        if (t.attack) {
            t.ruleIds.add("persona.unrestricted");
        }
        t.refused = refused;
        return t;
    }

    static List<Anomaly> opened(List<Anomaly> anomalies, String type) {
        return anomalies.stream()
                .filter(a -> Anomaly.STATUS_OPEN.equals(a.status) && a.anomalyType.equals(type))
                .toList();
    }

    static List<Anomaly> resolved(List<Anomaly> anomalies, String type) {
        return anomalies.stream()
                .filter(a -> Anomaly.STATUS_RESOLVED.equals(a.status) && a.anomalyType.equals(type))
                .toList();
    }

    /** The record's window and detection time are exactly these. */
    static void assertTimes(Anomaly a, long windowStart, long windowEnd, long detectedAt) {
        assertThat(List.of(a.windowStart, a.windowEnd, a.detectedAt))
                .as("window start, window end, detected at of " + a.anomalyId)
                .containsExactly(windowStart, windowEnd, detectedAt);
    }

    /**
     * Every record's times are in order: its window starts no later than it ends, and it was
     * detected no earlier than the window ends.
     */
    static void assertTimesInOrder(List<Anomaly> anomalies) {
        for (Anomaly a : anomalies) {
            assertThat(a.windowStart).as(a.anomalyId).isLessThanOrEqualTo(a.windowEnd);
            assertThat(a.windowEnd).as(a.anomalyId).isLessThanOrEqualTo(a.detectedAt);
        }
    }

    static void assertValid(List<Anomaly> anomalies) {
        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
            assertThat(a.detector).isEqualTo(SecurityAnomalies.DETECTOR);
        }
    }
}
