package io.llmsentinel.detectors.drift.stats;

import java.util.List;

/**
 * Drift statistics between a reference and a current categorical distribution.
 *
 * @param nReference values in the reference
 * @param nCurrent values in the current window
 * @param chi2Statistic chi-square goodness-of-fit of the current counts against the reference
 *     shares (see {@link CategoricalDriftStatistics})
 * @param chi2PValue its p-value, with (categories - 1) degrees of freedom
 * @param psi population stability index over the category shares
 * @param jensenShannon Jensen-Shannon distance (base 2) over the category shares
 * @param movedCategories categories by decreasing absolute change of share, for evidence
 */
public record CategoricalDrift(
        long nReference,
        long nCurrent,
        double chi2Statistic,
        double chi2PValue,
        double psi,
        double jensenShannon,
        List<MovedCategory> movedCategories) {
    public CategoricalDrift {
        movedCategories = List.copyOf(movedCategories);
    }
}
