package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * First Wasserstein (earth mover's) distance between two one-dimensional distributions, as {@code
 * scipy.stats.wasserstein_distance(u, v[, u_weights, v_weights])}: the area between the two
 * cumulative distribution functions, {@code integral |U(x) - V(x)| dx}.
 */
public final class Wasserstein {
    private Wasserstein() {}

    /** Distance between two unweighted samples. */
    public static double distance(double[] u, double[] v) {
        return distance(u, null, v, null);
    }

    /**
     * Distance between two weighted samples; a {@code null} weight array means equal weights.
     * Weights must be finite, non-negative and sum to a positive value (scipy's rule).
     */
    public static double distance(double[] u, double[] uWeights, double[] v, double[] vWeights) {
        WeightedSample a = WeightedSample.of(u, uWeights);
        WeightedSample b = WeightedSample.of(v, vWeights);
        // Walk the merged, sorted support; between consecutive support points both CDFs are
        // constant, so the area is |U - V| times the gap.
        int i = 0;
        int j = 0;
        double cumA = 0;
        double cumB = 0;
        double area = 0;
        double previous = Double.NaN;
        while (i < a.values.length || j < b.values.length) {
            boolean takeA =
                    j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j]);
            double x = takeA ? a.values[i] : b.values[j];
            if (!Double.isNaN(previous)) {
                area += Math.abs(cumA / a.total - cumB / b.total) * (x - previous);
            }
            if (takeA) {
                cumA += a.weights[i++];
            } else {
                cumB += b.weights[j++];
            }
            previous = x;
        }
        return area;
    }

    /** Values sorted ascending with their weights carried along. */
    private static final class WeightedSample {
        final double[] values;
        final double[] weights;
        final double total;

        private WeightedSample(double[] values, double[] weights, double total) {
            this.values = values;
            this.weights = weights;
            this.total = total;
        }

        static WeightedSample of(double[] values, double[] weights) {
            if (values.length == 0) {
                throw new IllegalArgumentException("Wasserstein distance of an empty sample");
            }
            for (double x : values) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("non-finite value " + x);
                }
            }
            if (weights == null) {
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                double[] ones = new double[sorted.length];
                Arrays.fill(ones, 1.0);
                return new WeightedSample(sorted, ones, sorted.length);
            }
            if (weights.length != values.length) {
                throw new IllegalArgumentException("one weight per value is needed");
            }
            double total = 0;
            for (double w : weights) {
                if (!(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and non-negative");
                }
                total += w;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("weights must sum to a positive value");
            }
            Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(k -> values[k]));
            double[] sortedValues = new double[values.length];
            double[] sortedWeights = new double[values.length];
            for (int k = 0; k < order.length; k++) {
                sortedValues[k] = values[order[k]];
                sortedWeights[k] = weights[order[k]];
            }
            return new WeightedSample(sortedValues, sortedWeights, total);
        }
    }
}
