package io.llmsentinel.cep;

import io.llmsentinel.detectors.latency.LatencyAnomalyType;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@value #NAME}: a model of a provider is getting slow <em>and</em> failing or slow to start
 * streaming. Catches a latency shift or a sustained tail ({@code latency_p95_deviation}, {@code
 * latency_p99_deviation}, {@code latency_tail_sustained}) together with an {@code error_rate_spike}
 * or a {@code ttft_deviation}, in either order, on the same provider and model (across the services
 * that call it).
 *
 * <p>Why: one degradation of a model opens several latency episodes at once; alone each is a page,
 * together they are one thing for whoever owns the route or the provider contract. Two signals of
 * different kinds also make a real degradation far likelier than one noisy statistic.
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (10 min) from the first member: the latency detector evaluates
 * every minute over 5-minute windows, so related episodes open minutes apart. Skip strategy: skip
 * past last event (see {@link TwoStepPattern}).
 */
public final class ModelDegradationPattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "model_degradation";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(10);
    public static final String UID_PREFIX = "correlation-model-degradation";

    static final Set<String> LATENCY_SHIFTS =
            Set.of(
                    LatencyAnomalyType.P95.wireName(),
                    LatencyAnomalyType.P99.wireName(),
                    LatencyAnomalyType.TAIL.wireName());
    static final Set<String> FAILURES_OR_SLOW_START =
            Set.of(LatencyAnomalyType.ERROR_RATE.wireName(), LatencyAnomalyType.TTFT.wireName());

    private static final EitherOrder KINDS =
            new EitherOrder(LATENCY_SHIFTS, FAILURES_OR_SLOW_START);

    public ModelDegradationPattern(Duration within) {
        super(NAME, PatternSubject.PROVIDER_MODEL, UID_PREFIX, within);
    }

    @Override
    public boolean isMemberType(Anomaly a) {
        return LatencyAnomalyType.DETECTOR.equals(a.detector) && KINDS.contains(a);
    }

    /** The other kind than the first: a shift with a failure or slow start, or the reverse. */
    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return isMemberType(next) && KINDS.completes(first, next);
    }

    @Override
    public String title(List<Anomaly> members) {
        return "Model degradation of "
                + subject().describe(members.get(0))
                + ": "
                + members.get(0).anomalyType
                + " with "
                + members.get(1).anomalyType;
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.earliest(
                members,
                "earliest member: both are symptoms of one degradation of the model, and "
                        + members.get(1).anomalyType
                        + " followed "
                        + RootCauses.spanSeconds(members)
                        + " s later");
    }
}
