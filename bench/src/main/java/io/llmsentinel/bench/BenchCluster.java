package io.llmsentinel.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One MiniCluster for the whole session, started before the first run: cluster start-up stays out
 * of the measured time, and every run lands on an equally warm JVM.
 */
final class BenchCluster implements AutoCloseable {
    private final MiniCluster cluster;

    /** How a finished job went: when it was submitted and how long it took to finish. */
    record JobRun(long submittedAtMs, long wallNanos, String stateBackend) {}

    private BenchCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static BenchCluster start(int slots, Path workDir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        // the same memory the local run gives its cluster (cli LocalFlinkCluster)
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        // short: RocksDB warns about long paths
        conf.setString("state.backend.rocksdb.localdir", "/tmp/llm-sentinel-bench-rocksdb");
        // a failed run must fail the harness, not retry forever with checkpoints on
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .withRandomPorts() // leaves 8081 to a `sentinel local`
                                .build());
        cluster.start();
        return new BenchCluster(cluster);
    }

    /** Submits the job and waits until it has finished; the wall time covers both. */
    JobRun run(StreamGraph graph, Duration timeout) throws Exception {
        long submittedAtMs = System.currentTimeMillis();
        long start = System.nanoTime();
        JobID id = cluster.submitJob(graph).get().getJobID();
        JobResult result;
        try {
            result = cluster.requestJobResult(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cluster.cancelJob(id).get();
            throw new IllegalStateException(graph.getJobName() + " did not finish in " + timeout);
        }
        long wall = System.nanoTime() - start;
        if (!result.isSuccess()) {
            Throwable cause =
                    result.getSerializedThrowable()
                            .map(t -> t.deserializeError(getClass().getClassLoader()))
                            .orElse(null);
            throw new IllegalStateException(graph.getJobName() + " failed", cause);
        }
        return new JobRun(submittedAtMs, wall, stateBackend(id));
    }

    /** Which state backend the job really ran with: proof that the job config took effect. */
    private String stateBackend(JobID id) {
        try {
            return cluster.getExecutionGraph(id)
                    .get(10, TimeUnit.SECONDS)
                    .getStateBackendName()
                    .orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
