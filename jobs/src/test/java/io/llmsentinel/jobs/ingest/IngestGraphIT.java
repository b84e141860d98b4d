package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.replay.OutputCollector;
import io.llmsentinel.jobs.replay.OutputRecord;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest graph on a MiniCluster at parallelism 2, with in-memory input. */
class IngestGraphIT {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static final long NOW = System.currentTimeMillis();

    @Test
    @Timeout(120)
    void validRecordsBecomeEventsAndInvalidOnesDeadLettersWithSourceCoordinates() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(
                    IngestTestRecords.json(IngestTestRecords.validJson("e-" + i, NOW - i), i, NOW));
        }
        input.add(IngestTestRecords.json("{not json", 100, NOW));
        input.add(
                IngestTestRecords.json(
                        IngestTestRecords.validJson("neg", NOW).replace("120", "-120"), 101, NOW));
        input.add(IngestTestRecords.json(IngestTestRecords.validJson("old", 1000), 102, NOW));

        Map<String, List<String>> out = run(input);

        assertThat(out.get(OutputRecord.EVENT)).hasSize(40);
        assertThat(out.get(OutputRecord.DEAD_LETTER)).hasSize(3);
        for (String json : out.get(OutputRecord.EVENT)) {
            assertThat(ContractSchemas.errors(ContractSchemas.LLM_EVENT, json)).isEmpty();
            LlmEvent e = Codecs.fromJson(json, LlmEvent.class);
            assertThat(e.ingestTime).isNotNull();
            assertThat(e.sourceFormat).isEqualTo("json");
        }
        List<DeadLetter> dlq =
                out.get(OutputRecord.DEAD_LETTER).stream()
                        .map(j -> Codecs.fromJson(j, DeadLetter.class))
                        .toList();
        assertThat(out.get(OutputRecord.DEAD_LETTER))
                .allSatisfy(
                        j ->
                                assertThat(ContractSchemas.errors(ContractSchemas.DEAD_LETTER, j))
                                        .isEmpty());
        assertThat(dlq)
                .extracting(d -> d.sourceOffset + ":" + d.reasonCode)
                .containsExactlyInAnyOrder(
                        "100:MALFORMED_JSON", "101:OUT_OF_RANGE", "102:TIMESTAMP_OUT_OF_RANGE");
        assertThat(dlq).allSatisfy(d -> assertThat(d.sourceTopic).isEqualTo("llm.raw.json"));
        assertThat(
                        new String(
                                dlq.stream()
                                        .filter(d -> d.sourceOffset == 100)
                                        .findFirst()
                                        .orElseThrow()
                                        .payloadBytes()))
                .isEqualTo("{not json");
    }

    static Map<String, List<String>> run(List<RawRecord> input) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IngestConfig config = IngestConfig.from(JobConfig.fromMap(Map.of(), IngestOptions.class));
        JobEnvironment.applyBounded(env, TestClusters.jobSettings());
        DataStream<RawRecord> raw =
                env.fromData(TypeInformation.of(RawRecord.class), input.toArray(new RawRecord[0]))
                        .uid("test-input")
                        .name("test input")
                        .assignTimestampsAndWatermarks(WatermarkStrategy.noWatermarks())
                        .uid("test-input-watermarks");
        return OutputCollector.collect(OutputCollector.tagged(IngestJob.build(raw, config)));
    }
}
