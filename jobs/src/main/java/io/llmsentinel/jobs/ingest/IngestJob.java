package io.llmsentinel.jobs.ingest;

import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ingest job: raw topics (our JSON, OTLP proto, OTLP JSON) in; canonical llm-events out to
 * {@code llm.events} and rejected records to {@code llm.events.dlq}, both exactly-once.
 *
 * <p>{@link #build} holds the whole graph and takes its input as a stream, so the Kafka job, the
 * tests and {@code sentinel replay} run the very same operators.
 */
public final class IngestJob {
    public static final String NAME = "ingest";

    /** The job as the launchers, replay and the benchmarks see it. */
    public static final SentinelJob<RawRecord, IngestConfig, Outputs> JOB =
            new SentinelJob<>(
                    NAME, IngestOptions.class, IngestConfig::from, IngestJob::build, new Kafka());

    private IngestJob() {}

    /** The job's outputs: canonical events (with event-time watermarks) and dead letters. */
    public record Outputs(DataStream<LlmEvent> events, DataStream<DeadLetter> deadLetters) {}

    public static Outputs build(DataStream<RawRecord> raw, IngestConfig config) {
        SingleOutputStreamOperator<LlmEvent> decoded =
                raw.process(
                                new DecodeFunction(
                                        config.limits(),
                                        config.content(),
                                        config.dlqMaxPayloadBytes()))
                        .uid("ingest-decode")
                        .name("Decode and validate (JSON, OTLP)");
        DataStream<DeadLetter> deadLetters = decoded.getSideOutput(DecodeFunction.DEAD_LETTERS);
        DataStream<LlmEvent> events =
                decoded.assignTimestampsAndWatermarks(
                                config.watermarks().<LlmEvent>strategy((e, ts) -> e.eventTime))
                        .uid("ingest-watermarks")
                        .name("Event-time watermarks")
                        .process(new LateEventCounter())
                        .uid("ingest-late-counter")
                        .name("Count late events");
        return new Outputs(events, deadLetters);
    }

    /**
     * The raw topics, read {@code read_committed} with the position checkpointed; canonical events
     * (keyed by event id) and dead letters out, exactly-once.
     */
    private static final class Kafka
            implements SentinelJob.KafkaEnds<RawRecord, IngestConfig, Outputs> {
        @Override
        public JobSettings settings(IngestConfig config) {
            return config.job();
        }

        @Override
        public void configure(StreamExecutionEnvironment env) {
            // Safe here: every operator creates its outputs and keeps no reference to its inputs.
            // Saves the deep copy of each event between the chained operators.
            env.getConfig().enableObjectReuse();
        }

        @Override
        public Source<RawRecord, ?, ?> source(
                IngestConfig config, OffsetsInitializer stoppingOffsets) {
            return stoppingOffsets == null
                    ? KafkaConnectors.rawSource(config)
                    : KafkaConnectors.boundedRawSource(config, stoppingOffsets);
        }

        @Override
        public DataStream<RawRecord> input(
                StreamExecutionEnvironment env,
                Source<RawRecord, ?, ?> source,
                IngestConfig config) {
            return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka raw telemetry")
                    .uid("ingest-kafka-source")
                    .name("Kafka raw telemetry " + config.topicFormats().keySet());
        }

        @Override
        public void sink(Outputs out, IngestConfig config) {
            out.events()
                    .sinkTo(
                            KafkaConnectors.jsonSink(
                                    config.kafka(),
                                    config.kafka().eventsTopic(),
                                    NAME + "-events",
                                    (LlmEvent e) -> e.eventId))
                    .uid("ingest-events-sink")
                    .name("Kafka " + config.kafka().eventsTopic());
            out.deadLetters()
                    .sinkTo(
                            KafkaConnectors.jsonSink(
                                    config.kafka(),
                                    config.kafka().dlqTopic(),
                                    NAME + "-dlq",
                                    (DeadLetter d) -> d.sourceTopic))
                    .uid("ingest-dlq-sink")
                    .name("Kafka " + config.kafka().dlqTopic());
        }
    }
}
