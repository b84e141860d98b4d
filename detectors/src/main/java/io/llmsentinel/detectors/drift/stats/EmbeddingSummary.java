package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;

/**
 * Bounded, mergeable summary of embedding vectors (one per prompt or response).
 *
 * <ul>
 *   <li>{@link #vectorSum} and {@link #count}: the centroid, exact.
 *   <li>{@link #unitVectorSum}: the sum of the L2-normalised vectors. Because {@code mean_i
 *       cos(x_i, c) = (sum_i x_i / |x_i|) . c / (n |c|)}, this gives the exact mean cosine
 *       similarity of the members to <em>any</em> centroid chosen later (for example the
 *       reference's), with no need to keep the members.
 *   <li>{@link #reservoir}: a uniform sample of at most {@link #reservoirCapacity} vectors
 *       (reservoir sampling, "algorithm R"), for kernel two-sample statistics (MMD). The random
 *       stream is seeded and kept in {@link #rngState}, so the same input in the same order gives
 *       the same sample. Merging draws from each side in proportion to the vectors it stands for:
 *       approximately a uniform sample of the union.
 * </ul>
 *
 * <p>The first valid vector fixes the dimension; vectors of another length are ignored and counted
 * in {@link #dimensionMismatches}; null, empty, non-finite or all-zero vectors (no direction) in
 * {@link #invalidVectors}.
 *
 * <p>A Flink POJO: public fields, a no-arg constructor, primitive and primitive-array fields; the
 * reservoir is one flat {@code float[]} of {@code reservoirSize * dimension} values, row-major.
 */
public class EmbeddingSummary {
    public static final int DEFAULT_RESERVOIR_CAPACITY = 128;
    public static final long DEFAULT_SEED = 0x5EED_2026L;

    public int reservoirCapacity = DEFAULT_RESERVOIR_CAPACITY;

    /** State of the SplitMix64 generator that drives sampling. */
    public long rngState = DEFAULT_SEED;

    /** Vector length; 0 until the first valid vector. */
    public int dimension;

    /** Valid vectors recorded. */
    public long count;

    public double[] vectorSum = new double[0];
    public double[] unitVectorSum = new double[0];

    /** Sampled vectors, row-major, {@code reservoirSize * dimension} floats. */
    public float[] reservoir = new float[0];

    public int reservoirSize;

    public long dimensionMismatches;
    public long invalidVectors;

    public EmbeddingSummary() {}

    public EmbeddingSummary(int reservoirCapacity, long seed) {
        if (reservoirCapacity < 2) {
            throw new IllegalArgumentException("the reservoir needs room for at least 2 vectors");
        }
        this.reservoirCapacity = reservoirCapacity;
        this.rngState = seed;
    }

    public void add(float[] vector) {
        if (vector == null || vector.length == 0) {
            invalidVectors++;
            return;
        }
        if (dimension != 0 && vector.length != dimension) {
            dimensionMismatches++;
            return;
        }
        double norm = norm(vector);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            invalidVectors++;
            return;
        }
        if (dimension == 0) {
            initialise(vector.length);
        }
        count++;
        for (int d = 0; d < dimension; d++) {
            vectorSum[d] += vector[d];
            unitVectorSum[d] += vector[d] / norm;
        }
        sample(vector);
    }

    /** Adds another summary; a summary of another dimension is ignored and counted. */
    public void merge(EmbeddingSummary other) {
        invalidVectors += other.invalidVectors;
        dimensionMismatches += other.dimensionMismatches;
        if (other.dimension == 0) {
            return;
        }
        if (dimension == 0) {
            initialise(other.dimension);
        } else if (other.dimension != dimension) {
            dimensionMismatches += other.count;
            return;
        }
        for (int d = 0; d < dimension; d++) {
            vectorSum[d] += other.vectorSum[d];
            unitVectorSum[d] += other.unitVectorSum[d];
        }
        mergeReservoir(other);
        count += other.count;
        rngState = mix(rngState ^ Long.rotateLeft(other.rngState, 29));
    }

    public EmbeddingSummary copy() {
        EmbeddingSummary c = new EmbeddingSummary(reservoirCapacity, rngState);
        c.dimension = dimension;
        c.count = count;
        c.vectorSum = vectorSum.clone();
        c.unitVectorSum = unitVectorSum.clone();
        c.reservoir = reservoir.clone();
        c.reservoirSize = reservoirSize;
        c.dimensionMismatches = dimensionMismatches;
        c.invalidVectors = invalidVectors;
        return c;
    }

    /** Mean of the recorded vectors (empty before the first). */
    public double[] centroid() {
        double[] c = new double[dimension];
        for (int d = 0; d < dimension; d++) {
            c[d] = vectorSum[d] / count;
        }
        return c;
    }

    /** Exact mean cosine similarity of the recorded vectors to {@code direction}. */
    public double meanCosineSimilarityTo(double[] direction) {
        if (count == 0) {
            return Double.NaN;
        }
        if (direction.length != dimension) {
            throw new IllegalArgumentException(
                    "direction of dimension " + direction.length + ", summary " + dimension);
        }
        double dot = 0;
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            dot += unitVectorSum[d] * direction[d];
            norm += direction[d] * direction[d];
        }
        return norm == 0 ? Double.NaN : dot / (count * Math.sqrt(norm));
    }

    /** The {@code i}-th sampled vector (a copy). */
    public float[] sampled(int i) {
        if (i < 0 || i >= reservoirSize) {
            throw new IndexOutOfBoundsException(i);
        }
        return Arrays.copyOfRange(reservoir, i * dimension, (i + 1) * dimension);
    }

    /**
     * Median heuristic for the RBF kernel bandwidth: the median Euclidean distance between pairs of
     * sampled vectors (NaN with fewer than 2). Computed on the reference once it is captured, so
     * the kernel stays fixed while current windows are compared with it.
     */
    public double medianHeuristicBandwidth() {
        int n = reservoirSize;
        if (n < 2) {
            return Double.NaN;
        }
        double[] distances = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                distances[k++] = Math.sqrt(squaredDistance(this, i, this, j));
            }
        }
        return Quantiles.type7(sortedCopy(distances), 0.5);
    }

    static double squaredDistance(EmbeddingSummary a, int i, EmbeddingSummary b, int j) {
        int offsetA = i * a.dimension;
        int offsetB = j * b.dimension;
        double sum = 0;
        for (int d = 0; d < a.dimension; d++) {
            double diff = (double) a.reservoir[offsetA + d] - b.reservoir[offsetB + d];
            sum += diff * diff;
        }
        return sum;
    }

    private void initialise(int dim) {
        dimension = dim;
        vectorSum = new double[dim];
        unitVectorSum = new double[dim];
        reservoir = new float[0];
        reservoirSize = 0;
    }

    /**
     * Algorithm R. A reservoir that already stands for more vectors than it holds (after a merge)
     * is not topped up: it keeps its size and replaces with probability size / count.
     */
    private void sample(float[] vector) {
        if (reservoirSize < reservoirCapacity && reservoirSize == count - 1) {
            reservoir = Arrays.copyOf(reservoir, (reservoirSize + 1) * dimension);
            System.arraycopy(vector, 0, reservoir, reservoirSize * dimension, dimension);
            reservoirSize++;
            return;
        }
        long slot = nextBounded(count);
        if (slot < reservoirSize) {
            System.arraycopy(vector, 0, reservoir, (int) slot * dimension, dimension);
        }
    }

    /**
     * Takes from each reservoir in proportion to the vectors it stands for, as many as keep those
     * proportions with the sampled vectors available (and the capacity).
     */
    private void mergeReservoir(EmbeddingSummary other) {
        long total = count + other.count;
        double share = (double) count / total;
        double target = Math.min(reservoirCapacity, reservoirSize + other.reservoirSize);
        if (share > 0) {
            target = Math.min(target, Math.floor(reservoirSize / share + 1e-9));
        }
        if (share < 1) {
            target = Math.min(target, Math.floor(other.reservoirSize / (1 - share) + 1e-9));
        }
        int fromThis = (int) Math.min(reservoirSize, Math.round(target * share));
        int fromOther = (int) Math.min(other.reservoirSize, (long) target - fromThis);
        float[] merged = new float[(fromThis + fromOther) * dimension];
        int[] pickedThis = pick(reservoirSize, fromThis);
        int[] pickedOther = pick(other.reservoirSize, fromOther);
        for (int k = 0; k < fromThis; k++) {
            System.arraycopy(
                    reservoir, pickedThis[k] * dimension, merged, k * dimension, dimension);
        }
        for (int k = 0; k < fromOther; k++) {
            System.arraycopy(
                    other.reservoir,
                    pickedOther[k] * dimension,
                    merged,
                    (fromThis + k) * dimension,
                    dimension);
        }
        reservoir = merged;
        reservoirSize = fromThis + fromOther;
    }

    /** {@code k} distinct indexes out of {@code n} (partial Fisher-Yates). */
    private int[] pick(int n, int k) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + (int) nextBounded(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, k);
    }

    private long nextBounded(long bound) {
        rngState += 0x9E3779B97F4A7C15L;
        return (mix(rngState) >>> 1) % bound;
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static double[] sortedCopy(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
