package io.llmsentinel.jobs.config;

import java.io.Serializable;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * What every job's configuration starts with: the Kafka connection and topics, event time,
 * execution settings, and where a fresh start reads from (each job has its own key for that).
 */
public record CommonConfig(
        KafkaSettings kafka,
        WatermarkSettings watermarks,
        JobSettings job,
        StartingOffsets startingOffsets)
        implements Serializable {

    public static CommonConfig from(
            Configuration conf, ConfigOption<StartingOffsets> startingOffsetsOption) {
        return new CommonConfig(
                KafkaSettings.from(conf),
                WatermarkSettings.from(conf),
                JobSettings.from(conf),
                conf.get(startingOffsetsOption));
    }
}
