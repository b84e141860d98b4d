package io.llmsentinel.detectors.security.eval;

/**
 * Span-overlap counts for one entity type. Precision counts findings (a finding is correct when it
 * overlaps a labelled span of the same type); recall counts labelled spans (found when some finding
 * of the same type overlaps it). Mutable while an evaluation runs.
 */
public final class PiiTypeCounts {
    private int correctFindings;
    private int wrongFindings;
    private int foundLabels;
    private int missedLabels;

    void finding(boolean correct) {
        if (correct) {
            correctFindings++;
        } else {
            wrongFindings++;
        }
    }

    void label(boolean found) {
        if (found) {
            foundLabels++;
        } else {
            missedLabels++;
        }
    }

    void addAll(PiiTypeCounts other) {
        correctFindings += other.correctFindings;
        wrongFindings += other.wrongFindings;
        foundLabels += other.foundLabels;
        missedLabels += other.missedLabels;
    }

    public int findings() {
        return correctFindings + wrongFindings;
    }

    public int correctFindings() {
        return correctFindings;
    }

    public int labels() {
        return foundLabels + missedLabels;
    }

    public int foundLabels() {
        return foundLabels;
    }

    /** NaN when there were no findings. */
    public double precision() {
        return findings() == 0 ? Double.NaN : (double) correctFindings / findings();
    }

    /** NaN when there were no labels. */
    public double recall() {
        return labels() == 0 ? Double.NaN : (double) foundLabels / labels();
    }

    /** Harmonic mean of precision and recall; 0 when either is 0 or undefined. */
    public double f1() {
        double p = precision();
        double r = recall();
        if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
            return 0;
        }
        return 2 * p * r / (p + r);
    }
}
