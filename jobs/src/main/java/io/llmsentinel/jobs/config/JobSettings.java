package io.llmsentinel.jobs.config;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/** Execution settings every job applies to its environment. */
public record JobSettings(Duration checkpointInterval, int parallelism, int maxParallelism)
        implements Serializable {

    public static JobSettings from(Configuration conf) {
        Duration interval = conf.get(CommonOptions.CHECKPOINT_INTERVAL);
        JobConfig.require(
                interval.compareTo(Duration.ofMillis(100)) >= 0,
                CommonOptions.CHECKPOINT_INTERVAL,
                "must be at least 100 ms");
        int parallelism = conf.get(CommonOptions.PARALLELISM);
        JobConfig.require(
                parallelism == -1 || parallelism > 0,
                CommonOptions.PARALLELISM,
                "must be -1 or positive");
        int maxParallelism = conf.get(CommonOptions.MAX_PARALLELISM);
        JobConfig.require(
                maxParallelism > 0 && maxParallelism <= 32768,
                CommonOptions.MAX_PARALLELISM,
                "must be in 1..32768");
        return new JobSettings(interval, parallelism, maxParallelism);
    }
}
