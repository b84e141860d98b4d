package io.llmsentinel.cep;

import io.llmsentinel.detectors.drift.DriftAnomalies;
import io.llmsentinel.detectors.drift.NumericFeature;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.cep.EventComparator;

/**
 * {@value #NAME}: the provider answers with another model than before, and the answers change.
 * Catches a {@code model_swap} (the drift detector's categorical drift of the response model under
 * one requested model: it emits response-model drift under this type only) followed by a {@code
 * numeric_drift} of output length ({@code output_tokens}, {@code response_chars}), latency ({@code
 * latency_ms}, {@code ttft_ms}) or cost ({@code cost_usd}) on the same service and model.
 *
 * <p>Why: a silent swap explains the drift that follows it; without the link, the person on call
 * chases a length or cost shift in the application. One drift evaluation may see the swap and the
 * shift at once; the swap is ordered first ({@link CausesFirst}).
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (60 min) from the swap: drift compares windows of tens of
 * minutes and needs two evaluations in a row, so a shift in a slower feature can trail the swap by
 * most of an hour. Skip strategy: skip past last event (see {@link TwoStepPattern}).
 */
public final class SilentModelChangePattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "silent_model_change";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(60);
    public static final String UID_PREFIX = "correlation-silent-model-change";

    /** The evidence key under which the drift detector names the drifting feature. */
    static final String FEATURE_EVIDENCE = "feature";

    static final Set<String> EFFECT_FEATURES =
            Set.of(
                    NumericFeature.OUTPUT_TOKENS.wireName(),
                    NumericFeature.RESPONSE_CHARS.wireName(),
                    NumericFeature.LATENCY_MS.wireName(),
                    NumericFeature.TTFT_MS.wireName(),
                    NumericFeature.COST_USD.wireName());

    public SilentModelChangePattern(Duration within) {
        super(NAME, PatternSubject.SERVICE_MODEL, UID_PREFIX, within);
    }

    @Override
    public EventComparator<Anomaly> order() {
        return new CausesFirst(Set.of(DriftAnomalies.MODEL_SWAP));
    }

    @Override
    public boolean isMemberType(Anomaly a) {
        return isSwap(a) || isEffect(a);
    }

    @Override
    boolean canStart(Anomaly a) {
        return isSwap(a);
    }

    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return isEffect(next);
    }

    @Override
    public String title(List<Anomaly> members) {
        return "Silent model change in "
                + subject().describe(members.get(0))
                + ": model_swap then "
                + feature(members.get(1))
                + " drift";
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.firstOf(
                Set.of(DriftAnomalies.MODEL_SWAP),
                members,
                "the response model changed under the requested one; the "
                        + feature(members.get(1))
                        + " drift followed "
                        + RootCauses.spanSeconds(members)
                        + " s later on the same service and model");
    }

    private static boolean isSwap(Anomaly a) {
        return DriftAnomalies.DETECTOR.equals(a.detector)
                && DriftAnomalies.MODEL_SWAP.equals(a.anomalyType);
    }

    private static boolean isEffect(Anomaly a) {
        return DriftAnomalies.DETECTOR.equals(a.detector)
                && DriftAnomalies.NUMERIC_DRIFT.equals(a.anomalyType)
                && EFFECT_FEATURES.contains(feature(a));
    }

    private static String feature(Anomaly a) {
        return a.evidence == null ? null : a.evidence.get(FEATURE_EVIDENCE);
    }
}
