package io.llmsentinel.detectors.drift.stats;

/**
 * Statistics between two {@link EmbeddingSummary}s: centroid cosine distance and mean similarity to
 * the reference centroid (exact, from the sums), and the squared maximum mean discrepancy on the
 * reservoir samples.
 *
 * <p>MMD uses the Gaussian (RBF) kernel {@code k(x, y) = exp(-|x - y|^2 / (2 sigma^2))} and the
 * unbiased estimator (Gretton et al. 2012, eq. 3): within-sample means exclude the diagonal, so the
 * expected value without drift is 0 and an estimate may dip below it. {@code sigma} defaults to the
 * median heuristic on the reference sample ({@link EmbeddingSummary#medianHeuristicBandwidth}); a
 * job that captures a reference should compute it once at capture and pass it explicitly.
 */
public final class EmbeddingDriftStatistics {
    private EmbeddingDriftStatistics() {}

    /** Statistics with the bandwidth from the reference's median heuristic. */
    public static EmbeddingDrift compute(EmbeddingSummary reference, EmbeddingSummary current) {
        return compute(reference, current, reference.medianHeuristicBandwidth());
    }

    /** Statistics with a fixed RBF bandwidth {@code sigma}. */
    public static EmbeddingDrift compute(
            EmbeddingSummary reference, EmbeddingSummary current, double sigma) {
        if (reference.count == 0 || current.count == 0) {
            throw new IllegalArgumentException("both summaries need at least one vector");
        }
        if (reference.dimension != current.dimension) {
            throw new IllegalArgumentException(
                    "dimensions differ: " + reference.dimension + " vs " + current.dimension);
        }
        double[] centroid = reference.centroid();
        return new EmbeddingDrift(
                reference.count,
                current.count,
                1 - cosine(reference.vectorSum, current.vectorSum),
                reference.meanCosineSimilarityTo(centroid),
                current.meanCosineSimilarityTo(centroid),
                unbiasedMmd2(reference, current, sigma),
                sigma);
    }

    /** Unbiased MMD^2 between the two reservoirs; NaN with fewer than 2 samples on a side. */
    public static double unbiasedMmd2(EmbeddingSummary x, EmbeddingSummary y, double sigma) {
        int m = x.reservoirSize;
        int n = y.reservoirSize;
        if (m < 2 || n < 2 || !(sigma > 0)) {
            return Double.NaN;
        }
        double scale = -1.0 / (2 * sigma * sigma);
        double xx = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                xx += Math.exp(scale * EmbeddingSummary.squaredDistance(x, i, x, j));
            }
        }
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                yy += Math.exp(scale * EmbeddingSummary.squaredDistance(y, i, y, j));
            }
        }
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xy += Math.exp(scale * EmbeddingSummary.squaredDistance(x, i, y, j));
            }
        }
        // Off-diagonal pairs were summed once; each appears twice in the full sum.
        return 2 * xx / ((double) m * (m - 1))
                + 2 * yy / ((double) n * (n - 1))
                - 2 * xy / ((double) m * n);
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }
}
