package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;

/**
 * {@value #NAME}, the fallback: an open anomaly from one detector followed by one from a different
 * detector on the same service and model, of any types.
 *
 * <p>Why: two detectors that look at different signals (latency, cost, drift, security) seeing the
 * same application at once is rarely chance, even when no named pattern explains how. The named
 * patterns all pair anomalies of one detector, so this one never claims a pair they do.
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (10 min), as the first version of the pattern had: long enough
 * for a slower detector to speak, short enough that a busy application's unrelated anomalies stay
 * apart. Skip strategy: skip past last event (see {@link TwoStepPattern}).
 */
public final class CorrelatedPattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "correlated";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(10);
    public static final String UID_PREFIX = "correlation-correlated";

    public CorrelatedPattern(Duration within) {
        super(NAME, PatternSubject.SERVICE_MODEL, UID_PREFIX, within);
    }

    @Override
    public boolean isMemberType(Anomaly a) {
        return true;
    }

    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return !first.detector.equals(next.detector);
    }

    @Override
    public String title(List<Anomaly> members) {
        return "Correlated anomalies in "
                + subject().describe(members.get(0))
                + ": "
                + describe(members.get(0))
                + " then "
                + describe(members.get(1));
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.earliest(
                members,
                "earliest member; the "
                        + members.get(1).detector
                        + " detector followed "
                        + RootCauses.spanSeconds(members)
                        + " s later on the same service and model");
    }

    private static String describe(Anomaly a) {
        return a.detector + "/" + a.anomalyType;
    }
}
