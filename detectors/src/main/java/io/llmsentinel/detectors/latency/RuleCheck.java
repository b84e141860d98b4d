package io.llmsentinel.detectors.latency;

/**
 * The outcome of one rule on one window.
 *
 * @param evaluable whether the window had enough data to judge at all; a window that is not
 *     evaluable neither breaches nor clears an episode, and does not feed the baseline
 * @param breached whether the rule fires on this window
 * @param observed the statistic now (ms, ratio, rate or calls)
 * @param baseline what it usually is (NaN during warm-up)
 * @param threshold the value at which the rule fires (NaN during warm-up)
 * @param score the strength: z-score, ratio or p-value based, per rule
 * @param samples the calls the statistic is computed from
 * @param pValue the test's p-value where the rule runs a test, else NaN
 * @param warm whether the baseline had finished its warm-up
 */
public record RuleCheck(
        boolean evaluable,
        boolean breached,
        double observed,
        double baseline,
        double threshold,
        double score,
        long samples,
        double pValue,
        boolean warm) {

    public static RuleCheck notEvaluable(long samples) {
        return new RuleCheck(
                false,
                false,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                samples,
                Double.NaN,
                false);
    }

    /** Enough data, but the baseline is still warming up: learn, never fire. */
    public static RuleCheck warmingUp(double observed, long samples) {
        return new RuleCheck(
                true,
                false,
                observed,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                samples,
                Double.NaN,
                false);
    }

    /** observed / baseline, NaN without a baseline. */
    public double ratio() {
        return baseline > 0 ? observed / baseline : Double.NaN;
    }
}
