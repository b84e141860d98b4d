package io.llmsentinel.detectors.security.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimum quality a CI run demands. Each floor is optional (null) and applies to one kind of
 * dataset: recall and false-positive rate to prompt-injection sets, F1 to PII sets.
 *
 * @param minRecall lowest acceptable overall recall on attacks (0..1)
 * @param maxFalsePositiveRate highest acceptable overall false-positive rate on benign prompts
 * @param minPiiF1 lowest acceptable micro-F1 over the structured PII types
 */
public record Floors(Double minRecall, Double maxFalsePositiveRate, Double minPiiF1) {
    public Floors {
        check("min recall", minRecall);
        check("max false-positive rate", maxFalsePositiveRate);
        check("min PII F1", minPiiF1);
    }

    private static void check(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1]: " + value);
        }
    }

    /** Messages for every floor the report falls below; empty when all hold. */
    public List<String> violations(InjectionReport report) {
        List<String> out = new ArrayList<>();
        double recall = report.overall().recall();
        if (minRecall != null && !(recall >= minRecall)) {
            out.add(
                    String.format(
                            Locale.ROOT, "recall %.4f is below the floor %.4f", recall, minRecall));
        }
        double fpr = report.overall().falsePositiveRate();
        if (maxFalsePositiveRate != null && !(fpr <= maxFalsePositiveRate)) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "false-positive rate %.4f is above the ceiling %.4f",
                            fpr,
                            maxFalsePositiveRate));
        }
        return out;
    }

    public List<String> violations(PiiReport report) {
        List<String> out = new ArrayList<>();
        double f1 = report.microF1();
        if (minPiiF1 != null && !(f1 >= minPiiF1)) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "PII micro-F1 %.4f is below the floor %.4f",
                            f1,
                            minPiiF1));
        }
        return out;
    }
}
