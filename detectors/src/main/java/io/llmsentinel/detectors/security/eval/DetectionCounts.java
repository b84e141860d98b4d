package io.llmsentinel.detectors.security.eval;

/**
 * Confusion counts of a binary detector over one slice of a dataset (overall, one source, one
 * kind). Mutable while an evaluation runs; not thread-safe.
 */
public final class DetectionCounts {
    private int attacks;
    private int detected;
    private int benign;
    private int flagged;

    void add(boolean attack, boolean predicted) {
        if (attack) {
            attacks++;
            detected += predicted ? 1 : 0;
        } else {
            benign++;
            flagged += predicted ? 1 : 0;
        }
    }

    public int attacks() {
        return attacks;
    }

    /** Attacks the detector caught (true positives). */
    public int detected() {
        return detected;
    }

    public int benign() {
        return benign;
    }

    /** Benign prompts the detector flagged (false positives). */
    public int flagged() {
        return flagged;
    }

    /** Share of attacks caught; NaN without attacks. */
    public double recall() {
        return attacks == 0 ? Double.NaN : (double) detected / attacks;
    }

    /** Share of benign prompts flagged; NaN without benign prompts. */
    public double falsePositiveRate() {
        return benign == 0 ? Double.NaN : (double) flagged / benign;
    }
}
