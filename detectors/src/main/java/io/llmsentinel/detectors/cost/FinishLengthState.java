package io.llmsentinel.detectors.cost;

/**
 * Per model: the baseline of truncated answers as EWMAs of counts per window (their ratio is the
 * baseline share). A Flink POJO.
 */
public class FinishLengthState extends WindowedKeyState {
    public String providerName;
    public String model;

    /** EWMA of answers per window that stopped at max_tokens. */
    public double lengthMean;

    /** EWMA of answers per window with a finish reason. */
    public double callsMean;

    /** Windows with calls folded into the baseline. */
    public long windows;

    public FinishLengthState() {}

    void fold(double length, long calls, double alpha) {
        windows++;
        double weight = Math.max(alpha, 1.0 / windows);
        lengthMean += weight * (length - lengthMean);
        callsMean += weight * (calls - callsMean);
    }
}
