package io.llmsentinel.detectors.latency;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.Direction;
import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the open and resolved records of the latency detector: subject, window, numbers, a
 * one-line summary and the evidence a person needs (observed, baseline, threshold, test statistic,
 * sample sizes, error breakdown, slowest or failed call ids). Summaries hold identifiers and
 * numbers only.
 */
final class LatencyAnomalies {
    static final String RECOVERED = "recovered";
    static final String IDLE_EXPIRED = "idle_expired";

    private final LatencySettings s;

    LatencyAnomalies(LatencySettings s) {
        this.s = s;
    }

    /** The record of an episode that just opened on {@code check}. */
    Anomaly opened(
            LatencyAnomalyType type,
            EpisodeState ep,
            LatencyKeyState st,
            RuleCheck check,
            WindowSummary window,
            MinuteSlice minute,
            long minuteStart) {
        long end = minuteStart + LatencySettings.MINUTE_MS;
        long start = type == LatencyAnomalyType.TAIL ? ep.breachStartedAt : window.start();
        Evidence ev = common(type, st, check);
        addWindowEvidence(type, ev, window, minute);
        if (type == LatencyAnomalyType.TAIL) {
            ev.number("consecutive_minutes", ep.consecutiveBreaches);
            ev.number("p50_ms", round(minute.latency().getValueAtQuantile(0.5)));
            ev.number("p99_ms", round(minute.latency().getValueAtQuantile(0.99)));
        }
        AnomalyFactory.Builder b =
                subject(
                                AnomalyFactory.open(
                                        LatencyAnomalyType.DETECTOR, type.wireName(), ep.episodeId),
                                st)
                        .severity(severity(type, check.observed(), check.baseline()))
                        .window(Math.min(start, end), end)
                        .detectedAt(end)
                        .observedValue(check.observed())
                        .baselineValue(check.baseline())
                        .threshold(check.threshold())
                        .score(check.score())
                        .summary(openSummary(type, st, check, window, ep))
                        .evidence(ev)
                        .sampleEventIds(samples(type, window));
        if (!Double.isNaN(check.pValue())) {
            b.confidence(1 - check.pValue());
        }
        return b.build();
    }

    /**
     * The record of an episode that ended: recovered ({@code check} is the clear window) or expired
     * with its idle key ({@code check} null).
     */
    Anomaly resolved(
            LatencyAnomalyType type,
            EpisodeState ep,
            LatencyKeyState st,
            RuleCheck check,
            long detectedAt,
            String resolution) {
        double baseline = check != null && check.warm() ? check.baseline() : baselineOf(type, st);
        double peak = ep.peakValue;
        Evidence ev =
                Evidence.create()
                        .id("rule", type.wireName())
                        .id("resolution", resolution)
                        .number("peak", peak)
                        .number("baseline", baseline)
                        .number("breached_windows", ep.breachedWindows)
                        .number("episode_minutes", (detectedAt - ep.openedAt) / 60_000);
        addSubjectEvidence(ev, st);
        if (check != null) {
            ev.number("observed", check.observed()).number("samples", check.samples());
        }
        long start = Math.min(ep.openedAt, detectedAt);
        return subject(
                        AnomalyFactory.resolved(
                                LatencyAnomalyType.DETECTOR, type.wireName(), ep.episodeId),
                        st)
                .severity(severity(type, peak, baseline))
                .window(start, detectedAt)
                .detectedAt(detectedAt)
                .observedValue(check != null ? check.observed() : Double.NaN)
                .baselineValue(baseline)
                .threshold(check != null ? check.threshold() : Double.NaN)
                .summary(
                        String.format(
                                Locale.ROOT,
                                "%s of %s %s after %d min (peak %s, baseline %s)",
                                type.statistic(),
                                st.route(),
                                resolution.equals(IDLE_EXPIRED)
                                        ? "no longer tracked: no traffic"
                                        : "back to normal",
                                (detectedAt - ep.openedAt) / 60_000,
                                format(type, peak),
                                format(type, baseline)))
                .evidence(ev)
                .build();
    }

    Severity severity(LatencyAnomalyType type, double value, double baseline) {
        Severity graded =
                switch (type) {
                    case P95, P99, TTFT ->
                            Severity.of(value / baseline, Double.NaN, s.criticalRatio());
                    case TAIL -> Severity.of(value, Double.NaN, s.tailCriticalRatio());
                    case ERROR_RATE -> Severity.of(value, Double.NaN, s.errorCriticalRate());
                    case TRAFFIC_DROP ->
                            Severity.of(
                                    value / baseline,
                                    Double.NaN,
                                    s.trafficCriticalRatio(),
                                    Direction.LOWER_IS_WORSE);
                };
        // An episode is at least a warning; INFO is for records that need no action.
        return Severity.max(Severity.WARNING, graded);
    }

    /** The baseline in the rule's own unit, read from state (for records without a check). */
    double baselineOf(LatencyAnomalyType type, LatencyKeyState st) {
        return switch (type) {
            case P95 -> Math.exp(st.logP95.mean);
            case P99 -> Math.exp(st.logP99.mean);
            case TTFT -> Math.exp(st.logTtftP95.mean);
            case TAIL -> Math.exp(st.logTailRatio.mean);
            case ERROR_RATE -> ErrorRateRule.baselineRate(st.errorRuleCalls, st.errorRuleErrors);
            case TRAFFIC_DROP -> st.trafficCalls.mean * s.windowMinutes();
        };
    }

    private AnomalyFactory.Builder subject(AnomalyFactory.Builder b, LatencyKeyState st) {
        return b.providerName(st.providerName)
                .model(st.model)
                .serviceName(st.serviceName)
                .tenantId(st.tenantId);
    }

    private Evidence common(LatencyAnomalyType type, LatencyKeyState st, RuleCheck c) {
        Evidence ev =
                Evidence.create()
                        .id("rule", type.wireName())
                        .id("unit", unit(type))
                        .number("observed", round(c.observed()))
                        .number("baseline", round(c.baseline()))
                        .number("threshold", round(c.threshold()))
                        .number("samples", c.samples());
        switch (type) {
            case P95, P99, TTFT ->
                    ev.number("z", round(c.score()))
                            .number("z_threshold", s.zThreshold())
                            .number("min_ratio", s.minRatio())
                            .number("ratio", round(c.ratio()));
            case TAIL -> ev.number("tail_ratio_limit", s.tailRatio());
            case ERROR_RATE, TRAFFIC_DROP -> ev.number("p_value", c.pValue());
        }
        addSubjectEvidence(ev, st);
        return ev;
    }

    private void addWindowEvidence(
            LatencyAnomalyType type, Evidence ev, WindowSummary w, MinuteSlice minute) {
        boolean perMinute = type == LatencyAnomalyType.TAIL;
        ev.number("window_minutes", perMinute ? 1 : s.windowMinutes())
                .number("window_calls", perMinute ? minute.calls() : w.calls())
                .number("window_errors", perMinute ? minute.errors() : w.errors())
                .number("window_timeouts", perMinute ? minute.timeouts() : w.timeouts());
        if (type == LatencyAnomalyType.ERROR_RATE && !w.errorsByType().isEmpty()) {
            List<String> byType = new ArrayList<>();
            for (Map.Entry<String, Long> e : w.errorsByType().entrySet()) {
                byType.add(e.getKey() + ":" + e.getValue());
            }
            ev.ids("errors_by_type", byType);
        }
    }

    private static void addSubjectEvidence(Evidence ev, LatencyKeyState st) {
        ev.id("environment", st.environment).id("operation", st.operation);
    }

    private static List<String> samples(LatencyAnomalyType type, WindowSummary w) {
        return switch (type) {
            case TTFT -> w.slowestTtfcIds();
            case ERROR_RATE -> w.errorSampleIds();
            case TRAFFIC_DROP -> List.of();
            default -> w.slowestIds();
        };
    }

    private String openSummary(
            LatencyAnomalyType type,
            LatencyKeyState st,
            RuleCheck c,
            WindowSummary w,
            EpisodeState ep) {
        return switch (type) {
            case P95, P99, TTFT ->
                    String.format(
                            Locale.ROOT,
                            "%s of %s is %.0f ms, %.1fx its baseline of %.0f ms (z %.1f, %d calls"
                                    + " in %d min)",
                            type.statistic(),
                            st.route(),
                            c.observed(),
                            c.ratio(),
                            c.baseline(),
                            c.score(),
                            c.samples(),
                            s.windowMinutes());
            case TAIL ->
                    String.format(
                            Locale.ROOT,
                            "p99 latency of %s has been above %.1fx its p50 for %d minutes (now"
                                    + " %.1fx, usually %.1fx)",
                            st.route(),
                            c.threshold(),
                            ep.consecutiveBreaches,
                            c.observed(),
                            c.baseline());
            case ERROR_RATE ->
                    String.format(
                            Locale.ROOT,
                            "error rate of %s is %.1f%% (%d of %d calls in %d min), baseline"
                                    + " %.2f%% (p %.1e)",
                            st.route(),
                            100 * c.observed(),
                            w.errors(),
                            w.calls(),
                            s.windowMinutes(),
                            100 * c.baseline(),
                            c.pValue());
            case TRAFFIC_DROP ->
                    String.format(
                            Locale.ROOT,
                            "calls of %s dropped to %d in %d min, about %.0f expected (p %.1e)",
                            st.route(),
                            w.calls(),
                            s.windowMinutes(),
                            c.baseline(),
                            c.pValue());
        };
    }

    private static String unit(LatencyAnomalyType type) {
        return switch (type) {
            case P95, P99, TTFT -> "ms";
            case TAIL -> "ratio";
            case ERROR_RATE -> "rate";
            case TRAFFIC_DROP -> "calls";
        };
    }

    private static String format(LatencyAnomalyType type, double v) {
        return switch (type) {
            case P95, P99, TTFT -> String.format(Locale.ROOT, "%.0f ms", v);
            case TAIL -> String.format(Locale.ROOT, "%.1fx", v);
            case ERROR_RATE -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            case TRAFFIC_DROP -> String.format(Locale.ROOT, "%.0f calls", v);
        };
    }

    /** Three significant decimals are plenty for evidence and keep records short. */
    private static double round(double v) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return Math.round(v * 1000) / 1000.0;
    }
}
