package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;

/**
 * A latency quantile of the window against the key's rolling baseline of the same quantile. Works
 * on logarithms: latency is roughly log-normal, so "3 sigma" then means a ratio, the same for a 300
 * ms and a 30 s model.
 *
 * <p>Fires when the z-score reaches the threshold and the value is also at least {@code minRatio}
 * times the baseline: on a busy, steady key the baseline's variance gets so small that a 10% shift
 * would be "significant" without being worth anyone's attention.
 */
public final class QuantileDeviationRule {
    /**
     * Smallest standard deviation (in ln ms) assumed for a baseline, so that a key whose statistic
     * has barely moved so far does not turn every wobble into a huge z-score.
     */
    static final double MIN_LOG_SIGMA = 0.02;

    /** Latencies below 1 ms are rounded up to it before taking logs. */
    static final double MIN_MS = 1.0;

    private QuantileDeviationRule() {}

    public static RuleCheck check(
            DDSketch sketch, double quantile, EwmaStat baseline, LatencySettings s) {
        long n = (long) sketch.getCount();
        if (n < minSamples(quantile, s) || n == 0) {
            return RuleCheck.notEvaluable(n);
        }
        double observed = Math.max(MIN_MS, sketch.getValueAtQuantile(quantile));
        if (!baseline.isWarm(s.warmupMinutes())) {
            return RuleCheck.warmingUp(observed, n);
        }
        double x = Math.log(observed);
        double sigma = Math.max(MIN_LOG_SIGMA, baseline.std());
        double z = (x - baseline.mean) / sigma;
        // The value at which both conditions hold, in ms, so the evidence shows one threshold.
        double threshold =
                Math.exp(baseline.mean + Math.max(s.zThreshold() * sigma, Math.log(s.minRatio())));
        boolean breached = observed >= threshold;
        return new RuleCheck(
                true,
                breached,
                observed,
                Math.exp(baseline.mean),
                threshold,
                z,
                n,
                Double.NaN,
                true);
    }

    /**
     * A quantile estimate rests on the calls beyond it: p95 of 200 calls on 10 of them, p99 on 2.
     * p99 therefore has its own, larger minimum (the defaults give both 10); with fewer, the few
     * slowest calls of a heavy-tailed model swing the estimate by 1.5x from window to window.
     */
    static long minSamples(double quantile, LatencySettings s) {
        return quantile >= 0.99 ? s.p99MinSamples() : s.minSamples();
    }

    /** What the baseline learns from an evaluable window: ln of the observed quantile. */
    public static double baselineInput(RuleCheck check) {
        return Math.log(check.observed());
    }
}
