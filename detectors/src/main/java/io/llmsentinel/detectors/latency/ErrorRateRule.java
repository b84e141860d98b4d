package io.llmsentinel.detectors.latency;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Error-rate spike: the window's error rate against the key's baseline rate p0, with guards so that
 * small samples never alert. All must hold:
 *
 * <ul>
 *   <li>at least {@code errorMinCalls} calls and {@code errorMinErrors} errors in the window (2
 *       errors in 3 calls is not evidence of anything);
 *   <li>the rate is at least {@code errorMinRatio} times p0 (at 100,000 calls a move from 1.0% to
 *       1.1% is significant but not an incident);
 *   <li>the exact one-sided binomial test rejects "rate &le; p0" at {@code errorPValue}.
 * </ul>
 *
 * <p>Errors are not independent draws: a session that overflows its context window fails on every
 * retry, an agent loop repeats its failing call. A plain binomial test then calls ordinary clusters
 * significant. The test is therefore quasi-binomial: both counts are divided by the dispersion
 * {@code phi >= 1}, the key's observed variance of errors per minute over the variance a binomial
 * would have given its calls per minute (see {@link #dispersion}).
 *
 * <p>p0 is the ratio of the baselines of errors and calls per minute, floored at {@value
 * #MIN_BASELINE_RATE} so that a key that never failed does not alert on its first error.
 */
public final class ErrorRateRule {
    static final double MIN_BASELINE_RATE = 0.001;

    private static final BinomialTest GREATER =
            BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private ErrorRateRule() {}

    public static RuleCheck check(
            long calls, long errors, EwmaStat baseCalls, EwmaStat baseErrors, LatencySettings s) {
        if (calls < s.errorMinCalls() || calls == 0) {
            return RuleCheck.notEvaluable(calls);
        }
        double rate = (double) errors / calls;
        if (!baseCalls.isWarm(s.warmupMinutes())) {
            return RuleCheck.warmingUp(rate, calls);
        }
        double p0 = baselineRate(baseCalls, baseErrors);
        double threshold = p0 * s.errorMinRatio();
        double pValue = Double.NaN;
        boolean breached = false;
        if (errors >= s.errorMinErrors() && rate >= threshold) {
            double phi = dispersion(baseCalls, baseErrors, p0);
            pValue = pValue(Math.round(calls / phi), Math.round(errors / phi), p0);
            breached = pValue <= s.errorPValue();
        }
        return new RuleCheck(true, breached, rate, p0, threshold, rate / p0, calls, pValue, true);
    }

    static double baselineRate(EwmaStat baseCalls, EwmaStat baseErrors) {
        double p0 = baseCalls.mean > 0 ? baseErrors.mean / baseCalls.mean : 0;
        return Math.min(1.0, Math.max(MIN_BASELINE_RATE, p0));
    }

    /**
     * Var(errors per minute) over the binomial variance {@code E[n] p0 (1 - p0) + p0^2 Var(n)} (the
     * second term: calls per minute vary too), at least 1.
     */
    static double dispersion(EwmaStat baseCalls, EwmaStat baseErrors, double p0) {
        double binomial =
                baseCalls.mean * p0 * (1 - p0) + p0 * p0 * Math.max(0, baseCalls.variance);
        if (!(binomial > 0)) {
            return 1;
        }
        return Math.max(1, baseErrors.variance / binomial);
    }

    /** P(X >= errors) for X ~ Binomial(calls, p0). */
    public static double pValue(long calls, long errors, double p0) {
        // The test takes ints; beyond that the normal approximation is exact enough and the
        // guards above have long decided anyway, so scale both counts down together.
        long n = calls;
        long k = errors;
        if (n > Integer.MAX_VALUE) {
            double scale = (double) Integer.MAX_VALUE / n;
            n = Integer.MAX_VALUE;
            k = Math.round(k * scale);
        }
        return GREATER.test((int) n, (int) k, p0).getPValue();
    }
}
