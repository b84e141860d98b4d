package io.llmsentinel.bench;

import java.util.List;

/**
 * One measured run.
 *
 * @param events canonical events: committed to the events topic for ingest; the valid events in the
 *     input for the baselines and the detectors, which have no event output to count
 * @param deadLetters committed dead letters (ingest), -1 otherwise
 * @param anomalies committed anomaly records (detector jobs), -1 otherwise
 * @param decodeSeconds submission to the last event leaving the decoder (its {@code ingest_time}):
 *     the run without the wait for the final checkpoint; NaN when not known
 * @param problems failed correctness checks; empty when the output is as expected
 */
record RunResult(
        RunSpec spec,
        double wallSeconds,
        long events,
        long deadLetters,
        long anomalies,
        double decodeSeconds,
        String stateBackend,
        List<String> problems) {

    long records() {
        return spec.data().records();
    }

    double recordsPerSecond() {
        return records() / wallSeconds;
    }

    double eventsPerSecond() {
        return events / wallSeconds;
    }

    double eventsPerSecondToLastDecode() {
        return events / decodeSeconds;
    }
}
