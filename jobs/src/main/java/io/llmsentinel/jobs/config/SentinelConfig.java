package io.llmsentinel.jobs.config;

/**
 * A job's validated configuration: the {@link CommonConfig} every job has, reachable directly
 * ({@code config.kafka()}), next to the job's own settings.
 */
public interface SentinelConfig {
    CommonConfig common();

    default KafkaSettings kafka() {
        return common().kafka();
    }

    default WatermarkSettings watermarks() {
        return common().watermarks();
    }

    default JobSettings job() {
        return common().job();
    }

    default StartingOffsets startingOffsets() {
        return common().startingOffsets();
    }
}
