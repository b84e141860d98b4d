package io.llmsentinel.detectors.security.eval;

import io.llmsentinel.detectors.security.scan.SensitiveType;
import java.util.Locale;
import java.util.Map;

/**
 * Results of a PII evaluation.
 *
 * @param structured counts per type that both the dataset and the scanner know
 * @param micro counts summed over {@code structured}: the micro-averaged figures
 * @param notCovered dataset types without a counterpart (need NER), with their label counts
 * @param unlabelled findings of types the dataset never labels (e.g. secrets), per type
 */
public record PiiReport(
        Map<SensitiveType, PiiTypeCounts> structured,
        PiiTypeCounts micro,
        Map<String, Integer> notCovered,
        Map<SensitiveType, Integer> unlabelled) {

    public double microF1() {
        return micro.f1();
    }

    public String toText() {
        StringBuilder out =
                new StringBuilder("PII: span overlap with a label of the same type\n\n");
        String format = "%-14s  %6s  %8s  %9s  %6s  %6s  %6s%n";
        out.append(
                String.format(
                        Locale.ROOT,
                        format,
                        "type",
                        "labels",
                        "findings",
                        "precision",
                        "recall",
                        "F1",
                        ""));
        for (Map.Entry<SensitiveType, PiiTypeCounts> row : structured.entrySet()) {
            line(out, format, row.getKey().name(), row.getValue());
        }
        line(out, format, "MICRO", micro);
        out.append('\n');
        if (!notCovered.isEmpty()) {
            out.append("Not covered (needs NER), labels: ");
            StringBuilder list = new StringBuilder();
            notCovered.forEach(
                    (type, count) ->
                            list.append(list.length() == 0 ? "" : ", ")
                                    .append(type)
                                    .append(' ')
                                    .append(count));
            out.append(list).append('\n');
        }
        if (!unlabelled.isEmpty()) {
            out.append("Findings of types this dataset does not label: ");
            StringBuilder list = new StringBuilder();
            unlabelled.forEach(
                    (type, count) ->
                            list.append(list.length() == 0 ? "" : ", ")
                                    .append(type)
                                    .append(' ')
                                    .append(count));
            out.append(list).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, String name, PiiTypeCounts c) {
        out.append(
                String.format(
                        Locale.ROOT,
                        format,
                        name,
                        c.labels(),
                        c.findings(),
                        ratio(c.precision()),
                        ratio(c.recall()),
                        c.labels() + c.findings() == 0 ? "-" : ratio(c.f1()),
                        ""));
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
