package io.llmsentinel.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster every job test runs on: 2 slots, RocksDB, no restarts unless asked. */
public final class TestClusters {
    public static final int PARALLELISM = 2;

    private TestClusters() {}

    public static MiniClusterExtension miniCluster() {
        return miniCluster(new Configuration());
    }

    public static MiniClusterExtension miniCluster(Configuration extra) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.setString("state.backend.rocksdb.localdir", "/tmp/sentinel-rocksdb");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.addAll(extra);
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(PARALLELISM)
                        .setConfiguration(conf)
                        .build());
    }

    /**
     * Stops the job with a canonical savepoint under {@code directory} and returns its path. The
     * job has then committed its last transaction: its Kafka output is complete.
     */
    public static String stopWithSavepoint(JobClient job, Path directory) throws Exception {
        return job.stopWithSavepoint(
                        false, directory.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);
    }

    /** Job settings for tests: fast checkpoints, parallelism 2. */
    public static io.llmsentinel.jobs.config.JobSettings jobSettings() {
        return new io.llmsentinel.jobs.config.JobSettings(Duration.ofMillis(500), PARALLELISM, 128);
    }
}
