package io.llmsentinel.detectors.cost;

/**
 * Exponentially weighted mean and variance of one value per window (West's incremental update). The
 * weight of a new value is {@code max(alpha, 1/n)}: the first windows are averaged equally, which
 * gives the exact sample mean and (population) variance during warm-up instead of an estimate
 * dominated by the first value, and the average turns into an EWMA once {@code 1/n} drops below
 * {@code alpha}.
 *
 * <p>A Flink POJO, kept in keyed state as part of the detectors' state types.
 */
public class EwmaStats {
    public double mean;
    public double variance;

    /** Values folded in so far (saturates at Long.MAX_VALUE in theory, never in practice). */
    public long count;

    public EwmaStats() {}

    /** Smoothing factor whose effective memory is about {@code windows} values. */
    public static double alphaFor(long windows) {
        return 2.0 / (Math.max(1, windows) + 1.0);
    }

    public void add(double value, double alpha) {
        count++;
        double weight = Math.max(alpha, 1.0 / count);
        double diff = value - mean;
        double increment = weight * diff;
        mean += increment;
        variance = (1 - weight) * (variance + diff * increment);
    }

    public double stddev() {
        return Math.sqrt(Math.max(0, variance));
    }

    @Override
    public String toString() {
        return "EwmaStats{mean=" + mean + ", variance=" + variance + ", count=" + count + '}';
    }
}
