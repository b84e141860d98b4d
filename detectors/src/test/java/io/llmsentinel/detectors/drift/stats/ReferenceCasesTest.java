package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The exact statistics against third-party reference values: scipy docstrings, Evidently's tests
 * and scipy 1.17 on two slices of a NAB latency series. Skipped when the shared evaluation data is
 * absent.
 */
class ReferenceCasesTest {

    @Test
    void wassersteinMatchesScipyDocstrings() {
        List<JsonNode> cases = upstream("wasserstein_1d");
        assertThat(cases).hasSize(3);
        for (JsonNode c : cases) {
            double[] u = EvalData.doubles(c.get("u"));
            double[] v = EvalData.doubles(c.get("v"));
            double[] uw = c.has("u_weights") ? EvalData.doubles(c.get("u_weights")) : null;
            double[] vw = c.has("v_weights") ? EvalData.doubles(c.get("v_weights")) : null;
            assertThat(Wasserstein.distance(u, uw, v, vw))
                    .as(c.toString())
                    .isCloseTo(c.get("expected").asDouble(), within(1e-12));
        }
    }

    @Test
    void jensenShannonMatchesScipyDocstringsInBothBases() {
        List<JsonNode> cases = upstream("jensenshannon_distance");
        assertThat(cases).hasSize(3);
        for (JsonNode c : cases) {
            double base = c.get("base").isNumber() ? c.get("base").asDouble() : Math.E; // "e"
            assertThat(
                            Divergences.jensenShannon(
                                    EvalData.doubles(c.get("p")),
                                    EvalData.doubles(c.get("q")),
                                    base))
                    .as(c.toString())
                    .isCloseTo(c.get("expected").asDouble(), within(1e-12));
        }
    }

    @Test
    void chiSquareFollowsEvidentlyChiStatTest() {
        JsonNode c = upstream("chisquare_pvalue(evidently chi_stat_test, categorical)").get(0);
        CategoricalDrift drift =
                CategoricalDriftStatistics.fromCounts(
                        counts(c.get("reference_counts")), counts(c.get("current_counts")), 3);

        assertThat(drift.chi2PValue())
                .isCloseTo(c.get("expected").asDouble(), within(c.get("abs_tol").asDouble()));
        // The 2xK homogeneity test gives 0.8985 on the same counts: not the convention.
        assertThat(drift.nReference()).isEqualTo(88);
        assertThat(drift.nCurrent()).isEqualTo(88);
    }

    @Test
    void ksAndWassersteinMatchScipyOnNabSlices() {
        JsonNode cases = EvalData.referenceCases().get("computed_scipy");
        assertThat(cases.size()).isEqualTo(2);
        for (JsonNode c : cases) {
            double[] series = EvalData.nabValues(c.get("file").asText());
            double[] ref = EvalData.slice(series, c.get("reference_rows"));
            double[] cur = EvalData.slice(series, c.get("current_rows"));

            NumericDrift drift = ExactDriftStatistics.numeric(ref, cur);

            assertThat(drift.ksStatistic())
                    .isCloseTo(c.get("ks_statistic").asDouble(), within(1e-15));
            // scipy and commons run different exact algorithms; measured relative gap ~1e-14.
            assertThat(drift.ksPValue())
                    .isCloseTo(c.get("ks_pvalue").asDouble(), Percentage.withPercentage(1e-4));
            assertThat(drift.wasserstein())
                    .isCloseTo(c.get("wasserstein_1d").asDouble(), within(1e-12));
        }
    }

    /** The cases' JS uses 20 equal-width bins on the pooled range and raw counts. */
    @Test
    void jensenShannonAgreesUnderTheCasesEqualWidthBinning() {
        for (JsonNode c : EvalData.referenceCases().get("computed_scipy")) {
            double[] series = EvalData.nabValues(c.get("file").asText());
            double[] ref = EvalData.slice(series, c.get("reference_rows"));
            double[] cur = EvalData.slice(series, c.get("current_rows"));
            double[] edges = equalWidthEdges(ref, cur, 20);

            long[] refCounts = histogram(ref, edges);
            long[] curCounts = histogram(cur, edges);

            assertThat(refCounts).containsExactly(longs(c.get("js_ref_counts")));
            assertThat(curCounts).containsExactly(longs(c.get("js_cur_counts")));
            assertThat(Divergences.jensenShannon(asDoubles(refCounts), asDoubles(curCounts), 2))
                    .isCloseTo(
                            c.get("jensenshannon_distance_base2_20equalwidthbins_on_combined_range")
                                    .asDouble(),
                            within(1e-12));
        }
    }

    /** The cases' PSI follows Evidently's legacy binning: Sturges equal-width bins, pooled. */
    @Test
    void psiAgreesUnderEvidentlySturgesBinning() {
        for (JsonNode c : EvalData.referenceCases().get("computed_scipy")) {
            double[] series = EvalData.nabValues(c.get("file").asText());
            double[] ref = EvalData.slice(series, c.get("reference_rows"));
            double[] cur = EvalData.slice(series, c.get("current_rows"));
            int bins = (int) Math.ceil(Math.log(ref.length + cur.length) / Math.log(2) + 1.0);
            assertThat(bins).isEqualTo(c.get("psi_n_bins").asInt());
            double[] edges = equalWidthEdges(ref, cur, bins);

            double psi =
                    Divergences.psi(
                            Divergences.flooredShares(histogram(ref, edges)),
                            Divergences.flooredShares(histogram(cur, edges)));

            assertThat(psi).isCloseTo(c.get("psi_evidently_sturges").asDouble(), within(1e-12));
        }
    }

    /** numpy {@code linspace(min, max, bins + 1)} over the pooled sample. */
    private static double[] equalWidthEdges(double[] a, double[] b, int bins) {
        double lo =
                Math.min(
                        Arrays.stream(a).min().orElseThrow(), Arrays.stream(b).min().orElseThrow());
        double hi =
                Math.max(
                        Arrays.stream(a).max().orElseThrow(), Arrays.stream(b).max().orElseThrow());
        double step = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + lo;
        }
        edges[bins] = hi;
        return edges;
    }

    /** numpy {@code histogram}: {@code [e_i, e_i+1)}, the last bin closed. */
    private static long[] histogram(double[] values, double[] edges) {
        long[] counts = new long[edges.length - 1];
        double[] inner = Arrays.copyOfRange(edges, 1, edges.length - 1);
        for (double v : values) {
            counts[v == edges[edges.length - 1] ? counts.length - 1 : DecileBins.binOf(v, inner)]++;
        }
        return counts;
    }

    private static List<JsonNode> upstream(String metric) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode c : EvalData.referenceCases().get("upstream_literal")) {
            if (c.get("metric").asText().equals(metric)) {
                found.add(c);
            }
        }
        assumeThat(found).as("cases for " + metric).isNotEmpty();
        return found;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static double[] asDoubles(long[] counts) {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }
}
