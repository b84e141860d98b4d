package io.llmsentinel.jobs.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * What a detector job's configuration adds to every job's ({@link SentinelConfig}: Kafka, event
 * time, execution, starting offsets): its consumer group and its need of history.
 */
public interface DetectorConfig extends SentinelConfig, Serializable {
    /**
     * How much event time a key must have been seen before the detector can flag anything on it
     * (warm-ups, baselines, reference windows). Shorter input gives no anomaly at all, which a
     * backtest must say rather than look like quiet traffic.
     */
    default Duration historyNeeded() {
        return Duration.ZERO;
    }

    /** The configured consumer group; the job's default group when empty. */
    default Optional<String> consumerGroup() {
        return Optional.empty();
    }
}
