package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.JobSettings;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Applies the settings that make a job savepoint-safe and exactly-once, whoever runs it (a cluster,
 * the local runner, a test): exactly-once checkpoints, explicit uids only, no Kryo, a fixed number
 * of key groups.
 */
public final class JobEnvironment {
    private JobEnvironment() {}

    public static void apply(StreamExecutionEnvironment env, JobSettings settings) {
        applyBounded(env, settings);
        env.enableCheckpointing(
                settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }

    /**
     * For bounded runs over files (replay, tests): the same graph rules without checkpoints, which
     * a finite input does not need and which would hold collected results back until each
     * checkpoint completes.
     */
    public static void applyBounded(StreamExecutionEnvironment env, JobSettings settings) {
        Configuration conf = new Configuration();
        // Every operator must carry a uid: savepoints map state by uid.
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        // Anything that would fall back to Kryo fails at graph build time instead.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setMaxParallelism(settings.maxParallelism());
        if (settings.parallelism() > 0) {
            env.setParallelism(settings.parallelism());
        }
    }
}
