package io.llmsentinel.detectors.drift.stats;

/**
 * Population stability index and Jensen-Shannon distance between two binned distributions, with the
 * shared convention that an empty bin's share is replaced by {@link #EMPTY_SHARE} (without
 * renormalising) so that logarithms stay finite.
 */
public final class Divergences {
    /** Share given to an empty bin (the value used by Evidently and most PSI write-ups). */
    public static final double EMPTY_SHARE = 1e-4;

    private Divergences() {}

    /** Each count's share of the total; empty bins get {@link #EMPTY_SHARE}. */
    public static double[] flooredShares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("shares of an empty distribution");
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] == 0 ? EMPTY_SHARE : (double) counts[i] / total;
        }
        return shares;
    }

    /** {@code sum((cur - ref) * ln(cur / ref))}; both arrays must be strictly positive. */
    public static double psi(double[] referenceShares, double[] currentShares) {
        checkSameLength(referenceShares, currentShares);
        double psi = 0;
        for (int i = 0; i < referenceShares.length; i++) {
            double r = referenceShares[i];
            double c = currentShares[i];
            if (!(r > 0 && c > 0)) {
                throw new IllegalArgumentException("PSI needs strictly positive shares");
            }
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /**
     * Jensen-Shannon distance as {@code scipy.spatial.distance.jensenshannon(p, q, base)}: both
     * vectors are first normalised to sum 1, the divergence is {@code (KL(p||m) + KL(q||m)) / 2}
     * with {@code m = (p + q) / 2} in the given logarithm base, and the distance is its square
     * root. Base 2 bounds the distance by 1.
     */
    public static double jensenShannon(double[] p, double[] q, double base) {
        checkSameLength(p, q);
        double pSum = sum(p);
        double qSum = sum(q);
        if (!(pSum > 0 && qSum > 0)) {
            throw new IllegalArgumentException("Jensen-Shannon needs non-empty distributions");
        }
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / pSum;
            double qi = q[i] / qSum;
            double mi = (pi + qi) / 2.0;
            left += relativeEntropyTerm(pi, mi);
            right += relativeEntropyTerm(qi, mi);
        }
        double divergence = (left + right) / Math.log(base);
        // Rounding can leave a tiny negative divergence for identical inputs.
        return Math.sqrt(Math.max(0, divergence / 2.0));
    }

    /** {@code x ln(x / y)}, with the limit 0 at {@code x = 0} (scipy {@code rel_entr}). */
    private static double relativeEntropyTerm(double x, double y) {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("negative probability");
        }
        if (x == 0) {
            return 0;
        }
        return x * Math.log(x / y);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "distributions need the same non-zero number of bins: "
                            + a.length
                            + " vs "
                            + b.length);
        }
    }
}
