package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Small cases whose expected values are worked out by hand (derivations in the comments). */
class HandDerivedStatisticsTest {

    @Test
    void ksOnOverlappingSamplesWithTies() {
        // F_ref - F_cur: at 2: 2/4 - 0 = 0.5; at 3: 3/4 - 1/4; at 4: 1 - 2/4. D = 0.5.
        // n = m = 4, D = a/n with a = 2: P(D >= 2/4) = 2 [C(8,2) - C(8,0)] / C(8,4) = 54/70.
        KolmogorovSmirnov.Result r =
                KolmogorovSmirnov.test(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6});

        assertThat(r.statistic()).isEqualTo(0.5);
        assertThat(r.pValue()).isCloseTo(54.0 / 70, within(1e-14));
    }

    @Test
    void ksOnDisjointSamples() {
        // Every value of one precedes every value of the other: D = 1, reached by 2 of the
        // C(8,4) = 70 equally likely orderings.
        KolmogorovSmirnov.Result r =
                KolmogorovSmirnov.test(new double[] {5, 6, 7, 8}, new double[] {1, 2, 3, 4});

        assertThat(r.statistic()).isEqualTo(1.0);
        assertThat(r.pValue()).isCloseTo(2.0 / 70, within(1e-15));
    }

    @Test
    void ksOfIdenticalTiedSamplesIsZeroWithPValueOne() {
        KolmogorovSmirnov.Result r =
                KolmogorovSmirnov.test(new double[] {0, 0, 0, 1, 1}, new double[] {0, 0, 0, 1, 1});

        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void wassersteinIsTheMassTimesTheDistanceItMoves() {
        // Half the mass moves from 0 to 1, half from 2 to 1.
        assertThat(Wasserstein.distance(new double[] {0, 2}, new double[] {1})).isEqualTo(1.0);
        // A shift by c moves everything by c.
        assertThat(Wasserstein.distance(new double[] {1, 4, 9}, new double[] {3.5, 6.5, 11.5}))
                .isCloseTo(2.5, within(1e-12));
        // Weight 3:1 at {0, 1} vs 1:1 at {0, 1}: a quarter of the mass moves a distance 1.
        assertThat(
                        Wasserstein.distance(
                                new double[] {0, 1},
                                new double[] {3, 1},
                                new double[] {0, 1},
                                new double[] {1, 1}))
                .isCloseTo(0.25, within(1e-15));
    }

    @Test
    void decilesInterpolateLinearlyLikeNumpy() {
        double[] zeroTo99 = IntStream.range(0, 100).asDoubleStream().toArray();
        // Virtual index 99 * 0.1 = 9.9 -> 9 + 0.9 * (10 - 9).
        assertThat(DecileBins.innerEdges(zeroTo99))
                .containsExactly(
                        new double[] {9.9, 19.8, 29.7, 39.6, 49.5, 59.4, 69.3, 79.2, 89.1},
                        within(1e-12));
        assertThat(Quantiles.type7(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.type7(new double[] {7}, 0.3)).isEqualTo(7);
    }

    @Test
    void valuesOnAnEdgeGoToTheUpperBin() {
        double[] edges = {1, 2};
        assertThat(DecileBins.counts(new double[] {0.5, 1, 1.5, 2, 3}, edges))
                .containsExactly(1, 2, 2);
    }

    @Test
    void repeatedDecilesCollapseIntoOneEdge() {
        // 60% zeros: deciles 1..5 are 0 (the 6th is at virtual index 5.4, between 0 and 1).
        double[] sorted = {0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
        double[] edges = DecileBins.innerEdges(sorted);

        assertThat(edges).containsExactly(new double[] {0, 0.4, 1.3, 2.2, 3.1}, within(1e-12));
        // All zeros share a bin with nothing below them.
        assertThat(DecileBins.counts(sorted, edges)).containsExactly(0, 6, 1, 1, 1, 1);
    }

    @Test
    void psiAndJensenShannonOnHalfTheReferenceRange() {
        // Reference 0..99: 10 values per decile bin, shares 0.1. Current 0..49: 10 values in
        // each of the first 5 bins (share 0.2), the last 5 empty (floored to 1e-4).
        double[] ref = IntStream.range(0, 100).asDoubleStream().toArray();
        double[] cur = IntStream.range(0, 50).asDoubleStream().toArray();

        NumericDrift d = ExactDriftStatistics.numeric(ref, cur);

        double psi = 5 * (0.2 - 0.1) * Math.log(2) + 5 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
        assertThat(d.psi()).isCloseTo(psi, within(1e-12));
        // jensenshannon normalises q by its sum 1.0005; m = (p + q) / 2 per bin.
        double qHigh = 0.2 / 1.0005;
        double qLow = 1e-4 / 1.0005;
        double mHigh = (0.1 + qHigh) / 2;
        double mLow = (0.1 + qLow) / 2;
        double divergence =
                (5 * (0.1 * Math.log(0.1 / mHigh) + 0.1 * Math.log(0.1 / mLow))
                                + 5
                                        * (qHigh * Math.log(qHigh / mHigh)
                                                + qLow * Math.log(qLow / mLow)))
                        / 2
                        / Math.log(2);
        assertThat(d.jensenShannon()).isCloseTo(Math.sqrt(divergence), within(1e-12));
        // Every reference value above 49 moves down to the current sample's quantile: W1 = 25.
        assertThat(d.wasserstein()).isCloseTo(25.0, within(1e-9));
        assertThat(d.ksStatistic()).isEqualTo(0.5);
    }

    @Test
    void chiSquareOfAFiftyFiftyReferenceAgainstThirtySeventy() {
        // Expected 50 / 50 of 100: (30-50)^2/50 + (70-50)^2/50 = 16 with 1 degree of freedom;
        // P(chi2_1 > 16) = erfc(sqrt(8)) = 6.3342483666e-5.
        CategoricalDrift d =
                ExactDriftStatistics.categorical(
                        repeat("a", 50, "b", 50), repeat("a", 30, "b", 70));

        assertThat(d.chi2Statistic()).isCloseTo(16.0, within(1e-12));
        assertThat(d.chi2PValue()).isCloseTo(6.334248366623988e-05, within(1e-15));
        assertThat(d.psi())
                .isCloseTo(-0.2 * Math.log(0.3 / 0.5) + 0.2 * Math.log(0.7 / 0.5), within(1e-12));
        assertThat(d.movedCategories())
                .extracting(MovedCategory::category)
                .containsExactly("a", "b");
        assertThat(d.movedCategories().get(0).change()).isCloseTo(-0.2, within(1e-12));
    }

    @Test
    void aCategoryNewInTheCurrentWindowIsFlooredNotInfinite() {
        CategoricalDrift d =
                ExactDriftStatistics.categorical(
                        repeat("a", 50, "b", 50), repeat("a", 40, "b", 40, "c", 20));

        // Expected for c: 1e-4 * 100 (rescaled): chi2 dominated by (20 - ~0.01)^2 / ~0.01.
        assertThat(d.chi2Statistic()).isGreaterThan(30_000).isFinite();
        assertThat(d.chi2PValue()).isLessThan(1e-100);
        assertThat(d.movedCategories().get(0).category()).isEqualTo("c");
    }

    @Test
    void aSingleCategoryCannotDrift() {
        CategoricalDrift d = ExactDriftStatistics.categorical(List.of("x", "x"), List.of("x"));

        assertThat(d.chi2Statistic()).isZero();
        assertThat(d.chi2PValue()).isEqualTo(1.0);
        assertThat(d.psi()).isZero();
        assertThat(d.jensenShannon()).isZero();
    }

    @Test
    void tooSmallSamplesAreRejected() {
        assertThatThrownBy(
                        () -> ExactDriftStatistics.numeric(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    private static List<String> repeat(Object... nameCountPairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nameCountPairs.length; i += 2) {
            for (int k = 0; k < (Integer) nameCountPairs[i + 1]; k++) {
                out.add((String) nameCountPairs[i]);
            }
        }
        return out;
    }
}
