package io.llmsentinel.bench;

import io.llmsentinel.jobs.config.ConfigProfile;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.schema.SourceFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

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

    /**
     * The job's configuration, as its config file would give it: the run's topics, group and
     * transactional ids, and for the detectors the local run's shortened windows and warm-ups (the
     * production defaults assume hours of history, which a short bench dataset does not have).
     */
    Configuration config() {
        Map<String, String> s = common(job.detector() ? data.topic() : eventsTopic());
        String namespace = job.job().namespace();
        if (job.detector()) {
            s.put("kafka.topic.anomalies", anomaliesTopic());
            // the detector settings of the local profile; execution settings are the bench's
            ConfigProfile.LOCAL.settings().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(namespace))
                    .forEach(e -> s.put(e.getKey(), e.getValue()));
        } else {
            s.put("kafka.topic.dlq", dlqTopic());
            for (SourceFormat f : SourceFormat.values()) {
                s.put(topicsKey(f), f == rawData().format() ? data.topic() : "");
            }
            s.put("ingest.group-id", groupId());
            // Simulated event times lie in 2025; the default 7-day age check would dead-letter
            // them.
            s.put("ingest.max-event-age", "0 s");
        }
        if (job.wireName().equals("cost")) {
            s.put("cost.group-id", groupId());
        }
        s.put(namespace + "starting-offsets", "earliest");
        return JobConfig.fromMap(s, job.job().optionHolders().toArray(new Class<?>[0]));
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
