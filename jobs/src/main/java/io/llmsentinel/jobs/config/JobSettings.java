package io.llmsentinel.jobs.config;

import static io.llmsentinel.jobs.config.ConfigRules.check;
import static io.llmsentinel.jobs.config.ConfigRules.durationAtLeast;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/** Execution settings every job applies to its environment. */
public record JobSettings(Duration checkpointInterval, int parallelism, int maxParallelism)
        implements Serializable {

    public static JobSettings from(Configuration conf) {
        return new JobSettings(
                durationAtLeast(conf, CommonOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(100)),
                check(
                        conf,
                        CommonOptions.PARALLELISM,
                        p -> p == -1 || p > 0,
                        "must be -1 (the cluster default) or more than 0"),
                // Flink's own upper bound on key groups
                within(conf, CommonOptions.MAX_PARALLELISM, Range.closed(1, 32768)));
    }
}
