package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.drift.stats.CategoricalDrift;
import io.llmsentinel.detectors.drift.stats.CategoricalDriftStatistics;
import io.llmsentinel.detectors.drift.stats.CategoryCounts;
import io.llmsentinel.detectors.drift.stats.EmbeddingDrift;
import io.llmsentinel.detectors.drift.stats.EmbeddingDriftStatistics;
import io.llmsentinel.detectors.drift.stats.EmbeddingSummary;
import io.llmsentinel.detectors.drift.stats.HistogramDriftStatistics;
import io.llmsentinel.detectors.drift.stats.NumericDrift;
import io.llmsentinel.detectors.drift.stats.NumericHistogram;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation of a key: every feature with enough samples on both sides is tested; the p-values
 * of the tested features go through Benjamini-Hochberg together, and a feature drifts when its
 * p-value is a discovery and its PSI reaches the warning level. Pure (no Flink), so the decision
 * rule is tested on its own.
 */
public final class DriftEvaluator {
    /** A feature as the episode trackers and records name it. */
    public record FeatureRef(
            String name,
            String anomalyType,
            NumericFeature numeric,
            CategoricalFeature categorical) {}

    /** The windows compared, for evidence. */
    public record Window(
            ReferenceMode mode,
            long referenceFrom,
            long referenceTo,
            long currentFrom,
            long currentTo) {}

    /**
     * @param tested whether both sides had enough samples
     * @param drifting whether the rule fired
     * @param effect the PSI (the effect size the thresholds apply to); NaN if untested
     * @param pValue the KS or chi-square p-value; NaN if untested
     * @param cutoff the Benjamini-Hochberg cutoff of this evaluation (-1: no discovery)
     */
    public record FeatureResult(
            FeatureRef feature,
            boolean tested,
            boolean drifting,
            double effect,
            double pValue,
            double cutoff,
            NumericDrift numeric,
            CategoricalDrift categorical,
            EmbeddingDrift embedding,
            NumericHistogram referenceHistogram,
            NumericHistogram currentHistogram) {}

    /** The embedding feature's name; its effect is the drop of mean similarity, not a PSI. */
    public static final String EMBEDDING = "embedding";

    private static final List<FeatureRef> FEATURES = new ArrayList<>();

    static {
        for (NumericFeature f : NumericFeature.values()) {
            FEATURES.add(new FeatureRef(f.wireName(), DriftAnomalies.NUMERIC_DRIFT, f, null));
        }
        for (CategoricalFeature f : CategoricalFeature.values()) {
            String type =
                    f == CategoricalFeature.RESPONSE_MODEL
                            ? DriftAnomalies.MODEL_SWAP
                            : DriftAnomalies.CATEGORICAL_DRIFT;
            FEATURES.add(new FeatureRef(f.wireName(), type, null, f));
        }
        FEATURES.add(new FeatureRef(EMBEDDING, DriftAnomalies.EMBEDDING_DRIFT, null, null));
    }

    private DriftEvaluator() {}

    public static List<FeatureRef> features() {
        return List.copyOf(FEATURES);
    }

    public static FeatureRef feature(String name) {
        for (FeatureRef f : FEATURES) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown drift feature " + name);
    }

    public static List<FeatureResult> evaluate(
            DriftSlice reference, DriftSlice current, DriftSettings settings) {
        int n = FEATURES.size();
        NumericDrift[] numeric = new NumericDrift[n];
        CategoricalDrift[] categorical = new CategoricalDrift[n];
        EmbeddingDrift[] embedding = new EmbeddingDrift[n];
        double[] pValues = new double[n];
        double[] effects = new double[n];
        for (int i = 0; i < n; i++) {
            FeatureRef f = FEATURES.get(i);
            pValues[i] = Double.NaN;
            effects[i] = Double.NaN;
            if (f.numeric() != null) {
                NumericHistogram ref = reference.numeric[f.numeric().ordinal()];
                NumericHistogram cur = current.numeric[f.numeric().ordinal()];
                if (ref.count >= settings.minSamples() && cur.count >= settings.minSamples()) {
                    numeric[i] = HistogramDriftStatistics.compute(ref, cur);
                    pValues[i] = numeric[i].ksPValue();
                    effects[i] = numeric[i].psi();
                }
            } else if (f.categorical() == null) {
                EmbeddingSummary ref = reference.embedding;
                EmbeddingSummary cur = current.embedding;
                if (ref.count >= settings.minEmbeddings()
                        && cur.count >= settings.minEmbeddings()
                        && ref.dimension == cur.dimension) {
                    embedding[i] = EmbeddingDriftStatistics.compute(ref, cur);
                    effects[i] = embedding[i].meanSimilarityDrop();
                }
            } else {
                CategoryCounts ref = reference.categorical[f.categorical().ordinal()];
                CategoryCounts cur = current.categorical[f.categorical().ordinal()];
                if (ref.total >= settings.minSamples()
                        && cur.total >= settings.minSamples()
                        && distinctCategories(ref, cur) >= 2) {
                    categorical[i] = CategoricalDriftStatistics.compute(ref, cur);
                    pValues[i] = categorical[i].chi2PValue();
                    effects[i] = categorical[i].psi();
                }
            }
        }
        double cutoff = BenjaminiHochberg.cutoff(pValues, settings.falseDiscoveryRate());
        List<FeatureResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FeatureRef f = FEATURES.get(i);
            boolean drifting;
            boolean tested;
            if (embedding[i] != null) {
                // no p-value: the rule is an effect size on the whole window, as configured
                tested = true;
                drifting = effects[i] >= settings.similarityDrop();
            } else {
                tested = !Double.isNaN(pValues[i]);
                drifting = tested && pValues[i] <= cutoff && effects[i] >= settings.psiWarning();
            }
            results.add(
                    new FeatureResult(
                            f,
                            tested,
                            drifting,
                            effects[i],
                            pValues[i],
                            cutoff,
                            numeric[i],
                            categorical[i],
                            embedding[i],
                            f.numeric() == null ? null : reference.numeric[f.numeric().ordinal()],
                            f.numeric() == null ? null : current.numeric[f.numeric().ordinal()]));
        }
        return results;
    }

    private static int distinctCategories(CategoryCounts a, CategoryCounts b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.asMap().keySet());
        all.addAll(b.asMap().keySet());
        return all.size();
    }
}
