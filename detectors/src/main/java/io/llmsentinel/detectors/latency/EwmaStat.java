package io.llmsentinel.detectors.latency;

/**
 * An exponentially weighted mean and variance: the rolling baseline of one statistic of one key.
 * Old values fade with the configured half-life, so the baseline follows slow changes (a model that
 * gets gradually busier) but not a sudden jump, which the rules flag instead.
 *
 * <p>The first updates use the weight {@code 1/n} instead, so the first values form a plain mean
 * rather than leaving the baseline anchored at whatever the first minute happened to show.
 *
 * <p>A Flink POJO: public fields, no-arg constructor.
 */
public class EwmaStat {
    public double mean;
    public double variance;

    /** Updates so far; the warm-up compares it with the configured number of minutes. */
    public long count;

    public EwmaStat() {}

    /** Adds one observation with weight {@code max(alpha, 1/n)}. */
    public void add(double value, double alpha) {
        if (!Double.isFinite(value)) {
            return;
        }
        count++;
        double weight = Math.max(alpha, 1.0 / count);
        double delta = value - mean;
        double step = weight * delta;
        mean += step;
        variance = (1 - weight) * (variance + delta * step);
    }

    public double std() {
        return Math.sqrt(Math.max(0, variance));
    }

    public boolean isWarm(int minCount) {
        return count >= minCount;
    }

    /** The per-update weight for a half-life given in updates (minutes). */
    public static double alphaForHalfLife(double halfLifeUpdates) {
        return 1 - Math.pow(0.5, 1 / halfLifeUpdates);
    }

    @Override
    public String toString() {
        return "EwmaStat{mean=" + mean + ", variance=" + variance + ", count=" + count + '}';
    }
}
