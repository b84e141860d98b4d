package io.llmsentinel.jobs.ingest;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.JobLauncher;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
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

    private IngestJob() {}

    /** The job's outputs: canonical events (with event-time watermarks) and dead letters. */
    public record Outputs(DataStream<LlmEvent> events, DataStream<DeadLetter> deadLetters) {}

    public static Outputs build(DataStream<RawRecord> raw, IngestConfig config) {
        SingleOutputStreamOperator<LlmEvent> decoded =
                raw.process(new DecodeFunction(config.limits(), config.dlqMaxPayloadBytes()))
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

    /** Wires Kafka around {@link #build}: used by {@code sentinel run ingest} and the local run. */
    public static void buildWithKafka(StreamExecutionEnvironment env, IngestConfig config) {
        buildWithKafka(env, config, KafkaConnectors.rawSource(config));
    }

    /** The same job over a given raw source (benchmarks pass a bounded one). */
    public static void buildWithKafka(
            StreamExecutionEnvironment env, IngestConfig config, KafkaSource<RawRecord> source) {
        JobEnvironment.apply(env, config.job());
        // Safe here: every operator creates its outputs and keeps no reference to its inputs.
        // Saves the deep copy of each event between the chained operators.
        env.getConfig().enableObjectReuse();
        sinkToKafka(build(kafkaSource(env, config, source), config), config);
    }

    /** The raw topics, read {@code read_committed}; the position is checkpointed. */
    public static DataStream<RawRecord> kafkaSource(
            StreamExecutionEnvironment env, IngestConfig config) {
        return kafkaSource(env, config, KafkaConnectors.rawSource(config));
    }

    private static DataStream<RawRecord> kafkaSource(
            StreamExecutionEnvironment env, IngestConfig config, KafkaSource<RawRecord> source) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka raw telemetry")
                .uid("ingest-kafka-source")
                .name("Kafka raw telemetry " + config.topicFormats().keySet());
    }

    /** Exactly-once sinks for events (keyed by event id) and dead letters. */
    public static void sinkToKafka(Outputs out, IngestConfig config) {
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

    /** Same as {@code sentinel run ingest --config FILE}. */
    public static void main(String[] args) {
        String[] withJob = new String[args.length + 1];
        withJob[0] = NAME;
        System.arraycopy(args, 0, withJob, 1, args.length);
        JobLauncher.main(withJob);
    }
}
