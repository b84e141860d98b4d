package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.JobLauncher;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.replay.OutputRecord;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/**
 * What savepoint compatibility depends on: the Kafka-wired graph builds with auto-generated uids
 * and generic types disabled, every node has a stable uid and a readable name, and the types on the
 * wire between operators are POJOs.
 */
class IngestGraphShapeTest {

    @Test
    void everyJobGraphHasStableUidsAndNames() throws Exception {
        for (SentinelJob job : JobCatalog.all()) {
            Configuration conf = JobLauncher.loadConfig(job, null);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(conf);
            job.buildWithKafka(env, conf);
            StreamGraph graph = env.getStreamGraph();
            assertThat(graph.getStreamNodes())
                    .allSatisfy(
                            node -> {
                                assertThat(node.getTransformationUID())
                                        .as(describe(node))
                                        .isNotBlank();
                                assertThat(node.getOperatorName()).as(describe(node)).isNotBlank();
                            });
            assertThat(graph.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        }
    }

    @Test
    void ingestUidsAreTheOnesSavepointsDependOn() throws Exception {
        SentinelJob ingest = JobCatalog.byName("ingest");
        Configuration conf = JobLauncher.loadConfig(ingest, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        ingest.buildWithKafka(env, conf);
        List<String> uids =
                env.getStreamGraph().getStreamNodes().stream()
                        .map(StreamNode::getTransformationUID)
                        .toList();
        // renaming any of these orphans its state in existing savepoints: do not change them
        assertThat(uids)
                .contains(
                        "ingest-kafka-source",
                        "ingest-decode",
                        "ingest-watermarks",
                        "ingest-late-counter",
                        "ingest-events-sink",
                        "ingest-dlq-sink");
    }

    @Test
    void typesBetweenOperatorsArePojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RawRecord.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(OutputRecord.class);
    }

    private static String describe(StreamNode node) {
        return "node " + node.getId() + " " + node.getOperatorName();
    }
}
