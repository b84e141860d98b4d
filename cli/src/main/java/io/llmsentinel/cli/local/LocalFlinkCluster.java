package io.llmsentinel.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One Flink cluster in this JVM with the web UI and REST API, configured from {@code
 * flink-conf/config.yaml}. Each job is submitted separately, so each shows as its own job in the
 * UI, as on a real cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final List<JobID> jobs = new ArrayList<>();
    private final URI restAddress;

    private LocalFlinkCluster(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    public static LocalFlinkCluster start(int uiPort, int slots, Path workDir) throws Exception {
        Configuration conf = clusterConfiguration(workDir);
        conf.set(RestOptions.PORT, uiPort);
        conf.set(RestOptions.BIND_PORT, String.valueOf(uiPort));
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        conf.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                workDir.resolve("savepoints").toUri().toString());
        conf.setString("state.backend.rocksdb.localdir", workDir.resolve("rocksdb").toString());
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster, cluster.getRestAddress().get());
    }

    /** {@code flink-conf/config.yaml}, as packaged into the CLI jar. */
    static Configuration clusterConfiguration(Path workDir) throws IOException {
        Path confDir = workDir.resolve("flink-conf");
        Files.createDirectories(confDir);
        try (InputStream in =
                LocalFlinkCluster.class.getResourceAsStream("/flink-conf/config.yaml")) {
            if (in == null) {
                throw new IllegalStateException("flink-conf/config.yaml is not in the CLI jar");
            }
            Files.copy(in, confDir.resolve("config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        return GlobalConfiguration.loadConfiguration(confDir.toString());
    }

    public JobID submit(StreamGraph graph) throws Exception {
        JobID id = cluster.submitJob(graph).get().getJobID();
        jobs.add(id);
        return id;
    }

    public URI restAddress() {
        return restAddress;
    }

    @Override
    public void close() throws Exception {
        for (JobID id : jobs) {
            try {
                cluster.cancelJob(id).get();
            } catch (Exception e) {
                // already finished or failed: nothing to cancel
            }
        }
        cluster.close();
    }
}
