package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;

/**
 * A bounded, mergeable histogram of non-negative values (latency ms, token counts, characters, cost
 * USD) on a logarithmic grid, in the manner of DDSketch: bin {@code i} holds the values in {@code
 * (gamma^(i-1), gamma^i]} with {@code gamma = (1 + a) / (1 - a)}, so every value is known within a
 * relative accuracy {@code a} (1% by default). Values below {@link #ZERO_THRESHOLD} go to a
 * separate zero bin. When more than {@code maxBins} bins are occupied the lowest two are merged, so
 * the high tail (what latency and cost alerts care about) keeps its accuracy and the state stays
 * bounded whatever the traffic.
 *
 * <p>Negative values cannot occur for these quantities unless the producer is broken; they are
 * counted in the zero bin (clamped) and in {@link #negativeCount} so a metric can expose them. NaN
 * and infinite values are ignored and counted in {@link #invalidCount}.
 *
 * <p>A Flink POJO: public fields, a no-arg constructor, only primitive and primitive-array fields.
 * The bin arrays are kept exactly as long as the number of occupied bins (sorted by index), so the
 * serialized form carries no spare capacity.
 */
public class NumericHistogram {
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;
    public static final int DEFAULT_MAX_BINS = 2048;

    /** Far below any latency, token count or cost worth telling apart from zero. */
    public static final double ZERO_THRESHOLD = 1e-9;

    public double relativeAccuracy = DEFAULT_RELATIVE_ACCURACY;
    public int maxBins = DEFAULT_MAX_BINS;

    /** Occupied bin indexes, strictly ascending. */
    public int[] binIndexes = new int[0];

    /** Count per occupied bin, aligned with {@link #binIndexes}. */
    public long[] binCounts = new long[0];

    public long zeroCount;

    /** Values recorded (zero bin included; ignored values excluded). */
    public long count;

    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;

    /** Negative values recorded as 0. */
    public long negativeCount;

    /** NaN or infinite values ignored. */
    public long invalidCount;

    public NumericHistogram() {}

    public NumericHistogram(double relativeAccuracy, int maxBins) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("relative accuracy must be in (0, 1)");
        }
        if (maxBins < 2) {
            throw new IllegalArgumentException("at least 2 bins are needed");
        }
        this.relativeAccuracy = relativeAccuracy;
        this.maxBins = maxBins;
    }

    /** Records one value. */
    public void add(double value) {
        add(value, 1);
    }

    /** Records {@code times} copies of a value. */
    public void add(double value, long times) {
        if (times <= 0) {
            return;
        }
        if (!Double.isFinite(value)) {
            invalidCount += times;
            return;
        }
        if (value < 0) {
            negativeCount += times;
            value = 0;
        }
        count += times;
        sum += value * times;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (value < ZERO_THRESHOLD) {
            zeroCount += times;
        } else {
            addToBin(indexOf(value), times);
        }
    }

    /** Adds another histogram of the same relative accuracy into this one. */
    public void merge(NumericHistogram other) {
        checkCompatible(other);
        int[] indexes = new int[binIndexes.length + other.binIndexes.length];
        long[] counts = new long[indexes.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < binIndexes.length || j < other.binIndexes.length) {
            boolean takeThis =
                    j >= other.binIndexes.length
                            || (i < binIndexes.length && binIndexes[i] <= other.binIndexes[j]);
            boolean takeOther =
                    i >= binIndexes.length
                            || (j < other.binIndexes.length
                                    && other.binIndexes[j] <= binIndexes[i]);
            indexes[k] = takeThis ? binIndexes[i] : other.binIndexes[j];
            counts[k] = (takeThis ? binCounts[i++] : 0) + (takeOther ? other.binCounts[j++] : 0);
            k++;
        }
        binIndexes = Arrays.copyOf(indexes, k);
        binCounts = Arrays.copyOf(counts, k);
        collapseLowest();
        zeroCount += other.zeroCount;
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        negativeCount += other.negativeCount;
        invalidCount += other.invalidCount;
    }

    /** A deep copy. */
    public NumericHistogram copy() {
        NumericHistogram c = new NumericHistogram(relativeAccuracy, maxBins);
        c.binIndexes = binIndexes.clone();
        c.binCounts = binCounts.clone();
        c.zeroCount = zeroCount;
        c.count = count;
        c.sum = sum;
        c.min = min;
        c.max = max;
        c.negativeCount = negativeCount;
        c.invalidCount = invalidCount;
        return c;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Number of occupied bins, the zero bin excluded. */
    public int occupiedBins() {
        return binIndexes.length;
    }

    /** The bin a (positive) value falls in. */
    public int indexOf(double value) {
        return (int) Math.ceil(Math.log(value) / Math.log(gamma()));
    }

    /** The value standing for bin {@code index}: within {@code relativeAccuracy} of its bounds. */
    public double representative(int index) {
        double g = gamma();
        return Math.pow(g, index) * 2 / (1 + g);
    }

    /** Lower (exclusive) bound of bin {@code index}. */
    public double lowerBound(int index) {
        return Math.pow(gamma(), index - 1);
    }

    double gamma() {
        return (1 + relativeAccuracy) / (1 - relativeAccuracy);
    }

    void checkCompatible(NumericHistogram other) {
        if (Double.compare(relativeAccuracy, other.relativeAccuracy) != 0) {
            throw new IllegalArgumentException(
                    "histograms with different relative accuracy ("
                            + relativeAccuracy
                            + " vs "
                            + other.relativeAccuracy
                            + ") cannot be combined");
        }
    }

    private void addToBin(int index, long times) {
        int at = Arrays.binarySearch(binIndexes, index);
        if (at >= 0) {
            binCounts[at] += times;
            return;
        }
        int insert = -at - 1;
        binIndexes = insertAt(binIndexes, insert, index);
        binCounts = insertAt(binCounts, insert, times);
        collapseLowest();
    }

    /** Folds the lowest bins into the next one up until at most {@code maxBins} remain. */
    private void collapseLowest() {
        int excess = binIndexes.length - maxBins;
        if (excess <= 0) {
            return;
        }
        long folded = 0;
        for (int i = 0; i <= excess; i++) {
            folded += binCounts[i];
        }
        binIndexes = Arrays.copyOfRange(binIndexes, excess, binIndexes.length);
        binCounts = Arrays.copyOfRange(binCounts, excess, binCounts.length);
        binCounts[0] = folded;
    }

    private static int[] insertAt(int[] a, int at, int value) {
        int[] r = new int[a.length + 1];
        System.arraycopy(a, 0, r, 0, at);
        r[at] = value;
        System.arraycopy(a, at, r, at + 1, a.length - at);
        return r;
    }

    private static long[] insertAt(long[] a, int at, long value) {
        long[] r = new long[a.length + 1];
        System.arraycopy(a, 0, r, 0, at);
        r[at] = value;
        System.arraycopy(a, at, r, at + 1, a.length - at);
        return r;
    }

    @Override
    public String toString() {
        return "NumericHistogram{count="
                + count
                + ", bins="
                + binIndexes.length
                + ", zero="
                + zeroCount
                + ", min="
                + min
                + ", max="
                + max
                + '}';
    }
}
