package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.JobSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job of the suite, as everything that runs jobs sees it (the launcher, the local run, replay,
 * the benchmarks, the tests): its name and options, its typed configuration, its graph, and the
 * Kafka ends around the graph. Adding a job is one such definition and one line in {@link
 * JobCatalog}.
 *
 * @param <I> what the graph reads (raw records, canonical events)
 * @param <C> the job's validated configuration
 * @param <O> what the graph produces (an anomaly stream, ingest's events and dead letters)
 */
public final class SentinelJob<I, C, O> {
    private final String name;
    private final Class<?> options;
    private final Function<Configuration, C> config;
    private final BiFunction<DataStream<I>, C, O> graph;
    private final KafkaEnds<I, C, O> kafka;

    public SentinelJob(
            String name,
            Class<?> options,
            Function<Configuration, C> config,
            BiFunction<DataStream<I>, C, O> graph,
            KafkaEnds<I, C, O> kafka) {
        this.name = name;
        this.options = options;
        this.config = config;
        this.graph = graph;
        this.kafka = kafka;
    }

    /**
     * How a job meets Kafka: its settings, its source (possibly bounded), the source operator with
     * its uid and watermarks, and the exactly-once sinks of its outputs.
     */
    public interface KafkaEnds<I, C, O> {
        JobSettings settings(C config);

        /** The configured source; bounded at {@code stoppingOffsets} unless that is null. */
        Source<I, ?, ?> source(C config, OffsetsInitializer stoppingOffsets);

        DataStream<I> input(StreamExecutionEnvironment env, Source<I, ?, ?> source, C config);

        void sink(O outputs, C config);

        /** Environment settings of this job beyond the common ones; none by default. */
        default void configure(StreamExecutionEnvironment env) {}
    }

    /** The name used on the command line ({@code sentinel run NAME}) and in the web UI. */
    public String name() {
        return name;
    }

    /** The prefix of this job's own configuration keys. */
    public String namespace() {
        return name + ".";
    }

    /** Classes whose public static ConfigOption fields are this job's options. */
    public List<Class<?>> optionHolders() {
        return List.of(options);
    }

    /** The validated configuration; every error names the key. */
    public C config(Configuration conf) {
        return config.apply(conf);
    }

    /** Of {@code all}, the settings this job reads: the shared ones and its own namespace's. */
    public Map<String, String> ownSettings(Map<String, String> all) {
        Map<String, String> out = new HashMap<>();
        all.forEach(
                (k, v) -> {
                    if (k.startsWith("kafka.")
                            || k.startsWith("job.")
                            || k.startsWith(namespace())) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    /** The whole graph over an input that carries event time (Kafka, replay and tests alike). */
    public O graph(DataStream<I> input, C config) {
        return graph.apply(input, config);
    }

    /** The graph with the configuration read from {@code conf} (replay runs every job so). */
    public O graph(DataStream<I> input, Configuration conf) {
        return graph(input, config(conf));
    }

    /** Validates {@code conf} and adds the job with its Kafka source and sinks to {@code env}. */
    public void buildWithKafka(StreamExecutionEnvironment env, Configuration conf) {
        buildWithKafka(env, config(conf));
    }

    public void buildWithKafka(StreamExecutionEnvironment env, C config) {
        buildWithSource(env, config, kafka.source(config, null));
    }

    /**
     * The same job reading until {@code stoppingOffsets} (e.g. the end offsets at start), so that
     * it finishes by itself: benchmarks and backfills. At the end Flink sends the final watermark,
     * so every open window and timer fires before the job finishes.
     */
    public void buildBounded(
            StreamExecutionEnvironment env,
            Configuration conf,
            OffsetsInitializer stoppingOffsets) {
        C c = config(conf);
        buildWithSource(env, c, kafka.source(c, stoppingOffsets));
    }

    /** The job's Kafka input operator alone (tests put operators between it and the graph). */
    public DataStream<I> kafkaInput(StreamExecutionEnvironment env, C config) {
        return kafka.input(env, kafka.source(config, null), config);
    }

    /** The job's exactly-once Kafka sinks alone. */
    public void sinkToKafka(O outputs, C config) {
        kafka.sink(outputs, config);
    }

    /** The job over a given source; uids and names are those of the job's own source. */
    public void buildWithSource(StreamExecutionEnvironment env, C config, Source<I, ?, ?> source) {
        JobEnvironment.apply(env, kafka.settings(config));
        kafka.configure(env);
        kafka.sink(graph(kafka.input(env, source, config), config), config);
    }

    @Override
    public String toString() {
        return name;
    }
}
