package io.llmsentinel.detectors.drift.stats;

/**
 * Drift statistics between a reference and a current numeric distribution, whether computed exactly
 * from raw samples ({@link ExactDriftStatistics}) or from histograms ({@link
 * HistogramDriftStatistics}).
 *
 * @param nReference values in the reference
 * @param nCurrent values in the current window
 * @param ksStatistic two-sample Kolmogorov-Smirnov D in [0, 1]
 * @param ksPValue two-sided p-value of D (see {@link KolmogorovSmirnov})
 * @param wasserstein first Wasserstein distance, in the unit of the values
 * @param psi population stability index over the reference-decile bins
 * @param jensenShannon Jensen-Shannon distance (base 2, in [0, 1]) over the same bins
 */
public record NumericDrift(
        long nReference,
        long nCurrent,
        double ksStatistic,
        double ksPValue,
        double wasserstein,
        double psi,
        double jensenShannon) {}
