package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.schema.LlmEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The stateful jobs that have fixtures, and how a fixture runs today's graph of each: the catalog's
 * graph builder (the one the Kafka job, replay and the tests share) over the fixture input. Outputs
 * are named by kind ({@code anomalies}, {@code events}, {@code dead-letters}) so the restore test
 * can compare them kind by kind.
 */
enum FixtureJob {
    INGEST(RawRecord.class),
    LATENCY(LlmEvent.class),
    COST(LlmEvent.class),
    DRIFT(LlmEvent.class),
    SECURITY(LlmEvent.class);

    final Class<?> inputType;

    FixtureJob(Class<?> inputType) {
        this.inputType = inputType;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FixtureJob parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    SentinelJob<?, ?, ?> job() {
        return JobCatalog.byName(wireName());
    }

    List<Class<?>> options() {
        return job().optionHolders();
    }

    /** Whether the input is canonical events that need event-time watermarks at the source. */
    boolean readsEvents() {
        return inputType == LlmEvent.class;
    }

    Map<String, DataStream<?>> graph(DataStream<?> input, Configuration conf) {
        Object out = graph(job(), input, conf);
        Map<String, DataStream<?>> byKind = new LinkedHashMap<>();
        if (out instanceof IngestJob.Outputs ingest) {
            byKind.put("events", ingest.events());
            byKind.put("dead-letters", ingest.deadLetters());
        } else {
            byKind.put("anomalies", (DataStream<?>) out);
        }
        return byKind;
    }

    @SuppressWarnings("unchecked")
    private static <I> Object graph(
            SentinelJob<I, ?, ?> job, DataStream<?> input, Configuration conf) {
        return job.graph((DataStream<I>) input, conf);
    }
}
