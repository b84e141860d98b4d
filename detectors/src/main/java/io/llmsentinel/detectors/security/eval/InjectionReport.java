package io.llmsentinel.detectors.security.eval;

import java.util.Locale;
import java.util.Map;

/**
 * Results of a prompt-injection evaluation: recall and false-positive rate overall, per source and
 * per kind, and a calibration table (how often prompts in each score band were attacks).
 *
 * @param scoreBands upper bounds of the score bands of {@code bandCounts} / {@code bandAttacks}
 */
public record InjectionReport(
        String libraryVersion,
        double threshold,
        DetectionCounts overall,
        Map<String, DetectionCounts> bySource,
        Map<String, DetectionCounts> byKind,
        double[] scoreBands,
        int[] bandCounts,
        int[] bandAttacks) {

    /** A fixed-width table for people. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "Prompt injection: signature library %s, threshold %.2f%n%n",
                        libraryVersion,
                        threshold));
        table(out, "source", bySource);
        out.append('\n');
        table(out, "kind", byKind);
        out.append('\n');
        out.append(
                String.format(
                        Locale.ROOT,
                        "OVERALL  recall %s (%d/%d)   false-positive rate %s (%d/%d)%n%n",
                        percent(overall.recall()),
                        overall.detected(),
                        overall.attacks(),
                        percent(overall.falsePositiveRate()),
                        overall.flagged(),
                        overall.benign()));
        out.append("Calibration (score band: prompts, share that are attacks)\n");
        double lower = 0;
        for (int b = 0; b < scoreBands.length; b++) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  %.1f-%.1f  %5d  %s%n",
                            lower,
                            scoreBands[b],
                            bandCounts[b],
                            bandCounts[b] == 0
                                    ? "-"
                                    : percent((double) bandAttacks[b] / bandCounts[b])));
            lower = scoreBands[b];
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String header, Map<String, DetectionCounts> rows) {
        int width = header.length();
        for (String key : rows.keySet()) {
            width = Math.max(width, Math.min(key.length(), 70));
        }
        String format = "%-" + width + "s  %7s  %9s  %7s  %9s%n";
        out.append(
                String.format(Locale.ROOT, format, header, "attacks", "recall", "benign", "FPR"));
        for (Map.Entry<String, DetectionCounts> row : rows.entrySet()) {
            DetectionCounts c = row.getValue();
            String name = row.getKey();
            out.append(
                    String.format(
                            Locale.ROOT,
                            format,
                            name.length() > 70 ? name.substring(0, 67) + "..." : name,
                            c.attacks() == 0 ? "-" : Integer.toString(c.attacks()),
                            c.attacks() == 0 ? "-" : percent(c.recall()),
                            c.benign() == 0 ? "-" : Integer.toString(c.benign()),
                            c.benign() == 0 ? "-" : percent(c.falsePositiveRate())));
        }
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
