package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class NumericHistogramTest {

    @Test
    void everyValueIsKnownWithinTheRelativeAccuracy() {
        NumericHistogram h = new NumericHistogram(0.01, 4096);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            double v = Math.exp(random.nextDouble(-15, 15));
            int bin = h.indexOf(v);
            assertThat(v)
                    .isGreaterThan(h.lowerBound(bin))
                    .isLessThanOrEqualTo(h.lowerBound(bin + 1));
            assertThat(Math.abs(h.representative(bin) - v) / v).isLessThanOrEqualTo(0.01 + 1e-12);
        }
    }

    @Test
    void keepsCountSumMinMaxAndAZeroBin() {
        NumericHistogram h = new NumericHistogram();
        h.add(0);
        h.add(0);
        h.add(12.5);
        h.add(3.0, 4);

        assertThat(h.count).isEqualTo(7);
        assertThat(h.zeroCount).isEqualTo(2);
        assertThat(h.sum).isEqualTo(24.5);
        assertThat(h.min).isZero();
        assertThat(h.max).isEqualTo(12.5);
        assertThat(h.occupiedBins()).isEqualTo(2);
        assertThat(h.binCounts).containsExactly(4, 1);
    }

    @Test
    void negativesAreClampedToZeroAndCountedAndNonFiniteValuesIgnored() {
        NumericHistogram h = new NumericHistogram();
        h.add(-3);
        h.add(Double.NaN);
        h.add(Double.POSITIVE_INFINITY);

        assertThat(h.count).isEqualTo(1);
        assertThat(h.zeroCount).isEqualTo(1);
        assertThat(h.negativeCount).isEqualTo(1);
        assertThat(h.invalidCount).isEqualTo(2);
        assertThat(h.min).isZero();
    }

    @Test
    void mergingEqualsAddingEverythingToOneHistogram() {
        SplittableRandom random = new SplittableRandom(2);
        NumericHistogram all = new NumericHistogram();
        NumericHistogram a = new NumericHistogram();
        NumericHistogram b = new NumericHistogram();
        for (int i = 0; i < 5_000; i++) {
            double v = random.nextInt(10) == 0 ? 0 : Math.exp(random.nextGaussian() * 2 + 5);
            all.add(v);
            (i % 3 == 0 ? a : b).add(v);
        }

        a.merge(b);

        assertThat(a.binIndexes).containsExactly(all.binIndexes);
        assertThat(a.binCounts).containsExactly(all.binCounts);
        assertThat(a.zeroCount).isEqualTo(all.zeroCount);
        assertThat(a.count).isEqualTo(all.count);
        assertThat(a.sum).isCloseTo(all.sum, within(1e-6 * all.sum));
        assertThat(a.min).isEqualTo(all.min);
        assertThat(a.max).isEqualTo(all.max);
    }

    @Test
    void theNumberOfBinsIsBoundedByCollapsingTheLowest() {
        NumericHistogram h = new NumericHistogram(0.01, 100);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            h.add(Math.exp(random.nextDouble(-10, 20)));
        }
        int highestBefore = h.binIndexes[h.binIndexes.length - 1];

        assertThat(h.occupiedBins()).isEqualTo(100);
        assertThat(Arrays.stream(h.binCounts).sum()).isEqualTo(20_000);
        // The top of the range keeps full resolution.
        assertThat(h.indexOf(h.max)).isEqualTo(highestBefore);

        NumericHistogram other = h.copy();
        other.add(1e12);
        h.merge(other);
        assertThat(h.occupiedBins()).isEqualTo(100);
        assertThat(h.count).isEqualTo(40_001);
    }

    @Test
    void histogramsOfDifferentAccuracyDoNotMix() {
        NumericHistogram coarse = new NumericHistogram(0.05, 100);
        coarse.add(1);
        NumericHistogram fine = new NumericHistogram();
        fine.add(1);

        assertThatThrownBy(() -> fine.merge(coarse)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistogramDriftStatistics.compute(fine, coarse))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesAreIndependent() {
        NumericHistogram h = new NumericHistogram();
        h.add(5);
        NumericHistogram c = h.copy();
        c.add(5);

        assertThat(h.binCounts).containsExactly(1);
        assertThat(c.binCounts).containsExactly(2);
    }

    @Test
    void isAFlinkPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(NumericHistogram.class);
    }
}
