package io.llmsentinel.detectors.cost;

import java.io.Serializable;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * When a window's spend is a spike: above the baseline mean by k standard deviations, at least
 * {@code minRatio} times the mean and {@code minDeltaUsd} above it, with at least {@code minCalls}
 * calls in the window, and only once the baseline is warm.
 *
 * <p>Sample-size guard: k is read as a one-sided normal tail probability, and the threshold uses
 * the Student-t prediction interval for a new value with the same tail probability given the
 * baseline's effective number of windows, {@code t(n-1) * s * sqrt(1 + 1/n)}. With a long baseline
 * this is about {@code k * sigma}; with the few windows right after warm-up it is much wider (about
 * 6 sigma at 12 windows for k = 4), because the variance itself is then poorly known.
 *
 * @param windowMs window length
 * @param baselineWindows the baseline's memory in windows (24 h / window); sets the EWMA weight
 * @param warmupWindows windows a subject must have been observed (including empty ones) before it
 *     can alert; at least half of them must have had calls
 * @param k threshold in standard deviations
 * @param criticalSigma z-score from which a spike is critical rather than a warning
 * @param minRatio the spend must also be at least this multiple of the baseline mean
 * @param minDeltaUsd and at least this many dollars above it (ignores cent-sized jumps)
 * @param minCalls fewest calls in a window for it to alert
 * @param idleTimeoutMs state of a subject without calls for this long is dropped
 */
public record SpendRule(
        long windowMs,
        long baselineWindows,
        long warmupWindows,
        double k,
        double criticalSigma,
        double minRatio,
        double minDeltaUsd,
        long minCalls,
        long idleTimeoutMs)
        implements Serializable {

    public SpendRule {
        check(windowMs > 0, "windowMs must be positive");
        check(baselineWindows >= 2, "baselineWindows must be at least 2");
        check(warmupWindows >= 2, "warmupWindows must be at least 2");
        check(k > 0, "k must be positive");
        check(criticalSigma >= k, "criticalSigma must be at least k");
        check(minRatio >= 1, "minRatio must be at least 1");
        check(minDeltaUsd >= 0, "minDeltaUsd must be >= 0");
        check(minCalls >= 1, "minCalls must be at least 1");
        check(
                idleTimeoutMs >= 3 * windowMs,
                "idleTimeoutMs must be at least 3 windows (an episode needs 2 clear windows)");
    }

    /** What one window's evaluation found. */
    public record Verdict(
            boolean warm,
            boolean breached,
            double observed,
            double mean,
            double stddev,
            double threshold,
            double zScore,
            long effectiveWindows) {}

    public double alpha() {
        return EwmaStats.alphaFor(baselineWindows);
    }

    public boolean isWarm(EwmaStats baseline, long activeWindows) {
        return baseline.count >= warmupWindows && 2 * activeWindows >= warmupWindows;
    }

    public Verdict evaluate(EwmaStats baseline, long activeWindows, double observed, long calls) {
        boolean warm = isWarm(baseline, activeWindows);
        long n = Math.max(2, Math.min(baseline.count, baselineWindows));
        // The EWMA variance is a population variance; n/(n-1) makes it a sample variance.
        double stddev = Math.sqrt(Math.max(0, baseline.variance) * n / (n - 1.0));
        double mean = baseline.mean;
        double threshold =
                Math.max(
                        mean + multiplier(n) * stddev,
                        Math.max(mean * minRatio, mean + minDeltaUsd));
        double z =
                stddev > 0
                        ? (observed - mean) / stddev
                        : (observed > mean ? Double.POSITIVE_INFINITY : 0);
        boolean breached = warm && calls >= minCalls && observed > threshold;
        return new Verdict(warm, breached, observed, mean, stddev, threshold, z, n);
    }

    /** The Student-t prediction-interval multiplier for {@code n} baseline windows. */
    double multiplier(long n) {
        double tail = NormalDistribution.of(0, 1).survivalProbability(k);
        double t = TDistribution.of(n - 1.0).inverseSurvivalProbability(tail);
        return t * Math.sqrt(1 + 1.0 / n);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
