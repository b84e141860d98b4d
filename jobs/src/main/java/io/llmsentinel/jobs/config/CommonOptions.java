package io.llmsentinel.jobs.config;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options every LLM-Sentinel job reads. Keys, defaults and descriptions are the documentation. */
public final class CommonOptions {
    private CommonOptions() {}

    /**
     * The {@code <job>.starting-offsets} option every job has, under its own key because each job
     * reads its own topics with its own consumer group.
     *
     * @param jobName the job's key prefix
     * @param input what the job reads, for the description (e.g. "llm.events, consumer group
     *     llm-sentinel-latency")
     */
    public static ConfigOption<StartingOffsets> startingOffsets(String jobName, String input) {
        return ConfigOptions.key(jobName + ".starting-offsets")
                .enumType(StartingOffsets.class)
                .defaultValue(StartingOffsets.COMMITTED_OR_EARLIEST)
                .withDescription(
                        "Where a fresh start (no savepoint) begins in "
                                + input
                                + ": earliest, latest or committed-or-earliest (the consumer"
                                + " group's committed offsets, the earliest where it has none). A"
                                + " restore continues from the savepoint's positions.");
    }

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription("Kafka bootstrap servers for every source and sink.");

    public static final ConfigOption<String> EVENTS_TOPIC =
            ConfigOptions.key("kafka.topic.events")
                    .stringType()
                    .defaultValue("llm.events")
                    .withDescription("Canonical llm-event v1 topic (written by ingest).");

    public static final ConfigOption<String> DLQ_TOPIC =
            ConfigOptions.key("kafka.topic.dlq")
                    .stringType()
                    .defaultValue("llm.events.dlq")
                    .withDescription("Dead-letter topic for records ingest could not accept.");

    public static final ConfigOption<String> ANOMALIES_TOPIC =
            ConfigOptions.key("kafka.topic.anomalies")
                    .stringType()
                    .defaultValue("llm.anomalies")
                    .withDescription("Anomaly v1 topic all detectors write to.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT =
            ConfigOptions.key("kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "transaction.timeout.ms of the exactly-once sinks; must not exceed the"
                                    + " broker's transaction.max.timeout.ms (15 min by default)"
                                    + " and must exceed the checkpoint interval plus restart time.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("llm-sentinel")
                    .withDescription(
                            "Prefix of the Kafka transactional ids; each sink appends its job and"
                                    + " sink name. Two deployments writing to the same cluster"
                                    + " need different prefixes.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("job.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Exactly-once checkpoint interval. Output becomes visible to"
                                    + " read_committed consumers when a checkpoint completes, so"
                                    + " this is also the end-to-end latency floor.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("job.parallelism")
                    .intType()
                    .defaultValue(-1)
                    .withDescription("Job parallelism; -1 keeps the cluster default.");

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOptions.key("job.max-parallelism")
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "Number of key groups. Fixed for the life of the job's state: changing"
                                    + " it makes savepoints unusable.");

    public static final ConfigOption<Duration> WATERMARK_OUT_OF_ORDERNESS =
            ConfigOptions.key("job.watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("How late an event may arrive and still count on time.");

    public static final ConfigOption<Duration> WATERMARK_IDLENESS =
            ConfigOptions.key("job.watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A partition without records for this long stops holding back the"
                                    + " watermark; zero disables idleness detection.");
}
