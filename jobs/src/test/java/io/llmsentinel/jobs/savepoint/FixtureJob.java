package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.jobs.cost.CostConfig;
import io.llmsentinel.jobs.cost.CostJob;
import io.llmsentinel.jobs.cost.CostOptions;
import io.llmsentinel.jobs.drift.DriftConfig;
import io.llmsentinel.jobs.drift.DriftJob;
import io.llmsentinel.jobs.drift.DriftOptions;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.jobs.latency.LatencyConfig;
import io.llmsentinel.jobs.latency.LatencyJob;
import io.llmsentinel.jobs.latency.LatencyOptions;
import io.llmsentinel.jobs.security.SecurityConfig;
import io.llmsentinel.jobs.security.SecurityJob;
import io.llmsentinel.jobs.security.SecurityOptions;
import io.llmsentinel.schema.LlmEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * How a fixture runs today's graph of a job: its input type, its option holder and the graph
 * builder the Kafka job, replay and the tests share. Outputs are named by kind ({@code anomalies},
 * {@code events}, {@code dead-letters}) so the restore test can compare them kind by kind.
 */
enum FixtureJob {
    INGEST(
            RawRecord.class,
            IngestOptions.class,
            (input, conf) -> {
                @SuppressWarnings("unchecked")
                IngestJob.Outputs out =
                        IngestJob.build((DataStream<RawRecord>) input, IngestConfig.from(conf));
                Map<String, DataStream<?>> m = new LinkedHashMap<>();
                m.put("events", out.events());
                m.put("dead-letters", out.deadLetters());
                return m;
            }),
    LATENCY(
            LlmEvent.class,
            LatencyOptions.class,
            (input, conf) -> anomalies(LatencyJob.build(events(input), LatencyConfig.from(conf)))),
    COST(
            LlmEvent.class,
            CostOptions.class,
            (input, conf) -> anomalies(CostJob.build(events(input), CostConfig.from(conf)))),
    DRIFT(
            LlmEvent.class,
            DriftOptions.class,
            (input, conf) -> anomalies(DriftJob.build(events(input), DriftConfig.from(conf)))),
    SECURITY(
            LlmEvent.class,
            SecurityOptions.class,
            (input, conf) ->
                    anomalies(SecurityJob.build(events(input), SecurityConfig.from(conf))));

    final Class<?> inputType;
    final Class<?> options;
    private final BiFunction<DataStream<?>, Configuration, Map<String, DataStream<?>>> graph;

    FixtureJob(
            Class<?> inputType,
            Class<?> options,
            BiFunction<DataStream<?>, Configuration, Map<String, DataStream<?>>> graph) {
        this.inputType = inputType;
        this.options = options;
        this.graph = graph;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FixtureJob parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether the input is canonical events that need event-time watermarks at the source. */
    boolean readsEvents() {
        return inputType == LlmEvent.class;
    }

    Map<String, DataStream<?>> graph(DataStream<?> input, Configuration conf) {
        return graph.apply(input, conf);
    }

    @SuppressWarnings("unchecked")
    private static DataStream<LlmEvent> events(DataStream<?> input) {
        return (DataStream<LlmEvent>) input;
    }

    private static Map<String, DataStream<?>> anomalies(DataStream<?> anomalies) {
        return Map.of("anomalies", anomalies);
    }
}
