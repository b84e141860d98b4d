package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;

/**
 * The anomalies patterns are made of: the {@code open} record of a detector's episode. A resolved
 * record says an episode ended, not that something new happened, so it never starts or extends a
 * match; records of the correlation job itself are ignored so that its output never feeds back.
 */
final class OpenAnomalies {
    /** The detector name the correlation job's own records carry in llm.anomalies. */
    static final String CORRELATION_DETECTOR = "correlation";

    private OpenAnomalies() {}

    static boolean isOpenDetectorAnomaly(Anomaly a) {
        return Anomaly.STATUS_OPEN.equals(a.status)
                && a.detector != null
                && a.anomalyType != null
                && !CORRELATION_DETECTOR.equals(a.detector);
    }
}
