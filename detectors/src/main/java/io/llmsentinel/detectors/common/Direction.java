package io.llmsentinel.detectors.common;

/** Which way a statistic gets worse: latency and spend upwards, traffic and quality downwards. */
public enum Direction {
    HIGHER_IS_WORSE,
    LOWER_IS_WORSE;

    /** Whether {@code value} is at or beyond {@code threshold} on the bad side; NaN never is. */
    public boolean reaches(double value, double threshold) {
        return this == HIGHER_IS_WORSE ? value >= threshold : value <= threshold;
    }

    /** The worse of two values, ignoring NaN (so NaN means "nothing seen yet"). */
    public double worse(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return this == HIGHER_IS_WORSE ? Math.max(a, b) : Math.min(a, b);
    }
}
