package io.llmsentinel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job of the catalog, Kafka-wired with its default configuration: stable uids on every
 * operator (savepoints map state by them), readable names, checkpointing on, max parallelism set.
 */
class JobGraphsTest {
    /** Uids that existing savepoints depend on: renaming one orphans its state. */
    static final Map<String, List<String>> PINNED_UIDS =
            Map.of(
                    "drift",
                    List.of("drift-events-source", "drift-detector", "drift-anomalies-sink"),
                    "security",
                    List.of(
                            "security-events-source",
                            "security-scan",
                            "security-finding-episodes",
                            "security-attack-behaviour",
                            "security-anomalies-sink"));

    static List<String> jobs() {
        return JobCatalog.all().stream().map(SentinelJob::name).toList();
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void everyOperatorHasAStableUidAndAName(String name) throws Exception {
        SentinelJob job = JobCatalog.byName(name);
        Configuration conf = JobLauncher.loadConfig(job, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        job.buildWithKafka(env, conf);
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getStreamNodes())
                .allSatisfy(
                        n -> {
                            assertThat(n.getTransformationUID()).as(n.toString()).isNotBlank();
                            assertThat(n.getOperatorName()).isNotBlank();
                        });
        List<String> uids =
                graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        assertThat(uids)
                .doesNotHaveDuplicates()
                .containsAll(PINNED_UIDS.getOrDefault(name, List.of()));
        assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getConfig().getMaxParallelism()).isPositive();
    }
}
