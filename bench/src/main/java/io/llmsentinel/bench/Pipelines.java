package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Builds the job graph of a run; submitting and timing it is {@link BenchCluster}'s job. */
final class Pipelines {
    private Pipelines() {}

    static StreamGraph build(RunSpec run) {
        StreamGraph graph =
                switch (run.pipeline()) {
                    case BASELINE -> baseline(run);
                    case INGEST -> ingest(run);
                };
        graph.setJobName("bench " + run.id());
        return graph;
    }

    private static StreamGraph baseline(RunSpec run) {
        StreamExecutionEnvironment env = environment("hashmap");
        env.setParallelism(run.parallelism());
        IngestConfig config = run.ingestConfig();
        env.fromSource(
                        KafkaConnectors.boundedRawSource(config, OffsetsInitializer.latest()),
                        WatermarkStrategy.noWatermarks(),
                        "Kafka raw telemetry")
                .uid("bench-kafka-source")
                .name("Kafka raw telemetry " + config.topicFormats().keySet())
                .map(new BaselineParse(run.data().format()))
                .uid("bench-parse")
                .name("Parse " + run.data().format().wireName())
                .sinkTo(new DiscardingSink<>())
                .uid("bench-discard")
                .name("Discard");
        return env.getStreamGraph();
    }

    /** {@link IngestJob#buildWithKafka} with a source bounded at the end offsets at start. */
    private static StreamGraph ingest(RunSpec run) {
        IngestConfig config = run.ingestConfig();
        StreamExecutionEnvironment env = environment("rocksdb");
        IngestJob.buildWithKafka(
                env, config, KafkaConnectors.boundedRawSource(config, OffsetsInitializer.latest()));
        return env.getStreamGraph();
    }

    private static StreamExecutionEnvironment environment(String stateBackend) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        // as in flink-conf/config.yaml
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
