package io.llmsentinel.detectors.drift.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The statistics of {@link ExactDriftStatistics#numeric} estimated from two {@link
 * NumericHistogram}s of the same relative accuracy, so the drift job never keeps raw values.
 *
 * <ul>
 *   <li>KS: the largest gap between the two cumulative counts at the bin boundaries (exact counts
 *       there, so the estimate can only miss a larger gap hidden inside a bin); p-value from the
 *       same commons computation as raw samples, for that gap and the true sizes (exact only up to
 *       {@link #EXACT_P_MAX_PRODUCT}, to bound the cost of one evaluation).
 *   <li>Wasserstein-1: between the two histograms read as weighted samples, each bin's count placed
 *       at the bin's representative value (clipped to the histogram's exact min and max).
 *   <li>PSI and Jensen-Shannon: decile edges taken from the reference histogram, each snapped to
 *       the lower boundary of the bin holding that reference order statistic, so bins are unions of
 *       whole histogram bins and both sides are counted exactly. Snapping down mirrors the {@code
 *       edge <= v} rule: when a decile falls on a run of tied values (integer token counts) the
 *       tied bin goes above the edge exactly as it does for raw samples.
 * </ul>
 *
 * <p>Both histograms need at least 2 values; callers check {@link NumericHistogram#count} against
 * their minimum sample size first.
 */
public final class HistogramDriftStatistics {
    /**
     * Largest {@code n * m} for which the KS p-value is exact (a few ms at 500 x 500, about 20 ms
     * at 2 000 x 2 000); above it the asymptotic form is used, 1-4% from the exact value at p
     * around 0.05 for samples of 1 000 and more (measured against scipy), well inside the error
     * that binning adds to D itself. The drift job tests six numeric features per key at every
     * slice end: at 4e6 the exact p-values were most of its CPU (6.3K events/s per core in the
     * bench).
     */
    public static final long EXACT_P_MAX_PRODUCT = 250_000L;

    private HistogramDriftStatistics() {}

    public static NumericDrift compute(NumericHistogram reference, NumericHistogram current) {
        reference.checkCompatible(current);
        if (reference.count < 2 || current.count < 2) {
            throw new IllegalArgumentException(
                    "each histogram needs at least 2 values (reference "
                            + reference.count
                            + ", current "
                            + current.count
                            + ")");
        }
        Bins ref = Bins.of(reference);
        Bins cur = Bins.of(current);
        KolmogorovSmirnov.Result ks = ks(ref, cur);
        double wasserstein =
                Wasserstein.distance(ref.values, ref.weights(), cur.values, cur.weights());
        long[] edges = decileEdgeKeys(ref);
        double[] refShares = Divergences.flooredShares(countsPerDecileBin(ref, edges));
        double[] curShares = Divergences.flooredShares(countsPerDecileBin(cur, edges));
        return new NumericDrift(
                ref.total,
                cur.total,
                ks.statistic(),
                ks.pValue(),
                wasserstein,
                Divergences.psi(refShares, curShares),
                Divergences.jensenShannon(refShares, curShares, 2));
    }

    /**
     * The reference-decile bins (the same bins PSI and JS use) ordered by decreasing absolute
     * change of share, at most {@code limit}. Edges are the lower bounds of the histogram bins the
     * deciles snap to, so they are exact to the histogram's relative accuracy.
     */
    public static List<MovedBin> movedBins(
            NumericHistogram reference, NumericHistogram current, int limit) {
        reference.checkCompatible(current);
        if (reference.count == 0 || current.count == 0) {
            return List.of();
        }
        Bins ref = Bins.of(reference);
        Bins cur = Bins.of(current);
        long[] edges = decileEdgeKeys(ref);
        long[] refCounts = countsPerDecileBin(ref, edges);
        long[] curCounts = countsPerDecileBin(cur, edges);
        List<MovedBin> bins = new ArrayList<>(refCounts.length);
        for (int i = 0; i < refCounts.length; i++) {
            double lower = i == 0 ? 0 : edgeValue(reference, edges[i - 1]);
            double upper =
                    i == edges.length ? Double.POSITIVE_INFINITY : edgeValue(reference, edges[i]);
            bins.add(
                    new MovedBin(
                            lower,
                            upper,
                            (double) refCounts[i] / ref.total,
                            (double) curCounts[i] / cur.total));
        }
        bins.sort(Comparator.comparingDouble((MovedBin b) -> -Math.abs(b.change())));
        return List.copyOf(bins.subList(0, Math.min(limit, bins.size())));
    }

    private static double edgeValue(NumericHistogram h, long key) {
        return key == Bins.ZERO_KEY ? 0 : h.lowerBound((int) key);
    }

    private static KolmogorovSmirnov.Result ks(Bins a, Bins b) {
        int i = 0;
        int j = 0;
        long cumA = 0;
        long cumB = 0;
        double largest = -1;
        long atA = 0;
        long atB = 0;
        while (i < a.keys.length || j < b.keys.length) {
            long key =
                    Math.min(
                            i < a.keys.length ? a.keys[i] : Long.MAX_VALUE,
                            j < b.keys.length ? b.keys[j] : Long.MAX_VALUE);
            if (i < a.keys.length && a.keys[i] == key) {
                cumA += a.counts[i++];
            }
            if (j < b.keys.length && b.keys[j] == key) {
                cumB += b.counts[j++];
            }
            double gap = Math.abs((double) cumA / a.total - (double) cumB / b.total);
            if (gap > largest) {
                largest = gap;
                atA = cumA;
                atB = cumB;
            }
        }
        return KolmogorovSmirnov.fromLargestGap(atA, a.total, atB, b.total, EXACT_P_MAX_PRODUCT);
    }

    /**
     * For each decile level, the key of the bin holding the reference order statistic {@code
     * floor((n - 1) q)} (zero-based), the one type-7 interpolation starts from. Repeated keys
     * collapse, as repeated edges do for raw samples.
     */
    private static long[] decileEdgeKeys(Bins ref) {
        double[] levels = DecileBins.levels();
        long[] edges = new long[levels.length];
        int distinct = 0;
        int bin = 0;
        long cumulative = ref.counts[0];
        for (double level : levels) {
            long rank = (long) Math.floor((ref.total - 1) * level);
            while (cumulative <= rank) {
                cumulative += ref.counts[++bin];
            }
            long key = ref.keys[bin];
            if (distinct == 0 || key > edges[distinct - 1]) {
                edges[distinct++] = key;
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

    private static long[] countsPerDecileBin(Bins bins, long[] edgeKeys) {
        long[] counts = new long[edgeKeys.length + 1];
        int decile = 0;
        for (int i = 0; i < bins.keys.length; i++) {
            while (decile < edgeKeys.length && edgeKeys[decile] <= bins.keys[i]) {
                decile++;
            }
            counts[decile] += bins.counts[i];
        }
        return counts;
    }

    /** A histogram as one ascending list of bins, the zero bin first. */
    private static final class Bins {
        /** The zero bin sorts below every log-scale bin index. */
        static final long ZERO_KEY = Long.MIN_VALUE;

        final long[] keys;
        final long[] counts;
        final double[] values;
        final long total;

        private Bins(long[] keys, long[] counts, double[] values, long total) {
            this.keys = keys;
            this.counts = counts;
            this.values = values;
            this.total = total;
        }

        static Bins of(NumericHistogram h) {
            int offset = h.zeroCount > 0 ? 1 : 0;
            int size = h.binIndexes.length + offset;
            long[] keys = new long[size];
            long[] counts = new long[size];
            double[] values = new double[size];
            if (offset == 1) {
                keys[0] = ZERO_KEY;
                counts[0] = h.zeroCount;
                values[0] = Math.max(0, h.min);
            }
            for (int i = 0; i < h.binIndexes.length; i++) {
                keys[i + offset] = h.binIndexes[i];
                counts[i + offset] = h.binCounts[i];
                values[i + offset] =
                        Math.min(h.max, Math.max(h.min, h.representative(h.binIndexes[i])));
            }
            return new Bins(keys, counts, values, h.count);
        }

        double[] weights() {
            double[] w = new double[counts.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = counts[i];
            }
            return w;
        }
    }
}
