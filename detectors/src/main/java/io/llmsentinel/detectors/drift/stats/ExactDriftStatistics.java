package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drift statistics computed exactly from raw samples, with scipy's conventions (see
 * docs/drift-statistics.md). This is what {@code sentinel drift-stats} prints and the yardstick the
 * streaming summaries are measured against.
 */
public final class ExactDriftStatistics {
    private ExactDriftStatistics() {}

    /** KS, Wasserstein-1, and PSI / Jensen-Shannon over the reference deciles. */
    public static NumericDrift numeric(double[] reference, double[] current) {
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(reference, current);
        double[] sortedRef = reference.clone();
        Arrays.sort(sortedRef);
        double[] edges = DecileBins.innerEdges(sortedRef);
        double[] refShares = Divergences.flooredShares(DecileBins.counts(reference, edges));
        double[] curShares = Divergences.flooredShares(DecileBins.counts(current, edges));
        return new NumericDrift(
                reference.length,
                current.length,
                ks.statistic(),
                ks.pValue(),
                Wasserstein.distance(reference, current),
                Divergences.psi(refShares, curShares),
                Divergences.jensenShannon(refShares, curShares, 2));
    }

    /** Chi-square, PSI and Jensen-Shannon over the union of observed categories. */
    public static CategoricalDrift categorical(List<String> reference, List<String> current) {
        return CategoricalDriftStatistics.fromCounts(
                countsOf(reference),
                countsOf(current),
                CategoricalDriftStatistics.DEFAULT_MOVED_CATEGORIES);
    }

    private static Map<String, Long> countsOf(List<String> values) {
        Map<String, Long> counts = new TreeMap<>();
        for (String v : values) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts;
    }
}
