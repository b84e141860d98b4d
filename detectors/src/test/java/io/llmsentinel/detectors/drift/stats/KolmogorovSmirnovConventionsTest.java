package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** How the commons test is configured to follow scipy, and the p-value from a CDF gap. */
class KolmogorovSmirnovConventionsTest {

    @Test
    void tenThousandPerSampleIsStillExactAsInScipy() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = random.doubles(10_000).toArray();
        double[] y = random.doubles(10_000).map(v -> v * 1.03).toArray();

        double ours = KolmogorovSmirnov.test(x, y).pValue();

        double exact =
                KolmogorovSmirnovTest.withDefaults()
                        .with(PValueMethod.EXACT)
                        .test(x, y)
                        .getPValue();
        double commonsAuto = KolmogorovSmirnovTest.withDefaults().test(x, y).getPValue();
        assertThat(ours).isEqualTo(exact);
        // Commons AUTO is already asymptotic here; the two differ measurably.
        assertThat(commonsAuto).isNotEqualTo(exact);
    }

    @Test
    void aboveTenThousandTheAsymptoticFormIsUsed() {
        SplittableRandom random = new SplittableRandom(4);
        double[] x = random.doubles(10_001).toArray();
        double[] y = random.doubles(10_000).map(v -> v * 1.03).toArray();

        double asymptotic =
                KolmogorovSmirnovTest.withDefaults()
                        .with(PValueMethod.ASYMPTOTIC)
                        .test(x, y)
                        .getPValue();
        assertThat(KolmogorovSmirnov.test(x, y).pValue())
                .isCloseTo(asymptotic, Percentage.withPercentage(1e-7));
    }

    @Test
    void theAsymptoticSizeIsRoundedHalfToEvenLikeNumpy() {
        // n = m = 10001: n m / (n + m) = 5000.5. scipy uses kstwo.sf(d, 5000) = 0.2085551285...
        // (ks_2samp on these samples, scipy 1.17); commons' own rounding gives N = 5001
        // (0.2084616...).
        KolmogorovSmirnov.Result r =
                KolmogorovSmirnov.test(blocks(5000, 10_001), blocks(5150, 10_001));

        assertThat(r.statistic()).isCloseTo(150 / 10_001.0, within(1e-16));
        assertThat(r.pValue()).isCloseTo(0.20855512853234703, Percentage.withPercentage(1e-8));
    }

    @Test
    void gapPValueEqualsTheRawSampleTestInTheExactRegime() {
        // 300 of 1000 reference values and 420 of 1500 current values below some point.
        double[] x = blocks(300, 1000);
        double[] y = blocks(420, 1500);

        KolmogorovSmirnov.Result fromGap = KolmogorovSmirnov.fromLargestGap(300, 1000, 420, 1500);

        KolmogorovSmirnov.Result raw = KolmogorovSmirnov.test(x, y);
        assertThat(fromGap.statistic()).isEqualTo(raw.statistic()).isCloseTo(0.02, within(1e-15));
        assertThat(fromGap.pValue()).isEqualTo(raw.pValue());
    }

    @Test
    void gapPValueEqualsTheRawSampleTestInTheAsymptoticRegime() {
        for (int[] c :
                new int[][] {{6_000, 20_000, 7_000, 30_000}, {9_000, 40_000, 9_600, 40_000}}) {
            KolmogorovSmirnov.Result fromGap =
                    KolmogorovSmirnov.fromLargestGap(c[0], c[1], c[2], c[3]);

            KolmogorovSmirnov.Result raw =
                    KolmogorovSmirnov.test(blocks(c[0], c[1]), blocks(c[2], c[3]));
            assertThat(fromGap.statistic()).isCloseTo(raw.statistic(), within(1e-15));
            assertThat(fromGap.pValue()).isCloseTo(raw.pValue(), Percentage.withPercentage(1e-7));
        }
    }

    @Test
    void hugeSamplesRescaleTheStatisticWithinHalfAPercent() {
        // N = round(n m / (n + m)) = 400 000, above the 250 000 points handed to commons.
        int n = 800_000;
        KolmogorovSmirnov.Result fromGap = KolmogorovSmirnov.fromLargestGap(400_000, n, 401_900, n);

        double raw = KolmogorovSmirnov.test(blocks(400_000, n), blocks(401_900, n)).pValue();
        assertThat(fromGap.pValue()).isBetween(1e-3, 0.1);
        assertThat(fromGap.pValue()).isCloseTo(raw, Percentage.withPercentage(0.5));
    }

    @Test
    void noGapMeansNoEvidence() {
        assertThat(KolmogorovSmirnov.fromLargestGap(5, 10, 50, 100).pValue()).isEqualTo(1.0);
        assertThat(KolmogorovSmirnov.fromLargestGap(5000, 20_000, 5000, 20_000).pValue())
                .isEqualTo(1.0);
    }

    /** {@code below} zeros followed by ones: the empirical CDF is {@code below / n} on [0, 1). */
    private static double[] blocks(int below, int n) {
        double[] x = new double[n];
        Arrays.fill(x, below, n, 1.0);
        return x;
    }
}
