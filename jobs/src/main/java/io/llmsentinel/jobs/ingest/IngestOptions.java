package io.llmsentinel.jobs.ingest;

import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.schema.codec.ContentOptions;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Options of the ingest job. */
public final class IngestOptions {
    /** The decoders' limits are the options' defaults: written once, in ValidationLimits. */
    private static final ValidationLimits LIMITS = ValidationLimits.DEFAULTS;

    private IngestOptions() {}

    public static final ConfigOption<List<String>> JSON_TOPICS =
            ConfigOptions.key("ingest.topics.json")
                    .stringType()
                    .asList()
                    .defaultValues("llm.raw.json")
                    .withDescription("Topics carrying our llm-event v1 JSON.");

    public static final ConfigOption<List<String>> OTLP_PROTO_TOPICS =
            ConfigOptions.key("ingest.topics.otlp-proto")
                    .stringType()
                    .asList()
                    .defaultValues("llm.raw.otlp_proto")
                    .withDescription(
                            "Topics the OpenTelemetry Collector Kafka exporter writes with"
                                    + " encoding otlp_proto.");

    public static final ConfigOption<List<String>> OTLP_JSON_TOPICS =
            ConfigOptions.key("ingest.topics.otlp-json")
                    .stringType()
                    .asList()
                    .defaultValues("llm.raw.otlp_json")
                    .withDescription("Topics with OTLP traces in encoding otlp_json.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("ingest.group-id")
                    .stringType()
                    .defaultValue("llm-sentinel-ingest")
                    .withDescription(
                            "Consumer group (offsets are committed on checkpoints for"
                                    + " monitoring; the source position lives in Flink state).");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "ingest", "its raw topics (ingest.topics.*; consumer group: ingest.group-id)");

    public static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
            ConfigOptions.key("ingest.max-record-size")
                    .memoryType()
                    .defaultValue(new MemorySize(LIMITS.maxRecordBytes()))
                    .withDescription("Larger input records go to the DLQ as OVERSIZED_RECORD.");

    public static final ConfigOption<Integer> MAX_TEXT_CHARS =
            ConfigOptions.key("ingest.max-text-chars")
                    .intType()
                    .defaultValue(LIMITS.maxTextChars())
                    .withDescription(
                            "Prompt, response and retrieved texts are truncated to this many"
                                    + " chars and flagged in ingest_flags.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("ingest.max-future-skew")
                    .durationType()
                    .defaultValue(LIMITS.maxFutureSkew())
                    .withDescription(
                            "Events timed further ahead of the record's Kafka timestamp go to the"
                                    + " DLQ (clock skew guard).");

    public static final ConfigOption<Duration> MAX_EVENT_AGE =
            ConfigOptions.key("ingest.max-event-age")
                    .durationType()
                    .defaultValue(LIMITS.maxEventAge())
                    .withDescription(
                            "Events older than this (against the Kafka timestamp) go to the DLQ;"
                                    + " 0 disables the check (backfills).");

    public static final ConfigOption<Integer> MAX_JSON_DEPTH =
            ConfigOptions.key("ingest.max-json-depth")
                    .intType()
                    .defaultValue(LIMITS.maxJsonDepth())
                    .withDescription("Deeper JSON nesting is rejected as MALFORMED_JSON.");

    public static final ConfigOption<MemorySize> DLQ_MAX_PAYLOAD =
            ConfigOptions.key("ingest.dlq.max-payload")
                    .memoryType()
                    .defaultValue(MemorySize.parse("64kb"))
                    .withDescription(
                            "Bytes of the original record kept in a dead letter (base64); the"
                                    + " original size is always recorded.");

    public static final ConfigOption<Boolean> CAPTURE_SYSTEM_PROMPTS =
            ConfigOptions.key("ingest.capture-system-prompts")
                    .booleanType()
                    .defaultValue(ContentOptions.DEFAULTS.captureSystemPrompts())
                    .withDescription(
                            "Keep the text of system and developer prompts in events"
                                    + " (system_prompt_text). Off by default: events then carry"
                                    + " only the prompt's SHA-256 and length, so an application's"
                                    + " own instructions are never stored or rescanned.");
}
