package io.llmsentinel.detectors.common;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Builds anomaly v1 records that satisfy the schema by construction: deterministic {@code
 * anomaly_id = episode_id + ":" + status}, capped summary and sample ids, evidence only through
 * {@link Evidence}, and no NaN or infinite numbers (JSON cannot carry them; they become null).
 *
 * <pre>{@code
 * Anomaly a = AnomalyFactory.open("latency", "sustained_tail", state.episodeId)
 *         .severity(Severity.of(p99, 2000, 5000))
 *         .model(model).serviceName(service)
 *         .window(windowStart, windowEnd).detectedAt(windowEnd)
 *         .observedValue(p99).threshold(2000)
 *         .evidence(Evidence.create().number("p99_ms", p99).number("samples", n))
 *         .build();
 * }</pre>
 */
public final class AnomalyFactory {
    public static final int MAX_NAME_CHARS = 64;
    public static final int MAX_ID_CHARS = 128;
    public static final int MAX_SUMMARY_CHARS = 1024;
    public static final int MAX_SAMPLE_EVENT_IDS = 50;

    private AnomalyFactory() {}

    public static Builder open(String detector, String anomalyType, String episodeId) {
        return new Builder(detector, anomalyType, episodeId, Anomaly.STATUS_OPEN);
    }

    public static Builder resolved(String detector, String anomalyType, String episodeId) {
        return new Builder(detector, anomalyType, episodeId, Anomaly.STATUS_RESOLVED);
    }

    /** The record for an OPENED or RESOLVED transition of {@code tracker}. */
    public static Builder forTransition(
            EpisodeTracker tracker, EpisodeTransition transition, EpisodeState state) {
        return new Builder(
                tracker.detector(), tracker.anomalyType(), state.episodeId, transition.status());
    }

    /** Both records of one episode share the episode id; the status tells them apart. */
    public static String anomalyId(String episodeId, String status) {
        return episodeId + ":" + status;
    }

    /** Collects the fields of one record; {@link #build()} checks them. */
    public static final class Builder {
        private final Anomaly anomaly = new Anomaly();
        private final Set<String> sampleEventIds = new LinkedHashSet<>();
        private boolean severitySet;
        private boolean built;

        private Builder(String detector, String anomalyType, String episodeId, String status) {
            anomaly.detector = checkLength("detector", detector, MAX_NAME_CHARS);
            anomaly.anomalyType = checkLength("anomalyType", anomalyType, MAX_NAME_CHARS);
            anomaly.episodeId = checkLength("episodeId", episodeId, MAX_ID_CHARS);
            anomaly.status = status;
            anomaly.anomalyId =
                    checkLength("anomalyId", anomalyId(episodeId, status), MAX_ID_CHARS);
        }

        public Builder severity(Severity severity) {
            anomaly.severity = Objects.requireNonNull(severity, "severity").wire();
            severitySet = true;
            return this;
        }

        public Builder score(double score) {
            anomaly.score = finiteOrNull(score);
            return this;
        }

        /** Clamped to [0, 1] as the schema requires. */
        public Builder confidence(double confidence) {
            Double value = finiteOrNull(confidence);
            anomaly.confidence = value == null ? null : Math.max(0.0, Math.min(1.0, value));
            return this;
        }

        public Builder providerName(String providerName) {
            anomaly.providerName = providerName;
            return this;
        }

        public Builder model(String model) {
            anomaly.model = model;
            return this;
        }

        public Builder serviceName(String serviceName) {
            anomaly.serviceName = serviceName;
            return this;
        }

        public Builder tenantId(String tenantId) {
            anomaly.tenantId = tenantId;
            return this;
        }

        public Builder userId(String userId) {
            anomaly.userId = userId;
            return this;
        }

        public Builder sessionId(String sessionId) {
            anomaly.sessionId = sessionId;
            return this;
        }

        /** Event time (epoch ms) at which the condition was detected; keep it data-derived. */
        public Builder detectedAt(long detectedAt) {
            anomaly.detectedAt = detectedAt;
            return this;
        }

        public Builder window(long windowStart, long windowEnd) {
            anomaly.windowStart = windowStart;
            anomaly.windowEnd = windowEnd;
            return this;
        }

        public Builder observedValue(double value) {
            anomaly.observedValue = finiteOrNull(value);
            return this;
        }

        public Builder baselineValue(double value) {
            anomaly.baselineValue = finiteOrNull(value);
            return this;
        }

        public Builder threshold(double value) {
            anomaly.threshold = finiteOrNull(value);
            return this;
        }

        /**
         * A one-line human summary, cut to {@value #MAX_SUMMARY_CHARS} characters. Compose it from
         * identifiers and numbers only: it is published as is.
         */
        public Builder summary(String summary) {
            anomaly.summary = truncate(summary, MAX_SUMMARY_CHARS);
            return this;
        }

        public Builder evidence(Evidence evidence) {
            anomaly.evidence = evidence == null || evidence.isEmpty() ? null : evidence.toMap();
            return this;
        }

        /**
         * Adds sample event ids, de-duplicated, in order, until {@value #MAX_SAMPLE_EVENT_IDS} are
         * held; later ones are ignored (samples, not a complete list).
         */
        public Builder sampleEventIds(Collection<String> eventIds) {
            for (String id : eventIds) {
                if (sampleEventIds.size() >= MAX_SAMPLE_EVENT_IDS) {
                    break;
                }
                if (id != null) {
                    sampleEventIds.add(id);
                }
            }
            return this;
        }

        /** Checks the record and returns it; a builder makes exactly one record. */
        public Anomaly build() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            if (!severitySet) {
                throw new IllegalStateException("severity is required");
            }
            if (anomaly.detectedAt < 0 || anomaly.windowStart < 0 || anomaly.windowEnd < 0) {
                throw new IllegalStateException("times must be epoch milliseconds >= 0");
            }
            if (anomaly.windowStart > anomaly.windowEnd) {
                throw new IllegalStateException(
                        "window starts after it ends: "
                                + anomaly.windowStart
                                + " > "
                                + anomaly.windowEnd);
            }
            built = true;
            anomaly.sampleEventIds =
                    sampleEventIds.isEmpty() ? null : new ArrayList<>(sampleEventIds);
            return anomaly;
        }
    }

    private static String checkLength(String field, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(
                    field + " must have 1 to " + max + " characters: " + value);
        }
        return value;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + Redaction.ELLIPSIS;
    }
}
