package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.cost.CostConfig;
import io.llmsentinel.jobs.cost.CostJob;
import io.llmsentinel.jobs.drift.DriftConfig;
import io.llmsentinel.jobs.drift.DriftJob;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.jobs.latency.LatencyConfig;
import io.llmsentinel.jobs.latency.LatencyJob;
import io.llmsentinel.jobs.security.SecurityConfig;
import io.llmsentinel.jobs.security.SecurityJob;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
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
                    case BASELINE -> run.job().detector() ? eventsBaseline(run) : rawBaseline(run);
                    case JOB ->
                            switch (run.job()) {
                                case INGEST -> ingest(run);
                                case LATENCY -> latency(run);
                                case COST -> cost(run);
                                case DRIFT -> drift(run);
                                case SECURITY -> security(run);
                            };
                };
        graph.setJobName("bench " + run.id());
        return graph;
    }

    private static StreamGraph rawBaseline(RunSpec run) {
        StreamExecutionEnvironment env = environment("hashmap");
        env.setParallelism(run.parallelism());
        IngestConfig config = run.ingestConfig();
        env.fromSource(
                        KafkaConnectors.boundedRawSource(config, OffsetsInitializer.latest()),
                        WatermarkStrategy.noWatermarks(),
                        "Kafka raw telemetry")
                .uid("bench-kafka-source")
                .name("Kafka raw telemetry " + config.topicFormats().keySet())
                .map(new BaselineParse(run.rawData().format()))
                .uid("bench-parse")
                .name("Parse " + run.rawData().format().wireName())
                .sinkTo(new DiscardingSink<>())
                .uid("bench-discard")
                .name("Discard");
        return env.getStreamGraph();
    }

    /**
     * The detectors' reference line: the jobs' own events source (deserializer and consumer
     * settings), keyBy(service), a count in keyed state, discard. No watermarks: no timers to fire.
     */
    private static StreamGraph eventsBaseline(RunSpec run) {
        StreamExecutionEnvironment env = environment("hashmap");
        env.setParallelism(run.parallelism());
        // only its Kafka settings are used, and those are the same for latency and cost
        LatencyConfig config = run.latencyConfig();
        env.fromSource(
                        eventsSource(config.kafka(), run, config.startingOffsets()),
                        WatermarkStrategy.noWatermarks(),
                        "Kafka " + config.kafka().eventsTopic())
                .uid("bench-events-source")
                .name("Kafka " + config.kafka().eventsTopic() + " (read_committed)")
                .keyBy(CountPerService::service, Types.STRING)
                .map(new CountPerService())
                .uid("bench-count")
                .name("Count per service")
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

    /** {@link LatencyJob#buildWithKafka} with a source bounded at the end offsets at start. */
    private static StreamGraph latency(RunSpec run) {
        LatencyConfig config = run.latencyConfig();
        StreamExecutionEnvironment env = environment("rocksdb");
        LatencyJob.buildWithKafka(
                env, config, eventsSource(config.kafka(), run, config.startingOffsets()));
        return env.getStreamGraph();
    }

    /** {@link CostJob#buildWithKafka} with a source bounded at the end offsets at start. */
    private static StreamGraph cost(RunSpec run) {
        CostConfig config = run.costConfig();
        StreamExecutionEnvironment env = environment("rocksdb");
        CostJob.buildWithKafka(
                env, config, eventsSource(config.kafka(), run, config.startingOffsets()));
        return env.getStreamGraph();
    }

    /** {@link DriftJob#buildWithKafka} with a source bounded at the end offsets at start. */
    private static StreamGraph drift(RunSpec run) {
        DriftConfig config = run.driftConfig();
        StreamExecutionEnvironment env = environment("rocksdb");
        DriftJob.buildWithKafka(
                env, config, eventsSource(config.kafka(), run, config.startingOffsets()));
        return env.getStreamGraph();
    }

    /** {@link SecurityJob#buildWithKafka} with a source bounded at the end offsets at start. */
    private static StreamGraph security(RunSpec run) {
        SecurityConfig config = run.securityConfig();
        StreamExecutionEnvironment env = environment("rocksdb");
        SecurityJob.buildWithKafka(
                env, config, eventsSource(config.kafka(), run, config.startingOffsets()));
        return env.getStreamGraph();
    }

    /**
     * The detector jobs' events source, ending at the end offsets at start. At the end of a bounded
     * input Flink sends the final watermark, so every open window and timer fires before the job
     * finishes: the last minutes of anomalies are part of the run.
     */
    private static KafkaSource<LlmEvent> eventsSource(
            KafkaSettings kafka, RunSpec run, StartingOffsets startingOffsets) {
        return KafkaConnectors.boundedEventsSource(
                kafka, run.groupId(), startingOffsets, OffsetsInitializer.latest());
    }

    private static StreamExecutionEnvironment environment(String stateBackend) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        // as in flink-conf/config.yaml
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
