package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.cost.CostConfig;
import io.llmsentinel.jobs.cost.CostOptions;
import io.llmsentinel.jobs.drift.DriftConfig;
import io.llmsentinel.jobs.drift.DriftOptions;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.jobs.latency.LatencyConfig;
import io.llmsentinel.jobs.latency.LatencyOptions;
import io.llmsentinel.jobs.security.SecurityConfig;
import io.llmsentinel.jobs.security.SecurityOptions;
import io.llmsentinel.schema.SourceFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One run: which job and pipeline over which data at which parallelism, and the names it owns.
 * Output topics, consumer group and transactional ids are fresh per run, so no run sees another's
 * output or fences another's transactions.
 */
record RunSpec(
        String id,
        BenchJob job,
        Pipeline pipeline,
        Dataset data,
        int parallelism,
        String bootstrapServers,
        Duration checkpointInterval) {

    String label() {
        return job.label(pipeline);
    }

    String groupId() {
        return "bench-" + id;
    }

    String eventsTopic() {
        return "bench.out." + id + ".events";
    }

    String dlqTopic() {
        return "bench.out." + id + ".dlq";
    }

    String anomaliesTopic() {
        return "bench.out." + id + ".anomalies";
    }

    /** The ingest input; only ingest runs have one. */
    RawDataset rawData() {
        return (RawDataset) data;
    }

    /** The ingest configuration, built the way the job builds it from its config file. */
    IngestConfig ingestConfig() {
        Map<String, String> s = common(eventsTopic());
        s.put("kafka.topic.dlq", dlqTopic());
        for (SourceFormat f : SourceFormat.values()) {
            s.put(topicsKey(f), f == rawData().format() ? data.topic() : "");
        }
        s.put("ingest.group-id", groupId());
        s.put("ingest.starting-offsets", "earliest");
        // Simulated event times lie in 2025; the default 7-day age check would dead-letter them.
        s.put("ingest.max-event-age", "0 s");
        return IngestConfig.from(JobConfig.fromMap(s, IngestOptions.class));
    }

    /**
     * The latency configuration: the local run's shortened warm-up and half-life (the production
     * defaults assume hours of history, which a short bench dataset does not have).
     */
    LatencyConfig latencyConfig() {
        Map<String, String> s = common(data.topic());
        s.put("kafka.topic.anomalies", anomaliesTopic());
        s.put("latency.starting-offsets", "earliest");
        s.put("latency.warmup", "4 min");
        s.put("latency.baseline.half-life", "15 min");
        return LatencyConfig.from(JobConfig.fromMap(s, LatencyOptions.class));
    }

    /** The cost configuration: the local run's shortened windows and warm-ups (no budgets). */
    CostConfig costConfig() {
        Map<String, String> s = common(data.topic());
        s.put("kafka.topic.anomalies", anomaliesTopic());
        s.put("cost.group-id", groupId());
        s.put("cost.starting-offsets", "earliest");
        s.put("cost.spend.window", "1 min");
        s.put("cost.spend.baseline", "30 min");
        s.put("cost.spend.warm-up", "4 min");
        s.put("cost.spend.min-calls", "5");
        s.put("cost.finish-length.window", "1 min");
        s.put("cost.finish-length.baseline", "30 min");
        s.put("cost.finish-length.warm-up", "4 min");
        s.put("cost.finish-length.min-calls", "20");
        return CostConfig.from(JobConfig.fromMap(s, CostOptions.class));
    }

    /** The drift configuration: the local run's short slices and windows. */
    DriftConfig driftConfig() {
        Map<String, String> s = common(data.topic());
        s.put("kafka.topic.anomalies", anomaliesTopic());
        s.put("drift.starting-offsets", "earliest");
        s.put("drift.slice", "30 s");
        s.put("drift.current-window", "2 min");
        s.put("drift.reference.window", "8 min");
        s.put("drift.min-samples", "100");
        return DriftConfig.from(JobConfig.fromMap(s, DriftOptions.class));
    }

    /** The security configuration: the defaults. */
    SecurityConfig securityConfig() {
        Map<String, String> s = common(data.topic());
        s.put("kafka.topic.anomalies", anomaliesTopic());
        s.put("security.starting-offsets", "earliest");
        return SecurityConfig.from(JobConfig.fromMap(s, SecurityOptions.class));
    }

    /** Settings every job takes; {@code eventsTopic} is the ingest output or the detector input. */
    private Map<String, String> common(String eventsTopic) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap-servers", bootstrapServers);
        s.put("kafka.topic.events", eventsTopic);
        s.put("kafka.transactional-id-prefix", "bench-" + id);
        s.put("job.checkpoint-interval", checkpointInterval.toMillis() + " ms");
        s.put("job.parallelism", String.valueOf(parallelism));
        return s;
    }

    private static String topicsKey(SourceFormat format) {
        return switch (format) {
            case JSON -> IngestOptions.JSON_TOPICS.key();
            case OTLP_PROTO -> IngestOptions.OTLP_PROTO_TOPICS.key();
            case OTLP_JSON -> IngestOptions.OTLP_JSON_TOPICS.key();
        };
    }
}
