package io.llmsentinel.bench;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
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
                    case BASELINE -> run.job().detector() ? eventsBaseline(run) : rawBaseline(run);
                    case JOB -> job(run);
                };
        graph.setJobName("bench " + run.id());
        return graph;
    }

    /**
     * The catalog's Kafka job with its source bounded at the end offsets at start. At the end of a
     * bounded input Flink sends the final watermark, so every open window and timer fires before
     * the job finishes: the last minutes of anomalies are part of the run.
     */
    private static StreamGraph job(RunSpec run) {
        StreamExecutionEnvironment env = environment("rocksdb");
        run.job().job().buildBounded(env, run.config(), OffsetsInitializer.latest());
        return env.getStreamGraph();
    }

    private static StreamGraph rawBaseline(RunSpec run) {
        StreamExecutionEnvironment env = environment("hashmap");
        env.setParallelism(run.parallelism());
        IngestConfig config = JobCatalog.INGEST.config(run.config());
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
        // only its Kafka settings are used, and those are the same for every detector
        DetectorConfig config = (DetectorConfig) run.job().job().config(run.config());
        env.fromSource(
                        KafkaConnectors.boundedEventsSource(
                                config.kafka(),
                                run.groupId(),
                                config.startingOffsets(),
                                OffsetsInitializer.latest()),
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

    private static StreamExecutionEnvironment environment(String stateBackend) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        // as in flink-conf/config.yaml
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
