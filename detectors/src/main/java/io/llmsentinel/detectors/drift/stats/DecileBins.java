package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;

/**
 * The binning behind PSI and Jensen-Shannon for numeric values: 10 bins whose 9 inner edges are the
 * reference sample's deciles (type 7). A value {@code v} falls in bin {@code i} when {@code
 * edge[i-1] <= v < edge[i]}; the first and last bins are open-ended.
 *
 * <p>Heavily tied data produce repeated deciles (for example a reference where 40% of the values
 * are exactly 0). Repeated edges are collapsed into one, so there are fewer than 10 bins rather
 * than bins that can never hold a value: such bins would enter PSI as {@code 1e-4} on both sides
 * (contributing nothing) but would still dilute the Jensen-Shannon normalisation.
 */
public final class DecileBins {
    /** The decile levels, written {@code i / 10} like {@code numpy.arange(1, 10) / 10}. */
    private static final double[] LEVELS = {
        1 / 10.0, 2 / 10.0, 3 / 10.0, 4 / 10.0, 5 / 10.0, 6 / 10.0, 7 / 10.0, 8 / 10.0, 9 / 10.0
    };

    private DecileBins() {}

    /** Decile levels 0.1 .. 0.9. */
    public static double[] levels() {
        return LEVELS.clone();
    }

    /** The distinct inner edges (ascending) from an ascending-sorted reference sample. */
    public static double[] innerEdges(double[] sortedReference) {
        double[] edges = new double[LEVELS.length];
        int distinct = 0;
        for (double level : LEVELS) {
            double edge = Quantiles.type7(sortedReference, level);
            if (distinct == 0 || edge > edges[distinct - 1]) {
                edges[distinct++] = edge;
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

    /** Counts per bin ({@code edges.length + 1} bins) of {@code values}. */
    public static long[] counts(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            counts[binOf(v, edges)]++;
        }
        return counts;
    }

    /** The bin of {@code v}: how many edges are {@code <= v} (numpy {@code searchsorted} right). */
    static int binOf(double v, double[] edges) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
