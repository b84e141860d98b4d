package io.llmsentinel.detectors.security.eval;

import io.llmsentinel.detectors.security.scan.PromptScanner;
import io.llmsentinel.detectors.security.scan.PromptVerdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs a {@link PromptScanner} over a labelled prompt-injection dataset. */
public final class InjectionEvaluator {
    private static final double[] SCORE_BANDS = {0.1, 0.3, 0.5, 0.7, 0.9, 1.0};

    private InjectionEvaluator() {}

    public static InjectionReport evaluate(
            List<InjectionExample> examples, PromptScanner scanner, PredictionSink sink) {
        DetectionCounts overall = new DetectionCounts();
        Map<String, DetectionCounts> bySource = new TreeMap<>();
        Map<String, DetectionCounts> byKind = new TreeMap<>();
        int[] bandCounts = new int[SCORE_BANDS.length];
        int[] bandAttacks = new int[SCORE_BANDS.length];
        for (int i = 0; i < examples.size(); i++) {
            InjectionExample example = examples.get(i);
            PromptVerdict verdict = scanner.scan(example.text());
            boolean attack = example.attack();
            overall.add(attack, verdict.attack());
            bySource.computeIfAbsent(example.source(), s -> new DetectionCounts())
                    .add(attack, verdict.attack());
            byKind.computeIfAbsent(example.kind(), k -> new DetectionCounts())
                    .add(attack, verdict.attack());
            int band = band(verdict.score());
            bandCounts[band]++;
            bandAttacks[band] += attack ? 1 : 0;
            sink.injection(i, example, verdict);
        }
        return new InjectionReport(
                scanner.libraryVersion(),
                scanner.threshold(),
                overall,
                bySource,
                byKind,
                SCORE_BANDS.clone(),
                bandCounts,
                bandAttacks);
    }

    private static int band(double score) {
        for (int b = 0; b < SCORE_BANDS.length - 1; b++) {
            if (score < SCORE_BANDS[b]) {
                return b;
            }
        }
        return SCORE_BANDS.length - 1;
    }
}
