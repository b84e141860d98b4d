package io.llmsentinel.detectors.drift.stats;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7, the
 * default of {@code numpy.quantile} and R's {@code quantile}).
 */
public final class Quantiles {
    private Quantiles() {}

    /**
     * The {@code q}-quantile of an ascending-sorted sample: the order statistic at the virtual
     * (zero-based) index {@code (n - 1) * q}, interpolated linearly with its successor.
     *
     * <p>The interpolation is written the way numpy writes it ({@code a + (b - a) * t}, or {@code b
     * - (b - a) * (1 - t)} once {@code t >= 0.5}) so that edges agree to the last bit, which
     * matters when a value sits exactly on an edge.
     */
    public static double type7(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1]: " + q);
        }
        int last = sorted.length - 1;
        double virtualIndex = last * q;
        int below = (int) Math.floor(virtualIndex);
        int above = Math.min(below + 1, last);
        double t = virtualIndex - below;
        double a = sorted[below];
        double b = sorted[above];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
