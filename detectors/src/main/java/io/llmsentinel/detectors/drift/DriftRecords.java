package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.drift.stats.CategoricalDrift;
import io.llmsentinel.detectors.drift.stats.EmbeddingDrift;
import io.llmsentinel.detectors.drift.stats.HistogramDriftStatistics;
import io.llmsentinel.detectors.drift.stats.MovedBin;
import io.llmsentinel.detectors.drift.stats.MovedCategory;
import io.llmsentinel.detectors.drift.stats.NumericDrift;
import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.Locale;

/** The anomaly records of drift episodes, with the evidence a person needs to judge them. */
final class DriftRecords {
    static final int MOVED_IN_EVIDENCE = 3;

    private DriftRecords() {}

    static Anomaly transition(
            DriftKeyState k,
            DriftEvaluator.FeatureResult r,
            EpisodeState ep,
            EpisodeTransition t,
            DriftEvaluator.Window w,
            DriftSettings settings) {
        boolean opened = t == EpisodeTransition.OPENED;
        Rule rule = Rule.of(r.feature(), settings);
        String type = r.feature().anomalyType();
        AnomalyFactory.Builder b =
                opened
                        ? AnomalyFactory.open(DriftAnomalies.DETECTOR, type, ep.episodeId)
                        : AnomalyFactory.resolved(DriftAnomalies.DETECTOR, type, ep.episodeId);
        double peak = Double.isNaN(ep.peakValue) ? r.effect() : ep.peakValue;
        Evidence evidence = Evidence.create();
        evidence.id("feature", r.feature().name())
                .id("statistic", rule.statistic())
                .id("rule", rule.description())
                .id("reference", w.mode().name().toLowerCase(Locale.ROOT))
                .number("reference_from", w.referenceFrom())
                .number("reference_to", w.referenceTo())
                .number("current_from", w.currentFrom())
                .number("current_to", w.currentTo())
                .number("warning_threshold", rule.warning())
                .number("critical_threshold", rule.critical())
                .number("peak_" + rule.statistic(), peak);
        if (k.template != null) {
            evidence.id("prompt_template", k.template);
        }
        String detail = "";
        if (r.tested()) {
            evidence.number(rule.statistic(), r.effect());
            if (r.embedding() != null) {
                detail = embeddingEvidence(evidence, r.embedding());
            } else {
                evidence.number("p_value", r.pValue()).number("bh_cutoff", r.cutoff());
            }
            if (r.numeric() != null) {
                detail = numericEvidence(evidence, r);
            } else if (r.categorical() != null) {
                detail = categoricalEvidence(evidence, r.feature().name(), r.categorical());
            }
        }
        String subject =
                " of service "
                        + k.serviceName
                        + ", model "
                        + k.model
                        + (k.template == null ? "" : ", template " + k.template);
        String summary =
                opened
                        ? r.feature().name()
                                + " drifted"
                                + subject
                                + ": "
                                + rule.label()
                                + " "
                                + fmt(r.effect())
                                + " vs the "
                                + referenceText(w, settings)
                                + detail
                        : r.feature().name()
                                + " drift over"
                                + subject
                                + " (peak "
                                + rule.label()
                                + " "
                                + fmt(peak)
                                + ")";
        return subject(b, k)
                .severity(peak >= rule.critical() ? Severity.CRITICAL : Severity.WARNING)
                .score(r.tested() ? r.effect() : peak)
                .confidence(r.tested() && !Double.isNaN(r.pValue()) ? 1 - r.pValue() : Double.NaN)
                .observedValue(r.tested() ? r.effect() : Double.NaN)
                .threshold(rule.warning())
                .window(w.currentFrom(), w.currentTo())
                .detectedAt(w.currentTo())
                .summary(summary)
                .evidence(evidence)
                .build();
    }

    /** How a feature is judged: its effect statistic and thresholds. */
    record Rule(
            String statistic, String label, double warning, double critical, String description) {
        static Rule of(DriftEvaluator.FeatureRef feature, DriftSettings s) {
            if (feature.name().equals(DriftEvaluator.EMBEDDING)) {
                return new Rule(
                        "mean_similarity_drop",
                        "mean similarity drop",
                        s.similarityDrop(),
                        Math.min(1, 2 * s.similarityDrop()),
                        "similarity_drop_at_least_"
                                + s.similarityDrop()
                                + "+"
                                + s.windowsToOpen()
                                + "_windows");
            }
            return new Rule(
                    "psi",
                    "PSI",
                    s.psiWarning(),
                    s.psiCritical(),
                    "psi_at_least_"
                            + s.psiWarning()
                            + "+bh_fdr_"
                            + s.falseDiscoveryRate()
                            + "+"
                            + s.windowsToOpen()
                            + "_windows");
        }
    }

    private static String embeddingEvidence(Evidence evidence, EmbeddingDrift d) {
        evidence.number("centroid_cosine_distance", d.centroidCosineDistance())
                .number("reference_mean_similarity", d.referenceMeanSimilarity())
                .number("current_mean_similarity", d.currentMeanSimilarity())
                .number("mmd2", d.mmd2())
                .number("rbf_bandwidth", d.bandwidth())
                .number("n_reference", d.nReference())
                .number("n_current", d.nCurrent());
        return "; mean cosine similarity to the reference centroid "
                + fmt(d.referenceMeanSimilarity())
                + " -> "
                + fmt(d.currentMeanSimilarity())
                + " (MMD^2 "
                + fmt(d.mmd2())
                + ")";
    }

    static Anomaly idleResolved(
            DriftKeyState k,
            DriftEvaluator.FeatureRef feature,
            EpisodeState ep,
            long now,
            DriftSettings settings) {
        double peak = ep.peakValue;
        Rule rule = Rule.of(feature, settings);
        return subject(
                        AnomalyFactory.resolved(
                                DriftAnomalies.DETECTOR, feature.anomalyType(), ep.episodeId),
                        k)
                .severity(peak >= rule.critical() ? Severity.CRITICAL : Severity.WARNING)
                .score(peak)
                .threshold(rule.warning())
                .window(ep.openedAt, Math.max(ep.openedAt, k.lastEventAt))
                .detectedAt(now)
                .summary(
                        feature.name()
                                + " drift over: service "
                                + k.serviceName
                                + ", model "
                                + k.model
                                + " went idle (peak "
                                + rule.label()
                                + " "
                                + fmt(peak)
                                + ")")
                .evidence(
                        Evidence.create()
                                .id("feature", feature.name())
                                .id("statistic", rule.statistic())
                                .number("peak_" + rule.statistic(), peak)
                                .id("resolved_by", "idle_key"))
                .build();
    }

    private static String numericEvidence(Evidence evidence, DriftEvaluator.FeatureResult r) {
        NumericDrift d = r.numeric();
        evidence.id("p_value_test", "ks_2samp")
                .number("ks_statistic", d.ksStatistic())
                .number("wasserstein", d.wasserstein())
                .number("jensen_shannon", d.jensenShannon())
                .number("n_reference", d.nReference())
                .number("n_current", d.nCurrent())
                .number("reference_mean", r.referenceHistogram().mean())
                .number("current_mean", r.currentHistogram().mean());
        StringBuilder text =
                new StringBuilder("; mean ")
                        .append(fmt(r.referenceHistogram().mean()))
                        .append(" -> ")
                        .append(fmt(r.currentHistogram().mean()))
                        .append(" (KS D ")
                        .append(fmt(d.ksStatistic()))
                        .append(", n ")
                        .append(d.nReference())
                        .append('/')
                        .append(d.nCurrent())
                        .append(')');
        List<MovedBin> moved =
                HistogramDriftStatistics.movedBins(
                        r.referenceHistogram(), r.currentHistogram(), MOVED_IN_EVIDENCE);
        for (int i = 0; i < moved.size(); i++) {
            MovedBin m = moved.get(i);
            String upper = Double.isInfinite(m.upper()) ? "inf" : fmt(m.upper());
            evidence.id("moved_" + (i + 1), fmt(m.lower()) + ":" + upper)
                    .number("moved_" + (i + 1) + "_reference_share", m.referenceShare())
                    .number("moved_" + (i + 1) + "_current_share", m.currentShare());
            text.append(i == 0 ? "; share of " + r.feature().name() + " in [" : ", [")
                    .append(fmt(m.lower()))
                    .append(", ")
                    .append(upper)
                    .append(") ")
                    .append(pct(m.referenceShare()))
                    .append(" -> ")
                    .append(pct(m.currentShare()));
        }
        return text.toString();
    }

    private static String categoricalEvidence(
            Evidence evidence, String feature, CategoricalDrift d) {
        evidence.id("p_value_test", "chi2")
                .number("chi2_statistic", d.chi2Statistic())
                .number("jensen_shannon", d.jensenShannon())
                .number("n_reference", d.nReference())
                .number("n_current", d.nCurrent());
        StringBuilder text = new StringBuilder();
        List<MovedCategory> moved = d.movedCategories();
        for (int i = 0; i < Math.min(MOVED_IN_EVIDENCE, moved.size()); i++) {
            MovedCategory m = moved.get(i);
            String name = Evidence.isIdentifier(m.category()) ? m.category() : "refused";
            evidence.id("moved_" + (i + 1), name)
                    .number("moved_" + (i + 1) + "_reference_share", m.referenceShare())
                    .number("moved_" + (i + 1) + "_current_share", m.currentShare());
            text.append(i == 0 ? "; share of " : ", ")
                    .append(feature)
                    .append('=')
                    .append(name)
                    .append(' ')
                    .append(pct(m.referenceShare()))
                    .append(" -> ")
                    .append(pct(m.currentShare()));
        }
        return text.toString();
    }

    private static String referenceText(DriftEvaluator.Window w, DriftSettings settings) {
        long minutes = (w.referenceTo() - w.referenceFrom()) / 60_000;
        return w.mode() == ReferenceMode.SLIDING
                ? "previous " + minutes + " min"
                : "pinned reference '" + settings.pinId() + "'";
    }

    private static AnomalyFactory.Builder subject(AnomalyFactory.Builder b, DriftKeyState k) {
        return b.serviceName(k.serviceName).providerName(k.providerName).model(k.model);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
