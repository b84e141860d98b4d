package io.llmsentinel.detectors.drift;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini-Hochberg step-up procedure: which of m p-values are discoveries at false discovery
 * rate q. Eleven features tested every five minutes per key would, at a plain 1% level, raise a
 * false alarm somewhere every few evaluations; controlling the rate across a key's features keeps
 * the expected share of false discoveries at q. Hand-written because it is ten lines and Commons
 * Statistics has no multiple-testing module.
 */
final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /**
     * @return the largest p-value that is still a discovery, or -1 when there is none; NaN p-values
     *     (untested features) count towards nothing
     */
    static double cutoff(double[] pValues, double q) {
        Integer[] order = new Integer[pValues.length];
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[m++] = i;
            }
        }
        Integer[] tested = Arrays.copyOf(order, m);
        Arrays.sort(tested, Comparator.comparingDouble(i -> pValues[i]));
        double cutoff = -1;
        for (int k = 0; k < m; k++) {
            double p = pValues[tested[k]];
            if (p <= q * (k + 1) / m) {
                cutoff = p;
            }
        }
        return cutoff;
    }
}
