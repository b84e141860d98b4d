package io.llmsentinel.detectors.common;

import io.llmsentinel.schema.Anomaly;

/** The severity of an anomaly, ordered from least to most severe, with its wire name. */
public enum Severity {
    INFO(Anomaly.SEVERITY_INFO),
    WARNING(Anomaly.SEVERITY_WARNING),
    CRITICAL(Anomaly.SEVERITY_CRITICAL);

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    /** The value of the anomaly's {@code severity} field. */
    public String wire() {
        return wire;
    }

    /**
     * Grades {@code value} against two thresholds and infers the direction from their order: a
     * critical threshold below the warning one means lower is worse (e.g. throughput), otherwise
     * higher is worse (e.g. latency). A NaN threshold disables its level; a NaN value is INFO.
     */
    public static Severity of(double value, double warningThreshold, double criticalThreshold) {
        Direction direction =
                criticalThreshold < warningThreshold
                        ? Direction.LOWER_IS_WORSE
                        : Direction.HIGHER_IS_WORSE;
        return of(value, warningThreshold, criticalThreshold, direction);
    }

    /** Grades {@code value} against two thresholds in an explicit direction. */
    public static Severity of(
            double value, double warningThreshold, double criticalThreshold, Direction direction) {
        if (direction.reaches(value, criticalThreshold)) {
            return CRITICAL;
        }
        if (direction.reaches(value, warningThreshold)) {
            return WARNING;
        }
        return INFO;
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Reads a wire name; anything unknown (or null) counts as INFO rather than failing a job. */
    public static Severity fromWire(String wire) {
        for (Severity s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return INFO;
    }
}
