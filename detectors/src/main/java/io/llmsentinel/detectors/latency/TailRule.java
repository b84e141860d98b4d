package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;

/**
 * Sustained tail: within one minute, p99 is more than {@code tailRatio} times p50; the episode
 * opens after {@code tailMinutes} such minutes in a row (see {@link LatencyAnomalyType#tracker}).
 *
 * <p>Many models have a naturally wide latency distribution (long answers, reasoning): a key whose
 * p99 has always been four times its p50 does not have a new tail problem. With a {@code
 * tailBaselineFactor} above zero the threshold is therefore raised to that factor times the key's
 * usual ratio when that is higher; with zero the rule is the plain fixed ratio.
 */
public final class TailRule {
    private TailRule() {}

    public static RuleCheck check(DDSketch minute, EwmaStat baseline, LatencySettings s) {
        long n = (long) minute.getCount();
        if (n < s.tailMinSamples() || n == 0) {
            return RuleCheck.notEvaluable(n);
        }
        double p50 = Math.max(QuantileDeviationRule.MIN_MS, minute.getValueAtQuantile(0.50));
        double p99 = Math.max(QuantileDeviationRule.MIN_MS, minute.getValueAtQuantile(0.99));
        double ratio = p99 / p50;
        if (!baseline.isWarm(s.warmupMinutes())) {
            return RuleCheck.warmingUp(ratio, n);
        }
        double usual = Math.exp(baseline.mean);
        double threshold = s.tailRatio();
        if (s.tailBaselineFactor() > 0) {
            threshold = Math.max(threshold, usual * s.tailBaselineFactor());
        }
        return new RuleCheck(
                true, ratio > threshold, ratio, usual, threshold, ratio, n, Double.NaN, true);
    }
}
