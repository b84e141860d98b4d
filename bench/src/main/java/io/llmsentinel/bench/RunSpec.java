package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.IngestConfig;
import io.llmsentinel.jobs.config.IngestOptions;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.schema.SourceFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One run: which pipeline over which data at which parallelism, and the names it owns. Output
 * topics, consumer group and transactional ids are fresh per run, so no run sees another's output
 * or fences another's transactions.
 */
record RunSpec(
        String id,
        Pipeline pipeline,
        RawDataset data,
        int parallelism,
        String bootstrapServers,
        Duration checkpointInterval) {

    String eventsTopic() {
        return "bench.out." + id + ".events";
    }

    String dlqTopic() {
        return "bench.out." + id + ".dlq";
    }

    /** The ingest configuration, built the way the job builds it from its config file. */
    IngestConfig ingestConfig() {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap-servers", bootstrapServers);
        s.put("kafka.topic.events", eventsTopic());
        s.put("kafka.topic.dlq", dlqTopic());
        s.put("kafka.transactional-id-prefix", "bench-" + id);
        for (SourceFormat f : SourceFormat.values()) {
            s.put(topicsKey(f), f == data.format() ? data.topic() : "");
        }
        s.put("ingest.group-id", "bench-" + id);
        s.put("ingest.starting-offsets", "earliest");
        // Simulated event times lie in 2025; the default 7-day age check would dead-letter them.
        s.put("ingest.max-event-age", "0 s");
        s.put("job.checkpoint-interval", checkpointInterval.toMillis() + " ms");
        s.put("job.parallelism", String.valueOf(parallelism));
        return IngestConfig.from(JobConfig.fromMap(s, IngestOptions.class));
    }

    private static String topicsKey(SourceFormat format) {
        return switch (format) {
            case JSON -> IngestOptions.JSON_TOPICS.key();
            case OTLP_PROTO -> IngestOptions.OTLP_PROTO_TOPICS.key();
            case OTLP_JSON -> IngestOptions.OTLP_JSON_TOPICS.key();
        };
    }
}
