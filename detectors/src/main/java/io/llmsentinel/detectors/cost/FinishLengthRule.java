package io.llmsentinel.detectors.cost;

import java.io.Serializable;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * When the share of a model's answers stopped at max_tokens ({@code finish_reason = length}) in a
 * window is a surge: significantly above the baseline share by a one-sided exact binomial test, and
 * also large in absolute terms (at least {@code minRatio} times the baseline share and {@code
 * minIncrease} above it), so that neither 2 truncated answers out of 3 nor a statistically
 * significant but tiny drift on a busy model alerts.
 *
 * @param windowMs window length
 * @param baselineWindows memory of the baseline share in windows
 * @param warmupWindows windows with calls needed before the model can alert
 * @param minCalls fewest calls (with a finish reason) in a window for it to alert
 * @param minRatio the share must be at least this multiple of the baseline share
 * @param minIncrease and at least this much above it (absolute share, 0.05 = 5 points)
 * @param significance the binomial test's p-value must be below this
 * @param criticalShare a surge to at least this share is critical
 * @param idleTimeoutMs state of a model without calls for this long is dropped
 */
public record FinishLengthRule(
        long windowMs,
        long baselineWindows,
        long warmupWindows,
        long minCalls,
        double minRatio,
        double minIncrease,
        double significance,
        double criticalShare,
        long idleTimeoutMs)
        implements Serializable {

    public FinishLengthRule {
        check(windowMs > 0, "windowMs must be positive");
        check(baselineWindows >= 1, "baselineWindows must be at least 1");
        check(warmupWindows >= 1, "warmupWindows must be at least 1");
        check(minCalls >= 1, "minCalls must be at least 1");
        check(minRatio >= 1, "minRatio must be at least 1");
        check(minIncrease >= 0 && minIncrease < 1, "minIncrease must be in [0, 1)");
        check(significance > 0 && significance < 1, "significance must be in (0, 1)");
        check(criticalShare > 0 && criticalShare <= 1, "criticalShare must be in (0, 1]");
        check(
                idleTimeoutMs >= 3 * windowMs,
                "idleTimeoutMs must be at least 3 windows (an episode needs 2 clear windows)");
    }

    /** What one window's evaluation found. */
    public record Verdict(
            boolean warm,
            boolean breached,
            long calls,
            long length,
            double share,
            double baselineShare,
            double threshold,
            double pValue) {}

    public double alpha() {
        return EwmaStats.alphaFor(baselineWindows);
    }

    public Verdict evaluate(FinishLengthState s, long calls, long length) {
        boolean warm = s.windows >= warmupWindows;
        double p0 = baselineShare(s);
        double threshold = threshold(p0);
        double share = calls == 0 ? 0 : (double) length / calls;
        double pValue = 1;
        boolean candidate = warm && calls >= minCalls && share >= threshold;
        if (candidate) {
            pValue =
                    BinomialTest.withDefaults()
                            .with(AlternativeHypothesis.GREATER_THAN)
                            .test(
                                    (int) Math.min(calls, Integer.MAX_VALUE),
                                    (int) Math.min(length, Integer.MAX_VALUE),
                                    p0)
                            .getPValue();
        }
        boolean breached = candidate && pValue < significance;
        return new Verdict(warm, breached, calls, length, share, p0, threshold, pValue);
    }

    /**
     * The baseline share with half a truncated answer added (Jeffreys-style), so a model that never
     * hit the limit does not test against a share of exactly zero.
     */
    static double baselineShare(FinishLengthState s) {
        return (s.lengthMean + 0.5) / (s.callsMean + 1.0);
    }

    double threshold(double p0) {
        return Math.min(1.0, Math.max(p0 * minRatio, p0 + minIncrease));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
