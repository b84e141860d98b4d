package io.llmsentinel.jobs.config;

import static io.llmsentinel.jobs.config.ConfigRules.nonNegativeDuration;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;

/** Event-time settings: bounded out-of-orderness and idle-partition handling. */
public record WatermarkSettings(Duration outOfOrderness, Duration idleness)
        implements Serializable {

    public static WatermarkSettings from(Configuration conf) {
        return new WatermarkSettings(
                nonNegativeDuration(conf, CommonOptions.WATERMARK_OUT_OF_ORDERNESS),
                nonNegativeDuration(conf, CommonOptions.WATERMARK_IDLENESS));
    }

    public <T> WatermarkStrategy<T> strategy(SerializableTimestampAssigner<T> timestamps) {
        WatermarkStrategy<T> s =
                WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner(timestamps);
        return idleness.isZero() ? s : s.withIdleness(idleness);
    }
}
