package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.ZipfDistribution;
import org.junit.jupiter.api.Test;

/**
 * Summary-based statistics against the exact statistics on the same generated data: the measured
 * errors are printed (and copied into docs/drift-statistics.md) and bounded here.
 */
class SummaryApproximationTest {
    private static final double ALPHA = 0.05;

    /** One reference/current pair of generated telemetry-like values. */
    private record Pair(String name, double[] reference, double[] current) {}

    @Test
    void histogramStatisticsStayCloseToTheExactOnes() {
        double maxKs = 0;
        double maxRelW1 = 0;
        double maxW1OverMean = 0;
        double maxPsi = 0;
        double maxJs = 0;
        int decisions = 0;
        int disagreements = 0;
        StringBuilder table =
                new StringBuilder(
                        String.format(
                                "%-28s %7s %7s | %8s %8s | %9s %9s | %8s %8s | %8s %8s | %9s %9s%n",
                                "case", "n", "m", "ks", "~ks", "w1", "~w1", "psi", "~psi", "js",
                                "~js", "p", "~p"));
        for (Pair pair : pairs()) {
            NumericDrift exact = ExactDriftStatistics.numeric(pair.reference, pair.current);
            NumericDrift approx =
                    HistogramDriftStatistics.compute(
                            slicedHistogram(pair.reference), slicedHistogram(pair.current));
            table.append(
                    String.format(
                            "%-28s %7d %7d | %8.5f %8.5f | %9.4g %9.4g | %8.5f %8.5f | %8.5f %8.5f | %9.3g %9.3g%n",
                            pair.name,
                            exact.nReference(),
                            exact.nCurrent(),
                            exact.ksStatistic(),
                            approx.ksStatistic(),
                            exact.wasserstein(),
                            approx.wasserstein(),
                            exact.psi(),
                            approx.psi(),
                            exact.jensenShannon(),
                            approx.jensenShannon(),
                            exact.ksPValue(),
                            approx.ksPValue()));

            assertThat(approx.nReference()).isEqualTo(exact.nReference());
            double mean = Math.max(mean(pair.reference), mean(pair.current));
            double w1Error = Math.abs(approx.wasserstein() - exact.wasserstein());
            maxKs = Math.max(maxKs, Math.abs(approx.ksStatistic() - exact.ksStatistic()));
            maxW1OverMean = Math.max(maxW1OverMean, w1Error / mean);
            if (exact.wasserstein() > 0.05 * mean) {
                maxRelW1 = Math.max(maxRelW1, w1Error / exact.wasserstein());
            }
            maxPsi = Math.max(maxPsi, Math.abs(approx.psi() - exact.psi()));
            maxJs = Math.max(maxJs, Math.abs(approx.jensenShannon() - exact.jensenShannon()));
            decisions++;
            if ((exact.ksPValue() < ALPHA) != (approx.ksPValue() < ALPHA)) {
                disagreements++;
                // Only a p-value already near the threshold may flip.
                assertThat(exact.ksPValue()).as(pair.name).isBetween(ALPHA / 5, ALPHA * 5);
            }
        }
        table.append(
                String.format(
                        "max |dKS| %.5f, max |dW1|/W1 (W1 > 5%% of mean) %.4f, max |dW1|/mean %.5f,"
                                + " max |dPSI| %.5f, max |dJS| %.5f, KS decisions at %.2f: %d/%d"
                                + " agree%n",
                        maxKs,
                        maxRelW1,
                        maxW1OverMean,
                        maxPsi,
                        maxJs,
                        ALPHA,
                        decisions - disagreements,
                        decisions));
        System.out.print(table);

        // Bounds about twice the measured maxima (see the docs for the table).
        assertThat(maxKs).isLessThanOrEqualTo(0.012);
        assertThat(maxRelW1).isLessThanOrEqualTo(0.005);
        assertThat(maxW1OverMean).isLessThanOrEqualTo(0.001);
        assertThat(maxPsi).isLessThanOrEqualTo(0.01);
        assertThat(maxJs).isLessThanOrEqualTo(0.008);
        assertThat(disagreements).isLessThanOrEqualTo(1);
    }

    @Test
    void categoryStatisticsAreExactUntilTheTailIsFolded() {
        SplittableRandom random = new SplittableRandom(11);
        ZipfDistribution zipfRef = ZipfDistribution.of(1000, 1.3);
        ZipfDistribution zipfCur = ZipfDistribution.of(1000, 1.2);
        var refSampler = zipfRef.createSampler(rng(random));
        var curSampler = zipfCur.createSampler(rng(random));
        Map<String, Long> refExact = new HashMap<>();
        Map<String, Long> curExact = new HashMap<>();
        CategoryCounts ref = new CategoryCounts(64);
        CategoryCounts cur = new CategoryCounts(64);
        for (int i = 0; i < 20_000; i++) {
            String r = "tool-" + refSampler.sample();
            String c = "tool-" + curSampler.sample();
            refExact.merge(r, 1L, Long::sum);
            curExact.merge(c, 1L, Long::sum);
            ref.add(r);
            cur.add(c);
        }

        CategoricalDrift exact = CategoricalDriftStatistics.fromCounts(refExact, curExact, 5);
        CategoricalDrift summary = CategoricalDriftStatistics.compute(ref, cur);

        System.out.printf(
                "categories: exact %d/%d distinct, summary %d/%d tracked; psi %.4f vs %.4f,"
                        + " js %.4f vs %.4f, chi2 p %.3g vs %.3g%n",
                refExact.size(),
                curExact.size(),
                ref.categories.length,
                cur.categories.length,
                exact.psi(),
                summary.psi(),
                exact.jensenShannon(),
                summary.jensenShannon(),
                exact.chi2PValue(),
                summary.chi2PValue());
        assertThat(ref.categories.length).isLessThanOrEqualTo(128);
        // Head categories are tracked from the start, so their shares are exact; the folded tail
        // may itself be the most moved "category".
        assertThat(summary.movedCategories())
                .filteredOn(m -> !m.category().equals(CategoryCounts.OTHER))
                .first()
                .isEqualTo(exact.movedCategories().get(0));
        // Folding the tail into one category can only hide divergence (up to the 1e-4 floors).
        assertThat(summary.jensenShannon()).isLessThanOrEqualTo(exact.jensenShannon() + 1e-9);
        assertThat(summary.chi2PValue() < ALPHA).isEqualTo(exact.chi2PValue() < ALPHA);
    }

    @Test
    void mmdOnReservoirsTracksTheMmdOfAllVectors() {
        SplittableRandom random = new SplittableRandom(12);
        List<float[]> reference = EmbeddingSummaryTest.cluster(random, 1_500, 0, 0.8f);
        List<float[]> same = EmbeddingSummaryTest.cluster(random, 1_500, 0, 0.8f);
        List<float[]> mixed = new ArrayList<>(EmbeddingSummaryTest.cluster(random, 1_200, 0, 0.8f));
        mixed.addAll(EmbeddingSummaryTest.cluster(random, 300, 2, 0.8f));

        EmbeddingSummary refSummary = EmbeddingSummaryTest.summaryOf(reference);
        double sigma = refSummary.medianHeuristicBandwidth();
        StringBuilder out = new StringBuilder();
        for (var c : List.of(Map.entry("no drift", same), Map.entry("20% new topic", mixed))) {
            double full =
                    EmbeddingDriftStatistics.unbiasedMmd2(
                            EmbeddingSummaryTest.summaryOf(reference, reference.size()),
                            EmbeddingSummaryTest.summaryOf(c.getValue(), c.getValue().size()),
                            sigma);
            double sampled =
                    EmbeddingDriftStatistics.compute(
                                    refSummary, EmbeddingSummaryTest.summaryOf(c.getValue()), sigma)
                            .mmd2();
            out.append(
                    String.format(
                            "mmd2 %s: all vectors %.5f, reservoirs %.5f%n",
                            c.getKey(), full, sampled));
            assertThat(Math.abs(sampled - full)).as(c.getKey()).isLessThan(0.02);
        }
        System.out.print(out);
    }

    private static List<Pair> pairs() {
        SplittableRandom random = new SplittableRandom(2026);
        List<Pair> pairs = new ArrayList<>();
        DoubleSupplier latency = logNormal(random, 6.0, 0.5);
        pairs.add(new Pair("latency same", draw(latency, 5_000), draw(latency, 5_000)));
        pairs.add(
                new Pair(
                        "latency x1.05", draw(latency, 5_000), scaled(draw(latency, 2_000), 1.05)));
        pairs.add(
                new Pair("latency x1.3", draw(latency, 5_000), scaled(draw(latency, 2_000), 1.3)));
        pairs.add(
                new Pair(
                        "latency +tail mixture",
                        draw(latency, 5_000),
                        mixture(random, latency, logNormal(random, 8, 0.3), 0.1, 3_000)));
        pairs.add(
                new Pair("latency same, 20k vs 20k", draw(latency, 20_000), draw(latency, 20_000)));
        pairs.add(
                new Pair(
                        "latency x1.02, 20k vs 20k",
                        draw(latency, 20_000),
                        scaled(draw(latency, 20_000), 1.02)));
        pairs.add(new Pair("latency same, 5000 vs 300", draw(latency, 5_000), draw(latency, 300)));
        DoubleSupplier tokens = poisson(random, 300);
        pairs.add(new Pair("tokens poisson 300 same", draw(tokens, 5_000), draw(tokens, 5_000)));
        pairs.add(
                new Pair(
                        "tokens poisson 300 -> 312",
                        draw(tokens, 5_000),
                        draw(poisson(random, 312), 5_000)));
        DoubleSupplier few = poisson(random, 4);
        pairs.add(new Pair("tokens poisson 4 same (ties)", draw(few, 5_000), draw(few, 5_000)));
        pairs.add(
                new Pair(
                        "tokens poisson 4 -> 5 (ties)",
                        draw(few, 5_000),
                        draw(poisson(random, 5), 5_000)));
        DoubleSupplier zipf = zipf(random, 2_000, 1.1);
        pairs.add(new Pair("tokens zipf same", draw(zipf, 5_000), draw(zipf, 5_000)));
        pairs.add(
                new Pair(
                        "tokens zipf 1.1 -> 1.0",
                        draw(zipf, 5_000),
                        draw(zipf(random, 2_000, 1.0), 5_000)));
        DoubleSupplier cost = logNormal(random, Math.log(1e-3), 1.0);
        pairs.add(new Pair("cost usd same", draw(cost, 5_000), draw(cost, 5_000)));
        pairs.add(new Pair("cost usd x1.5", draw(cost, 5_000), scaled(draw(cost, 5_000), 1.5)));
        DoubleSupplier withZeros = () -> random.nextDouble() < 0.3 ? 0 : latency.getAsDouble();
        pairs.add(new Pair("30% zeros same", draw(withZeros, 5_000), draw(withZeros, 5_000)));
        DoubleSupplier moreZeros = () -> random.nextDouble() < 0.45 ? 0 : latency.getAsDouble();
        pairs.add(new Pair("30% -> 45% zeros", draw(withZeros, 5_000), draw(moreZeros, 5_000)));
        DoubleSupplier rounded = () -> Math.round(latency.getAsDouble() / 50) * 50.0;
        DoubleSupplier slowerRounded = () -> Math.round(latency.getAsDouble() * 1.1 / 50) * 50.0;
        pairs.add(new Pair("rounded to 50ms same", draw(rounded, 5_000), draw(rounded, 5_000)));
        pairs.add(
                new Pair("rounded to 50ms x1.1", draw(rounded, 5_000), draw(slowerRounded, 5_000)));
        return pairs;
    }

    /** The histogram built as 10 per-slice histograms merged, as the job builds it. */
    private static NumericHistogram slicedHistogram(double[] values) {
        NumericHistogram merged = new NumericHistogram();
        int slices = 10;
        for (int s = 0; s < slices; s++) {
            NumericHistogram slice = new NumericHistogram();
            for (int i = s; i < values.length; i += slices) {
                slice.add(values[i]);
            }
            merged.merge(slice);
        }
        return merged;
    }

    private static double[] draw(DoubleSupplier source, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = source.getAsDouble();
        }
        return out;
    }

    private static double[] scaled(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    private static double[] mixture(
            SplittableRandom random, DoubleSupplier a, DoubleSupplier b, double shareOfB, int n) {
        return draw(() -> random.nextDouble() < shareOfB ? b.getAsDouble() : a.getAsDouble(), n);
    }

    private static DoubleSupplier logNormal(SplittableRandom random, double mu, double sigma) {
        var sampler = LogNormalDistribution.of(mu, sigma).createSampler(rng(random));
        return sampler::sample;
    }

    private static DoubleSupplier poisson(SplittableRandom random, double mean) {
        var sampler = PoissonDistribution.of(mean).createSampler(rng(random));
        return sampler::sample;
    }

    private static DoubleSupplier zipf(SplittableRandom random, int elements, double exponent) {
        var sampler = ZipfDistribution.of(elements, exponent).createSampler(rng(random));
        return sampler::sample;
    }

    private static UniformRandomProvider rng(SplittableRandom random) {
        SplittableRandom own = random.split();
        return own::nextLong;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
