package io.llmsentinel.detectors.latency;

import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Traffic drop: a key that normally has traffic gets much less. Expected calls in the window are
 * the baseline calls per minute times the minutes of the window the key existed for; the rule fires
 * when the window has at most {@code trafficDropRatio} of that and a Poisson lower-tail test says
 * so at {@code trafficPValue}. Keys with fewer than {@code trafficMinBaselineCalls} expected calls
 * per window are not judged: for them silence is normal.
 *
 * <p>Calls come in sessions (a chat, an agent run), so counts vary more than a Poisson process
 * would: the test is quasi-Poisson, with observed and expected counts divided by the dispersion
 * {@code phi = max(1, variance / mean)} of the key's calls per minute.
 */
public final class TrafficDropRule {
    private TrafficDropRule() {}

    public static RuleCheck check(long calls, int minutes, EwmaStat baseline, LatencySettings s) {
        if (!s.trafficEnabled()) {
            return RuleCheck.notEvaluable(calls);
        }
        if (!baseline.isWarm(s.warmupMinutes())) {
            return RuleCheck.warmingUp(calls, calls);
        }
        double expected = baseline.mean * minutes;
        if (expected < s.trafficMinBaselineCalls()) {
            return RuleCheck.notEvaluable(calls);
        }
        double threshold = expected * s.trafficDropRatio();
        double pValue = Double.NaN;
        boolean breached = false;
        if (calls <= threshold) {
            double phi = baseline.mean > 0 ? Math.max(1, baseline.variance / baseline.mean) : 1;
            int k = (int) Math.min(Integer.MAX_VALUE, Math.round(calls / phi));
            pValue = PoissonDistribution.of(expected / phi).cumulativeProbability(k);
            breached = pValue <= s.trafficPValue();
        }
        return new RuleCheck(
                true, breached, calls, expected, threshold, calls / expected, calls, pValue, true);
    }
}
