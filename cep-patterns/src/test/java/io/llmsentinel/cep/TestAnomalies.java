package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import java.util.List;

/**
 * Detector anomalies as the detector jobs emit them, for the correlation tests: the subject fields
 * each detector sets, a one-minute window ending at the given event time, detected at its end.
 */
final class TestAnomalies {
    static final long T0 = 1_700_000_000_000L;
    static final long MINUTE = 60_000;

    private TestAnomalies() {}

    /** An open anomaly to fill in; build it with {@link Spec#at}. */
    static Spec open(String detector, String type) {
        return new Spec(detector, type);
    }

    /** The latency detector's record for a route of service {@code checkout}. */
    static Anomaly latency(String type, String provider, String model, long at) {
        return open("latency", type).provider(provider).model(model).service("checkout").at(at);
    }

    /** A cost record of a tenant's session (runaway, bloat) or of the tenant alone (spend). */
    static Anomaly cost(String type, String tenant, long at) {
        Spec spec = open("cost", type).tenant(tenant);
        if (RunawayAgentPattern.AGENT_BEHAVIOUR.contains(type)) {
            spec.user("u-1").session("s-1").service("agent").provider("openai").model("gpt-4o");
        }
        return spec.at(at);
    }

    /** A security record of user {@code user} of tenant {@code acme} in service {@code chat}. */
    static Anomaly security(String type, String user, long at) {
        return securitySpec(type).user(user).session("s-" + user).at(at);
    }

    static Spec securitySpec(String type) {
        Spec spec = open("security", type).tenant("acme").service("chat").provider("openai");
        if (AttackThenLeakPattern.LEAKS.contains(type)) {
            spec.model("gpt-4o").evidence("field", "response");
        }
        return spec;
    }

    /** A drift record; {@code feature} is what the drift detector names in its evidence. */
    static Anomaly drift(String type, String feature, String service, String model, long at) {
        return open("drift", type)
                .service(service)
                .model(model)
                .provider("openai")
                .evidence("feature", feature)
                .at(at);
    }

    /** The resolved record of {@code open}'s episode. */
    static Anomaly resolved(Anomaly open, long at) {
        return AnomalyFactory.resolved(open.detector, open.anomalyType, open.episodeId)
                .severity(Severity.INFO)
                .providerName(open.providerName)
                .model(open.model)
                .serviceName(open.serviceName)
                .tenantId(open.tenantId)
                .userId(open.userId)
                .sessionId(open.sessionId)
                .window(at - MINUTE, at)
                .detectedAt(at)
                .build();
    }

    /** A copy of {@code a} as if the correlation job itself had written it. */
    static Anomaly asCorrelationRecord(Anomaly a) {
        Anomaly copy = Codecs.fromJson(Codecs.toJsonString(a), Anomaly.class);
        copy.detector = OpenAnomalies.CORRELATION_DETECTOR;
        return copy;
    }

    static final class Spec {
        private final String detector;
        private final String type;
        private String provider;
        private String model;
        private String service;
        private String tenant;
        private String user;
        private String session;
        private Severity severity = Severity.WARNING;
        private final Evidence evidence = Evidence.create();
        private List<String> samples = List.of();

        private Spec(String detector, String type) {
            this.detector = detector;
            this.type = type;
        }

        Spec provider(String v) {
            provider = v;
            return this;
        }

        Spec model(String v) {
            model = v;
            return this;
        }

        Spec service(String v) {
            service = v;
            return this;
        }

        Spec tenant(String v) {
            tenant = v;
            return this;
        }

        Spec user(String v) {
            user = v;
            return this;
        }

        Spec session(String v) {
            session = v;
            return this;
        }

        Spec severity(Severity v) {
            severity = v;
            return this;
        }

        Spec evidence(String key, String value) {
            evidence.id(key, value);
            return this;
        }

        Spec samples(String... ids) {
            samples = List.of(ids);
            return this;
        }

        /** The record, with a window ending (and detected) at event time {@code windowEnd}. */
        Anomaly at(long windowEnd) {
            String subject = SubjectKeys.of(provider, model, service, tenant, user, session);
            return AnomalyFactory.open(
                            detector, type, EpisodeIds.of(detector, type, subject, windowEnd))
                    .severity(severity)
                    .providerName(provider)
                    .model(model)
                    .serviceName(service)
                    .tenantId(tenant)
                    .userId(user)
                    .sessionId(session)
                    .window(windowEnd - MINUTE, windowEnd)
                    .detectedAt(windowEnd)
                    .summary(type + " (test)")
                    .evidence(evidence)
                    .sampleEventIds(samples)
                    .build();
        }
    }
}
