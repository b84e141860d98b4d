package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class EmbeddingSummaryTest {
    private static final int DIM = 16;

    @Test
    void centroidAndMeanSimilarityAreExact() {
        List<float[]> vectors = cluster(new SplittableRandom(1), 500, 0, 0.5f);
        EmbeddingSummary s = new EmbeddingSummary(8, 1);
        vectors.forEach(s::add);

        double[] centroid = new double[DIM];
        for (float[] v : vectors) {
            for (int d = 0; d < DIM; d++) {
                centroid[d] += v[d] / 500.0;
            }
        }
        double meanCos =
                vectors.stream().mapToDouble(v -> cosine(v, centroid)).average().orElseThrow();

        assertThat(s.centroid()).containsExactly(centroid, within(1e-9));
        assertThat(s.meanCosineSimilarityTo(centroid)).isCloseTo(meanCos, within(1e-12));
        assertThat(s.reservoirSize).isEqualTo(8);
        assertThat(s.reservoir).hasSize(8 * DIM);
    }

    @Test
    void theReservoirIsDeterministicAndSpreadOverTheWholeStream() {
        EmbeddingSummary a = new EmbeddingSummary(100, 7);
        EmbeddingSummary b = new EmbeddingSummary(100, 7);
        for (int i = 0; i < 10_000; i++) {
            float[] v = new float[DIM];
            v[0] = i;
            v[1] = 1;
            a.add(v);
            b.add(v.clone());
        }

        assertThat(a.reservoir).containsExactly(b.reservoir);
        double meanPosition = 0;
        for (int i = 0; i < a.reservoirSize; i++) {
            meanPosition += a.sampled(i)[0] / a.reservoirSize;
        }
        // A uniform sample of 0..9999 has mean 4999.5 with a standard error of ~290.
        assertThat(meanPosition).isBetween(4_000.0, 6_000.0);
    }

    @Test
    void mergingSamplesEachSideInProportionToWhatItStandsFor() {
        EmbeddingSummary big = new EmbeddingSummary(128, 1);
        EmbeddingSummary small = new EmbeddingSummary(128, 2);
        for (int i = 0; i < 9_000; i++) {
            big.add(marker(1));
        }
        for (int i = 0; i < 1_000; i++) {
            small.add(marker(2));
        }

        big.merge(small);

        int fromSmall = 0;
        for (int i = 0; i < big.reservoirSize; i++) {
            fromSmall += big.sampled(i)[0] == 2 ? 1 : 0;
        }
        assertThat(big.count).isEqualTo(10_000);
        assertThat(big.reservoirSize).isEqualTo(128);
        assertThat(fromSmall).isEqualTo(13); // round(128 * 0.1)
    }

    @Test
    void mergingTwoSmallExactReservoirsKeepsEverything() {
        EmbeddingSummary a = new EmbeddingSummary(128, 1);
        EmbeddingSummary b = new EmbeddingSummary(128, 2);
        for (int i = 0; i < 30; i++) {
            a.add(marker(1));
            b.add(marker(2));
        }
        b.add(marker(2));

        a.merge(b);
        a.add(marker(3));

        assertThat(a.reservoirSize).isEqualTo(62);
        assertThat(a.count).isEqualTo(62);
    }

    @Test
    void otherDimensionsAndDegenerateVectorsAreIgnoredAndCounted() {
        EmbeddingSummary s = new EmbeddingSummary();
        s.add(marker(1));
        s.add(new float[DIM + 1]);
        s.add(new float[DIM]); // no direction
        s.add(null);
        float[] nan = marker(1);
        nan[3] = Float.NaN;
        s.add(nan);

        assertThat(s.count).isEqualTo(1);
        assertThat(s.dimensionMismatches).isEqualTo(1);
        assertThat(s.invalidVectors).isEqualTo(3);

        EmbeddingSummary other = new EmbeddingSummary();
        other.add(new float[] {1, 2});
        s.merge(other);
        assertThat(s.count).isEqualTo(1);
        assertThat(s.dimensionMismatches).isEqualTo(2);
    }

    @Test
    void unbiasedMmdOnTinySamplesByHand() {
        // x = y = {0, 1}, sigma = 1: k(0,1) = e^-0.5. Within-sample means (diagonal excluded)
        // are e^-0.5 each; the cross mean is (2 + 2 e^-0.5) / 4. MMD^2 = e^-0.5 - 1 < 0.
        EmbeddingSummary x = of(new float[] {0, 1}, new float[] {1, 1});
        EmbeddingSummary y = of(new float[] {0, 1}, new float[] {1, 1});
        assertThat(EmbeddingDriftStatistics.unbiasedMmd2(x, y, 1))
                .isCloseTo(Math.exp(-0.5) - 1, within(1e-12));

        // x = {0, 0}, y = {3, 3}: 1 + 1 - 2 e^-4.5.
        EmbeddingSummary near = of(new float[] {0, 1}, new float[] {0, 1});
        EmbeddingSummary far = of(new float[] {3, 1}, new float[] {3, 1});
        assertThat(EmbeddingDriftStatistics.unbiasedMmd2(near, far, 1))
                .isCloseTo(2 - 2 * Math.exp(-4.5), within(1e-12));
    }

    @Test
    void aTopicShiftMovesEveryStatisticAndNoShiftMovesNone() {
        SplittableRandom random = new SplittableRandom(5);
        EmbeddingSummary reference = summaryOf(cluster(random, 2_000, 0, 0.6f));
        EmbeddingSummary same = summaryOf(cluster(random, 2_000, 0, 0.6f));
        EmbeddingSummary shifted = summaryOf(cluster(random, 2_000, 1, 0.6f));
        double sigma = reference.medianHeuristicBandwidth();

        EmbeddingDrift quiet = EmbeddingDriftStatistics.compute(reference, same, sigma);
        EmbeddingDrift drift = EmbeddingDriftStatistics.compute(reference, shifted, sigma);

        assertThat(quiet.centroidCosineDistance()).isLessThan(0.01);
        assertThat(Math.abs(quiet.meanSimilarityDrop())).isLessThan(0.02);
        assertThat(Math.abs(quiet.mmd2())).isLessThan(0.02);
        assertThat(drift.centroidCosineDistance()).isGreaterThan(0.3);
        assertThat(drift.meanSimilarityDrop()).isGreaterThan(0.15);
        assertThat(drift.mmd2()).isGreaterThan(0.2);
        assertThat(drift.bandwidth()).isEqualTo(sigma);
    }

    @Test
    void isAFlinkPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EmbeddingSummary.class);
    }

    /** Vectors around axis {@code axis}, isotropic noise of the given scale. */
    static List<float[]> cluster(SplittableRandom random, int n, int axis, float noise) {
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) (random.nextGaussian() * noise / Math.sqrt(DIM));
            }
            v[axis] += 1;
            out.add(v);
        }
        return out;
    }

    static EmbeddingSummary summaryOf(List<float[]> vectors) {
        return summaryOf(vectors, EmbeddingSummary.DEFAULT_RESERVOIR_CAPACITY);
    }

    /** With a reservoir as large as the input, the "sample" is every vector. */
    static EmbeddingSummary summaryOf(List<float[]> vectors, int reservoirCapacity) {
        EmbeddingSummary s = new EmbeddingSummary(reservoirCapacity, 3);
        vectors.forEach(s::add);
        return s;
    }

    private static EmbeddingSummary of(float[]... vectors) {
        EmbeddingSummary s = new EmbeddingSummary(16, 1);
        for (float[] v : vectors) {
            s.add(v);
        }
        return s;
    }

    private static float[] marker(float value) {
        float[] v = new float[DIM];
        v[0] = value;
        return v;
    }

    private static double cosine(float[] v, double[] c) {
        double dot = 0;
        double nv = 0;
        double nc = 0;
        for (int d = 0; d < v.length; d++) {
            dot += v[d] * c[d];
            nv += (double) v[d] * v[d];
            nc += c[d] * c[d];
        }
        return dot / Math.sqrt(nv * nc);
    }
}
