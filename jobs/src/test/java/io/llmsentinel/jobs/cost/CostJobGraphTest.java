package io.llmsentinel.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobLauncher;
import io.llmsentinel.jobs.SentinelJob;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The Kafka-wired cost graph: stable uids (savepoints depend on them) and readable names. */
class CostJobGraphTest {
    @Test
    void everyOperatorHasItsStableUidAndAName() throws Exception {
        SentinelJob job = CostJob.DEFINITION;
        assertThat(job.name()).isEqualTo("cost");
        Configuration conf = JobLauncher.loadConfig(job, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        job.buildWithKafka(env, conf);
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getStreamNodes())
                .allSatisfy(
                        n -> {
                            assertThat(n.getTransformationUID()).isNotBlank();
                            assertThat(n.getOperatorName()).isNotBlank();
                        });
        List<String> uids =
                graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        // renaming any of these orphans its state in existing savepoints: do not change them
        assertThat(uids)
                .contains(
                        "cost-events-source",
                        "cost-pricing",
                        "cost-spend-tenant",
                        "cost-spend-user",
                        "cost-spend-model",
                        "cost-session",
                        "cost-finish-length",
                        "cost-budget",
                        "cost-anomalies-sink");
        assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    }
}
