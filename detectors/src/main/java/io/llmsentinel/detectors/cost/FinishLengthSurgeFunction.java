package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.Locale;
import org.apache.flink.util.Collector;

/**
 * Surges of answers cut off at max_tokens per model (see {@link FinishLengthRule}), keyed by {@link
 * #key}. Such a surge pays for output nobody can use, and often means the model or its prompt
 * changed.
 */
public class FinishLengthSurgeFunction
        extends TumblingWindowDetector<FinishLengthState, LengthWindow> {
    private static final long serialVersionUID = 1L;

    private final FinishLengthRule rule;
    private final EpisodeTracker tracker;

    public FinishLengthSurgeFunction(FinishLengthRule rule) {
        super(rule.windowMs(), rule.idleTimeoutMs(), FinishLengthState.class, LengthWindow.class);
        this.rule = rule;
        this.tracker = EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.FINISH_LENGTH_SURGE);
    }

    /** Answers with a finish reason, of a known model. */
    public static boolean accepts(CostCall e) {
        return e.providerName != null && e.requestModel != null && e.finished;
    }

    public static String key(CostCall e) {
        return SubjectKeys.of(e.providerName, e.requestModel);
    }

    @Override
    protected FinishLengthState newState(CostCall first) {
        FinishLengthState s = new FinishLengthState();
        s.providerName = first.providerName;
        s.model = first.requestModel;
        return s;
    }

    @Override
    protected LengthWindow newWindow() {
        return new LengthWindow();
    }

    @Override
    protected void addToWindow(LengthWindow window, CostCall event) {
        window.add(event.eventId, event.truncated);
    }

    @Override
    protected void evaluate(
            FinishLengthState s,
            long windowStart,
            LengthWindow window,
            String key,
            Collector<Anomaly> out) {
        long calls = window == null ? 0 : window.calls;
        long length = window == null ? 0 : window.length;
        FinishLengthRule.Verdict v = rule.evaluate(s, calls, length);
        EpisodeTransition t = tracker.observe(s.episode, key, windowStart, v.breached(), v.share());
        if (t == EpisodeTransition.OPENED) {
            s.episodeSeverity =
                    (v.share() >= rule.criticalShare() ? Severity.CRITICAL : Severity.WARNING)
                            .wire();
        }
        if (t != EpisodeTransition.NONE) {
            out.collect(record(s, t, v, windowStart, window));
        }
        if (calls > 0) {
            // A surging window enters the baseline capped at the threshold share.
            double folded = v.breached() ? Math.min(length, calls * v.threshold()) : length;
            s.fold(folded, calls, rule.alpha());
        }
    }

    private Anomaly record(
            FinishLengthState s,
            EpisodeTransition t,
            FinishLengthRule.Verdict v,
            long windowStart,
            LengthWindow window) {
        long windowEnd = windowEnd(windowStart);
        long minutes = windowMs / 60_000;
        Evidence evidence =
                Evidence.create()
                        .number("window_minutes", minutes)
                        .number("window_calls", v.calls())
                        .number("window_length_finishes", v.length())
                        .number("length_share", round(v.share()))
                        .number("baseline_share", round(v.baselineShare()))
                        .number("threshold_share", round(v.threshold()))
                        .number("p_value", v.pValue())
                        .number("baseline_windows", s.windows);
        String summary =
                t == EpisodeTransition.OPENED
                        ? String.format(
                                Locale.ROOT,
                                "%s (%s): %d of %d answers stopped at max_tokens in %d min"
                                        + " (%.1f%%, baseline %.2f%%)",
                                s.model,
                                s.providerName,
                                v.length(),
                                v.calls(),
                                minutes,
                                100 * v.share(),
                                100 * v.baselineShare())
                        : String.format(
                                Locale.ROOT,
                                "%s (%s): max_tokens stops back to %.1f%% (peak %.1f%%)",
                                s.model,
                                s.providerName,
                                100 * v.share(),
                                100 * s.episode.peakValue);
        AnomalyFactory.Builder b =
                AnomalyFactory.forTransition(tracker, t, s.episode)
                        .severity(Severity.fromWire(s.episodeSeverity))
                        .score(v.share());
        if (t == EpisodeTransition.OPENED) {
            b.confidence(1 - v.pValue());
        }
        return b.providerName(s.providerName)
                .model(s.model)
                .window(windowStart, windowEnd)
                .detectedAt(windowEnd)
                .observedValue(v.share())
                .baselineValue(v.baselineShare())
                .threshold(v.threshold())
                .summary(summary)
                .evidence(evidence)
                .sampleEventIds(window == null ? List.of() : window.sampleEventIds)
                .build();
    }

    private static double round(double share) {
        return Math.round(share * 1e6) / 1e6;
    }
}
