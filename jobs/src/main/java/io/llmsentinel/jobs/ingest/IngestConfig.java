package io.llmsentinel.jobs.ingest;

import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/** The ingest job's validated, typed configuration. */
public record IngestConfig(
        KafkaSettings kafka,
        Map<String, SourceFormat> topicFormats,
        String groupId,
        StartingOffsets startingOffsets,
        ValidationLimits limits,
        int dlqMaxPayloadBytes,
        WatermarkSettings watermarks,
        JobSettings job)
        implements Serializable {

    public static IngestConfig from(Configuration conf) {
        Map<String, SourceFormat> formats = new HashMap<>();
        addTopics(formats, conf.get(IngestOptions.JSON_TOPICS), SourceFormat.JSON);
        addTopics(formats, conf.get(IngestOptions.OTLP_PROTO_TOPICS), SourceFormat.OTLP_PROTO);
        addTopics(formats, conf.get(IngestOptions.OTLP_JSON_TOPICS), SourceFormat.OTLP_JSON);
        JobConfig.require(!formats.isEmpty(), IngestOptions.JSON_TOPICS, "no input topic set");

        StartingOffsets offsets = conf.get(IngestOptions.STARTING_OFFSETS);

        long maxRecord = conf.get(IngestOptions.MAX_RECORD_SIZE).getBytes();
        JobConfig.require(
                maxRecord > 0 && maxRecord <= 64L << 20,
                IngestOptions.MAX_RECORD_SIZE,
                "must be between 1 byte and 64 mb");
        int maxText = conf.get(IngestOptions.MAX_TEXT_CHARS);
        JobConfig.require(maxText > 0, IngestOptions.MAX_TEXT_CHARS, "must be positive");
        Duration skew = conf.get(IngestOptions.MAX_FUTURE_SKEW);
        JobConfig.require(!skew.isNegative(), IngestOptions.MAX_FUTURE_SKEW, "must be >= 0");
        Duration age = conf.get(IngestOptions.MAX_EVENT_AGE);
        JobConfig.require(!age.isNegative(), IngestOptions.MAX_EVENT_AGE, "must be >= 0");
        int depth = conf.get(IngestOptions.MAX_JSON_DEPTH);
        JobConfig.require(depth >= 4 && depth <= 1000, IngestOptions.MAX_JSON_DEPTH, "4..1000");
        long dlqPayload = conf.get(IngestOptions.DLQ_MAX_PAYLOAD).getBytes();
        JobConfig.require(
                dlqPayload >= 0 && dlqPayload <= 1 << 20,
                IngestOptions.DLQ_MAX_PAYLOAD,
                "must be between 0 and 1 mb");

        return new IngestConfig(
                KafkaSettings.from(conf),
                formats,
                conf.get(IngestOptions.GROUP_ID),
                offsets,
                new ValidationLimits((int) maxRecord, maxText, skew, age, depth),
                (int) dlqPayload,
                WatermarkSettings.from(conf),
                JobSettings.from(conf));
    }

    private static void addTopics(
            Map<String, SourceFormat> formats, List<String> topics, SourceFormat format) {
        for (String topic : topics) {
            String t = topic.trim();
            if (t.isEmpty()) {
                continue;
            }
            SourceFormat previous = formats.put(t, format);
            if (previous != null && previous != format) {
                throw new IllegalArgumentException(
                        "topic '" + t + "' is configured as both " + previous + " and " + format);
            }
        }
    }
}
