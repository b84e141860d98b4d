package io.llmsentinel.detectors.latency;

import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.schema.Anomaly;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The latency detector's decisions for one key and one closed minute, without Flink: run every
 * rule, move its episode, learn the baselines, build the records. The Flink function only keeps the
 * state and calls this once per minute.
 *
 * <p>Baselines learn only from windows their rule judged clear and outside an open episode, so an
 * incident does not become the new normal while it lasts. During warm-up they learn from every
 * window with enough data and no rule fires.
 */
public final class LatencyDetector implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LatencySettings s;
    private final Map<LatencyAnomalyType, EpisodeTracker> trackers =
            new EnumMap<>(LatencyAnomalyType.class);
    private final double alpha;
    private transient LatencyAnomalies records;

    public LatencyDetector(LatencySettings settings) {
        this.s = settings;
        for (LatencyAnomalyType t : LatencyAnomalyType.values()) {
            trackers.put(t, t.tracker(settings));
        }
        this.alpha = settings.baselineAlpha();
    }

    /**
     * Evaluates the minute starting at {@code minute} for the key {@code subjectKey}.
     *
     * @param current that minute's slice; an empty one when the key had no calls in it
     * @param window the merged slices of the window ending with that minute
     * @return the records of episodes that opened or resolved, usually none
     */
    public List<Anomaly> evaluate(
            String subjectKey,
            LatencyKeyState st,
            long minute,
            MinuteSlice current,
            WindowSummary window) {
        List<Anomaly> out = new ArrayList<>(0);
        Evaluation ev = new Evaluation(subjectKey, st, minute, current, window, out);

        RuleCheck tail = TailRule.check(current.latency(), st.logTailRatio, s);
        ev.judge(LatencyAnomalyType.TAIL, tail);
        ev.learn(LatencyAnomalyType.TAIL, tail, st.logTailRatio, Math.log(tail.observed()));

        deviation(ev, LatencyAnomalyType.P95, window, 0.95, st.logP95);
        deviation(ev, LatencyAnomalyType.P99, window, 0.99, st.logP99);
        deviation(ev, LatencyAnomalyType.TTFT, window, 0.95, st.logTtftP95);

        RuleCheck errors =
                ErrorRateRule.check(
                        window.calls(), window.errors(), st.errorRuleCalls, st.errorRuleErrors, s);
        ev.judge(LatencyAnomalyType.ERROR_RATE, errors);
        // The error baseline learns per minute (not per overlapping window) from minutes with
        // calls.
        if (current.calls() > 0 && !errors.breached() && !st.errorEpisode.open) {
            st.errorRuleCalls.add(current.calls(), alpha);
            st.errorRuleErrors.add(current.errors(), alpha);
        }

        RuleCheck traffic =
                TrafficDropRule.check(window.calls(), window.minutes(), st.trafficCalls, s);
        ev.judge(LatencyAnomalyType.TRAFFIC_DROP, traffic);
        if (!traffic.breached() && !st.trafficEpisode.open) {
            st.trafficCalls.add(current.calls(), alpha);
        }
        st.lastEvaluatedMinute = minute;
        return out;
    }

    private void deviation(
            Evaluation ev,
            LatencyAnomalyType type,
            WindowSummary window,
            double quantile,
            EwmaStat baseline) {
        RuleCheck check =
                QuantileDeviationRule.check(
                        type == LatencyAnomalyType.TTFT ? window.ttfc() : window.latency(),
                        quantile,
                        baseline,
                        s);
        ev.judge(type, check);
        ev.learn(type, check, baseline, Math.log(check.observed()));
    }

    /**
     * Resolves every open episode of a key that is about to be dropped for inactivity, so that each
     * opened episode still gets its resolved record.
     */
    public List<Anomaly> expire(LatencyKeyState st, long at) {
        List<Anomaly> out = new ArrayList<>(0);
        for (LatencyAnomalyType type : LatencyAnomalyType.values()) {
            EpisodeState ep = st.episode(type);
            if (ep.open) {
                ep.open = false;
                out.add(records().resolved(type, ep, st, null, at, LatencyAnomalies.IDLE_EXPIRED));
            }
        }
        return out;
    }

    private LatencyAnomalies records() {
        if (records == null) {
            records = new LatencyAnomalies(s);
        }
        return records;
    }

    /** One minute's evaluation of one key: applies checks to episodes and baselines. */
    private final class Evaluation {
        final String subjectKey;
        final LatencyKeyState st;
        final long minute;
        final MinuteSlice current;
        final WindowSummary window;
        final List<Anomaly> out;

        Evaluation(
                String subjectKey,
                LatencyKeyState st,
                long minute,
                MinuteSlice current,
                WindowSummary window,
                List<Anomaly> out) {
            this.subjectKey = subjectKey;
            this.st = st;
            this.minute = minute;
            this.current = current;
            this.window = window;
            this.out = out;
        }

        /** Moves the episode of {@code type}; a window without enough data moves nothing. */
        void judge(LatencyAnomalyType type, RuleCheck check) {
            if (!check.evaluable()) {
                return;
            }
            EpisodeState ep = st.episode(type);
            EpisodeTransition tr =
                    trackers.get(type)
                            .observe(ep, subjectKey, minute, check.breached(), check.observed());
            if (tr == EpisodeTransition.OPENED) {
                out.add(records().opened(type, ep, st, check, window, current, minute));
            } else if (tr == EpisodeTransition.RESOLVED) {
                out.add(
                        records()
                                .resolved(
                                        type,
                                        ep,
                                        st,
                                        check,
                                        minute + LatencySettings.MINUTE_MS,
                                        LatencyAnomalies.RECOVERED));
            }
        }

        void learn(LatencyAnomalyType type, RuleCheck check, EwmaStat baseline, double input) {
            EpisodeState ep = st.episode(type);
            if (check.evaluable() && !check.breached() && !ep.open && ep.consecutiveBreaches == 0) {
                baseline.add(input, alpha);
            }
        }
    }
}
