package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.SubjectKeys;

/**
 * Who a security episode is about. Attacks belong to the actor who sends them (the user, else the
 * session, else the service: anonymous traffic still groups somewhere). Leaks belong to the
 * application that leaks, service and model, because that is what a team fixes; indirect injection
 * to the service whose retrieval corpus carries the poisoned content.
 */
public final class SecuritySubjects {
    private SecuritySubjects() {}

    public static String actor(String tenantId, String userId, String sessionId, String service) {
        if (userId != null) {
            return SubjectKeys.of("user", tenantId, userId);
        }
        if (sessionId != null) {
            return SubjectKeys.of("session", tenantId, sessionId);
        }
        return SubjectKeys.of("service", tenantId, service);
    }

    public static String application(String service, String model) {
        return SubjectKeys.of("app", service, model);
    }

    /** The episode operator's key: one episode per anomaly type and subject. */
    public static String episodeKey(SecurityFinding f) {
        return SubjectKeys.of(f.anomalyType, f.subjectKey);
    }
}
