package io.llmsentinel.jobs.ingest;

import static io.llmsentinel.jobs.config.ConfigRules.badValue;
import static io.llmsentinel.jobs.config.ConfigRules.memoryWithin;
import static io.llmsentinel.jobs.config.ConfigRules.nonNegativeDuration;
import static io.llmsentinel.jobs.config.ConfigRules.positive;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import io.llmsentinel.jobs.config.CommonConfig;
import io.llmsentinel.jobs.config.Range;
import io.llmsentinel.jobs.config.SentinelConfig;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.ContentOptions;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/** The ingest job's validated, typed configuration. */
public record IngestConfig(
        CommonConfig common,
        Map<String, SourceFormat> topicFormats,
        String groupId,
        ValidationLimits limits,
        int dlqMaxPayloadBytes,
        ContentOptions content)
        implements SentinelConfig, Serializable {

    public static IngestConfig from(Configuration conf) {
        MemorySize maxRecord =
                memoryWithin(
                        conf,
                        IngestOptions.MAX_RECORD_SIZE,
                        new MemorySize(1),
                        MemorySize.ofMebiBytes(64));
        MemorySize dlqPayload =
                memoryWithin(
                        conf,
                        IngestOptions.DLQ_MAX_PAYLOAD,
                        MemorySize.ZERO,
                        MemorySize.ofMebiBytes(1));
        ValidationLimits limits =
                new ValidationLimits(
                        (int) maxRecord.getBytes(),
                        positive(conf, IngestOptions.MAX_TEXT_CHARS),
                        nonNegativeDuration(conf, IngestOptions.MAX_FUTURE_SKEW),
                        nonNegativeDuration(conf, IngestOptions.MAX_EVENT_AGE),
                        within(conf, IngestOptions.MAX_JSON_DEPTH, Range.closed(4, 1000)));
        return new IngestConfig(
                CommonConfig.from(conf, IngestOptions.STARTING_OFFSETS),
                topicFormats(conf),
                conf.get(IngestOptions.GROUP_ID),
                limits,
                (int) dlqPayload.getBytes(),
                new ContentOptions(conf.get(IngestOptions.CAPTURE_SYSTEM_PROMPTS)));
    }

    /** Every input topic with the format it carries; a topic has one format. */
    private static Map<String, SourceFormat> topicFormats(Configuration conf) {
        Map<String, SourceFormat> formats = new HashMap<>();
        addTopics(conf, formats, IngestOptions.JSON_TOPICS, SourceFormat.JSON);
        addTopics(conf, formats, IngestOptions.OTLP_PROTO_TOPICS, SourceFormat.OTLP_PROTO);
        addTopics(conf, formats, IngestOptions.OTLP_JSON_TOPICS, SourceFormat.OTLP_JSON);
        if (formats.isEmpty()) {
            throw badValue(
                    conf,
                    IngestOptions.JSON_TOPICS,
                    "no input topic set: this, "
                            + IngestOptions.OTLP_PROTO_TOPICS.key()
                            + " and "
                            + IngestOptions.OTLP_JSON_TOPICS.key()
                            + " are all empty");
        }
        return formats;
    }

    private static void addTopics(
            Configuration conf,
            Map<String, SourceFormat> formats,
            ConfigOption<List<String>> option,
            SourceFormat format) {
        for (String topic : conf.get(option)) {
            String t = topic.trim();
            if (t.isEmpty()) {
                continue;
            }
            SourceFormat previous = formats.put(t, format);
            if (previous != null && previous != format) {
                throw badValue(
                        conf,
                        option,
                        "topic '" + t + "' is configured as both " + previous + " and " + format);
            }
        }
    }
}
