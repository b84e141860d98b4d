package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Kafka ends every detector job shares: canonical events in from {@code llm.events}
 * (read_committed, per-partition event-time watermarks with idleness), anomalies out to {@code
 * llm.anomalies} (exactly-once, keyed by episode). A detector job is its graph plus this.
 */
public final class DetectorJob<C extends DetectorConfig>
        implements SentinelJob.KafkaEnds<LlmEvent, C, DataStream<Anomaly>> {
    private final String name;

    private DetectorJob(String name) {
        this.name = name;
    }

    /** A detector job from its name, options, typed configuration and graph. */
    public static <C extends DetectorConfig> SentinelJob<LlmEvent, C, DataStream<Anomaly>> of(
            String name,
            Class<?> options,
            Function<Configuration, C> config,
            BiFunction<DataStream<LlmEvent>, C, DataStream<Anomaly>> graph) {
        return new SentinelJob<>(name, options, config, graph, new DetectorJob<>(name));
    }

    /** The consumer group of a detector job without a configured one. */
    public static String defaultGroupId(String jobName) {
        return "llm-sentinel-" + jobName;
    }

    @Override
    public JobSettings settings(C config) {
        return config.job();
    }

    @Override
    public Source<LlmEvent, ?, ?> source(C config, OffsetsInitializer stoppingOffsets) {
        String group = config.consumerGroup().orElse(defaultGroupId(name));
        return stoppingOffsets == null
                ? KafkaConnectors.eventsSource(config.kafka(), group, config.startingOffsets())
                : KafkaConnectors.boundedEventsSource(
                        config.kafka(), group, config.startingOffsets(), stoppingOffsets);
    }

    @Override
    public DataStream<LlmEvent> input(
            StreamExecutionEnvironment env, Source<LlmEvent, ?, ?> source, C config) {
        String topic = config.kafka().eventsTopic();
        return env.fromSource(
                        source,
                        config.watermarks().<LlmEvent>strategy((e, ts) -> e.eventTime),
                        "Kafka " + topic)
                .uid(name + "-events-source")
                .name("Kafka " + topic + " (read_committed)");
    }

    @Override
    public void sink(DataStream<Anomaly> anomalies, C config) {
        anomalies
                .sinkTo(KafkaConnectors.anomalySink(config.kafka(), name))
                .uid(name + "-anomalies-sink")
                .name("Kafka " + config.kafka().anomaliesTopic());
    }
}
