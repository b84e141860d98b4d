package io.llmsentinel.bench;

import java.util.List;

/** Median and range of a few runs: with 3 runs on a shared machine, the mean says little. */
record Stats(double median, double min, double max) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN);
        }
        int mid = v.length / 2;
        double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Stats(median, v[0], v[v.length - 1]);
    }

    static Stats ofFinite(List<Double> values) {
        return of(values.stream().filter(Double::isFinite).toList());
    }
}
