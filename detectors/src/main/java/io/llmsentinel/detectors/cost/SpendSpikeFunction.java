package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.Locale;
import org.apache.flink.util.Collector;

/**
 * Spend spikes of one scope (tenant, user or model), keyed by {@link SpendScope#key}: each window's
 * spend against an EWMA baseline of window spend (see {@link SpendRule}), as episodes.
 *
 * <p>A breaching window enters the baseline capped at the threshold, so a long incident does not
 * become the new normal within a few windows, while a lasting change of level still does, slowly.
 */
public class SpendSpikeFunction extends TumblingWindowDetector<SpendState, SpendWindow> {
    private static final long serialVersionUID = 1L;

    private final SpendScope scope;
    private final SpendRule rule;
    private final EpisodeTracker tracker;

    public SpendSpikeFunction(SpendScope scope, SpendRule rule) {
        super(rule.windowMs(), rule.idleTimeoutMs(), SpendState.class, SpendWindow.class);
        this.scope = scope;
        this.rule = rule;
        this.tracker = EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.SPEND_SPIKE);
    }

    @Override
    protected SpendState newState(CostCall first) {
        SpendState s = new SpendState();
        scope.remember(s, first);
        return s;
    }

    @Override
    protected SpendWindow newWindow() {
        return new SpendWindow();
    }

    @Override
    protected void addToWindow(SpendWindow window, CostCall event) {
        window.add(event.eventId, event.cost());
    }

    @Override
    protected void evaluate(
            SpendState s,
            long windowStart,
            SpendWindow window,
            String key,
            Collector<Anomaly> out) {
        foldEmptyWindows(s, windowStart);
        double spend = window == null ? 0 : window.spendUsd;
        long calls = window == null ? 0 : window.calls;
        SpendRule.Verdict v = rule.evaluate(s.baseline, s.activeWindows, spend, calls);
        EpisodeTransition t =
                tracker.observe(
                        s.episode, scope.episodeSubject(key), windowStart, v.breached(), spend);
        if (t == EpisodeTransition.OPENED) {
            s.episodeSeverity =
                    Severity.max(
                                    Severity.WARNING,
                                    Severity.of(v.zScore(), rule.k(), rule.criticalSigma()))
                            .wire();
        }
        if (t != EpisodeTransition.NONE) {
            out.collect(record(s, t, v, windowStart, window));
        }
        s.baseline.add(v.breached() ? Math.min(spend, v.threshold()) : spend, rule.alpha());
        if (calls > 0) {
            s.activeWindows++;
        }
    }

    /** Windows between the last evaluated one and this one had no calls: zero spend each. */
    private void foldEmptyWindows(SpendState s, long windowStart) {
        if (s.lastEvaluatedWindow == WindowedKeyState.NONE) {
            return;
        }
        long gap = (windowStart - s.lastEvaluatedWindow) / windowMs - 1;
        // After a few baseline lengths of zeros the result no longer changes; bound the loop.
        long folds = Math.min(gap, 4 * rule.baselineWindows());
        for (long i = 0; i < folds; i++) {
            s.baseline.add(0, rule.alpha());
        }
    }

    private Anomaly record(
            SpendState s,
            EpisodeTransition t,
            SpendRule.Verdict v,
            long windowStart,
            SpendWindow window) {
        long windowEnd = windowEnd(windowStart);
        long minutes = windowMs / 60_000;
        Evidence evidence =
                Evidence.create()
                        .id("scope", scope.wire())
                        .number("window_minutes", minutes)
                        .number("window_spend_usd", round(v.observed()))
                        .number("window_calls", window == null ? 0 : window.calls)
                        .number("baseline_mean_usd", round(v.mean()))
                        .number("baseline_stddev_usd", round(v.stddev()))
                        .number("baseline_windows", s.baseline.count)
                        .number("threshold_usd", round(v.threshold()))
                        .number("k", rule.k())
                        .number("z_score", round(v.zScore()));
        String summary;
        if (t == EpisodeTransition.OPENED) {
            summary =
                    String.format(
                            Locale.ROOT,
                            "%s spent $%.2f in %d min, baseline $%.2f +/- %.2f (threshold $%.2f)",
                            scope.describe(s),
                            v.observed(),
                            minutes,
                            v.mean(),
                            v.stddev(),
                            v.threshold());
        } else {
            evidence.number("peak_spend_usd", round(s.episode.peakValue))
                    .number("breached_windows", s.episode.breachedWindows);
            summary =
                    String.format(
                            Locale.ROOT,
                            "%s spend back to $%.2f in %d min (threshold $%.2f); peak $%.2f over %d"
                                    + " windows",
                            scope.describe(s),
                            v.observed(),
                            minutes,
                            v.threshold(),
                            s.episode.peakValue,
                            s.episode.breachedWindows);
        }
        AnomalyFactory.Builder b =
                AnomalyFactory.forTransition(tracker, t, s.episode)
                        .severity(Severity.fromWire(s.episodeSeverity))
                        .score(v.zScore())
                        .window(windowStart, windowEnd)
                        .detectedAt(windowEnd)
                        .observedValue(v.observed())
                        .baselineValue(v.mean())
                        .threshold(v.threshold())
                        .summary(summary)
                        .evidence(evidence)
                        .sampleEventIds(window == null ? List.of() : window.samplesByCost());
        return scope.subject(b, s).build();
    }

    /** Dollar amounts to 1/10,000 of a cent keep evidence readable. */
    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value;
    }
}
