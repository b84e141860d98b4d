package io.llmsentinel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job of the catalog, Kafka-wired with its default configuration: every operator has a uid
 * from the pinned table {@code pinned-uids.properties} (savepoints map state by uid: renaming one
 * orphans its state, so a uid is never changed, and a new operator's uid is added to the table on
 * purpose), a readable name, checkpointing on and max parallelism 128 (the number of key groups is
 * fixed for the life of a deployment's state).
 */
class JobGraphsTest {
    static final int MAX_PARALLELISM = 128;

    static List<String> jobs() {
        return JobCatalog.all().stream().map(SentinelJob::name).toList();
    }

    static Properties pinnedUids() throws IOException {
        Properties p = new Properties();
        try (InputStream in = JobGraphsTest.class.getResourceAsStream("/pinned-uids.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theUidTableListsExactlyTheCatalogsJobs() throws IOException {
        assertThat(pinnedUids().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(jobs());
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void everyOperatorHasAPinnedUidAndAName(String name) throws Exception {
        StreamGraph graph = kafkaGraph(name);
        assertThat(graph.getStreamNodes())
                .allSatisfy(n -> assertThat(n.getOperatorName()).as(n.toString()).isNotBlank());
        List<String> uids =
                graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        List<String> pinned =
                Arrays.stream(pinnedUids().getProperty(name).split(",")).map(String::trim).toList();
        assertThat(uids).as(name + " uids").containsExactlyInAnyOrderElementsOf(pinned);
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void checkpointsAndKeepsMaxParallelism128(String name) throws Exception {
        StreamExecutionEnvironment env = kafkaEnvironment(name);
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getConfig().getMaxParallelism()).isEqualTo(MAX_PARALLELISM);
    }

    private static StreamGraph kafkaGraph(String name) {
        return kafkaEnvironment(name).getStreamGraph();
    }

    private static StreamExecutionEnvironment kafkaEnvironment(String name) {
        SentinelJob job = JobCatalog.byName(name);
        try {
            Configuration conf = JobLauncher.loadConfig(job, null);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(conf);
            job.buildWithKafka(env, conf);
            return env;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
