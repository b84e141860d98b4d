package io.llmsentinel.detectors.drift.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Categorical drift: chi-square, PSI and Jensen-Shannon over the union of observed categories.
 *
 * <p>The chi-square test follows Evidently's {@code chi_stat_test}: the current counts are the
 * observations, the reference shares times the current total are the expectations ({@code
 * scipy.stats.chisquare(f_obs=current, f_exp=reference_share * n_current)}), with {@code categories
 * - 1} degrees of freedom. It asks "does the current window look like a draw from the reference
 * distribution?", treating the reference as known; a 2xK contingency (homogeneity) test would also
 * charge the reference's own sampling noise and is less sensitive.
 *
 * <p>A category absent from the reference has expectation 0, for which the statistic is infinite
 * (scipy returns {@code inf} and p = 0). Here its reference share is floored at {@link
 * Divergences#EMPTY_SHARE}, like PSI, and the expectations are rescaled to the current total: the
 * statistic stays finite and a new category that takes a real share still drives the p-value to
 * about 0. Without new categories the result is exactly Evidently's.
 */
public final class CategoricalDriftStatistics {
    /** Moved categories kept as evidence unless asked otherwise. */
    public static final int DEFAULT_MOVED_CATEGORIES = 5;

    private CategoricalDriftStatistics() {}

    /** Statistics between two bounded category summaries. */
    public static CategoricalDrift compute(CategoryCounts reference, CategoryCounts current) {
        return compute(reference, current, DEFAULT_MOVED_CATEGORIES);
    }

    /**
     * Statistics between two bounded category summaries, keeping {@code movedCategories}.
     *
     * <p>The two summaries fold their tails independently, so a category can be tracked on one side
     * and hidden in {@code __other__} on the other; compared as is it would look like a new (or
     * vanished) category. The sides are therefore aligned first: a category tracked on only one
     * side is compared as such only when the other side folded nothing (then it truly is absent
     * there); otherwise it joins {@code __other__} on its side too, so both {@code __other__}s
     * stand for the same set of categories.
     */
    public static CategoricalDrift compute(
            CategoryCounts reference, CategoryCounts current, int movedCategories) {
        Map<String, Long> ref = reference.asMap();
        Map<String, Long> cur = current.asMap();
        foldCategoriesTheOtherSideMayHide(ref, cur, current.otherCount > 0);
        foldCategoriesTheOtherSideMayHide(cur, ref, reference.otherCount > 0);
        return fromCounts(ref, cur, movedCategories);
    }

    private static void foldCategoriesTheOtherSideMayHide(
            Map<String, Long> side, Map<String, Long> otherSide, boolean otherSideFolded) {
        if (!otherSideFolded) {
            return;
        }
        long folded = 0;
        for (var it = side.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals(CategoryCounts.OTHER) && !otherSide.containsKey(e.getKey())) {
                folded += e.getValue();
                it.remove();
            }
        }
        if (folded > 0) {
            side.merge(CategoryCounts.OTHER, folded, Long::sum);
        }
    }

    /** Statistics between two category-to-count maps (zero counts are allowed). */
    public static CategoricalDrift fromCounts(
            Map<String, Long> reference, Map<String, Long> current, int movedCategories) {
        TreeSet<String> union = new TreeSet<>(reference.keySet());
        union.addAll(current.keySet());
        String[] names = union.toArray(String[]::new);
        long[] ref = new long[names.length];
        long[] cur = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            ref[i] = reference.getOrDefault(names[i], 0L);
            cur[i] = current.getOrDefault(names[i], 0L);
        }
        return fromCounts(names, ref, cur, movedCategories);
    }

    /** Statistics from aligned count arrays. */
    public static CategoricalDrift fromCounts(
            String[] categories, long[] reference, long[] current, int movedCategories) {
        if (categories.length != reference.length || categories.length != current.length) {
            throw new IllegalArgumentException("one count per category on each side is needed");
        }
        long nRef = total(reference);
        long nCur = total(current);
        if (nRef == 0 || nCur == 0) {
            throw new IllegalArgumentException("both sides need at least one value");
        }
        double[] refShares = Divergences.flooredShares(reference);
        double[] curShares = Divergences.flooredShares(current);
        ChiSquare chi2 = chiSquare(refShares, current, nCur);
        return new CategoricalDrift(
                nRef,
                nCur,
                chi2.statistic(),
                chi2.pValue(),
                Divergences.psi(refShares, curShares),
                Divergences.jensenShannon(refShares, curShares, 2),
                moved(categories, reference, nRef, current, nCur, movedCategories));
    }

    private record ChiSquare(double statistic, double pValue) {}

    private static ChiSquare chiSquare(double[] refShares, long[] current, long nCur) {
        if (refShares.length < 2) {
            // A single category cannot move (commons needs two): no evidence of drift.
            return new ChiSquare(0, 1);
        }
        double[] expected = new double[refShares.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = refShares[i] * nCur;
        }
        var result = ChiSquareTest.withDefaults().test(expected, current);
        return new ChiSquare(result.getStatistic(), result.getPValue());
    }

    private static List<MovedCategory> moved(
            String[] categories, long[] ref, long nRef, long[] cur, long nCur, int limit) {
        List<MovedCategory> all = new ArrayList<>(categories.length);
        for (int i = 0; i < categories.length; i++) {
            all.add(
                    new MovedCategory(
                            categories[i], (double) ref[i] / nRef, (double) cur[i] / nCur));
        }
        all.sort(
                Comparator.comparingDouble((MovedCategory m) -> -Math.abs(m.change()))
                        .thenComparing(MovedCategory::category));
        return all.subList(0, Math.min(Math.max(0, limit), all.size()));
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count");
            }
            total += c;
        }
        return total;
    }
}
