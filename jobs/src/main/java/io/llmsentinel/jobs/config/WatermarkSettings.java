package io.llmsentinel.jobs.config;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;

/** Event-time settings: bounded out-of-orderness and idle-partition handling. */
public record WatermarkSettings(Duration outOfOrderness, Duration idleness)
        implements Serializable {

    public static WatermarkSettings from(Configuration conf) {
        Duration ooo = conf.get(CommonOptions.WATERMARK_OUT_OF_ORDERNESS);
        JobConfig.require(
                !ooo.isNegative(), CommonOptions.WATERMARK_OUT_OF_ORDERNESS, "must be >= 0");
        Duration idle = conf.get(CommonOptions.WATERMARK_IDLENESS);
        JobConfig.require(!idle.isNegative(), CommonOptions.WATERMARK_IDLENESS, "must be >= 0");
        return new WatermarkSettings(ooo, idle);
    }

    public <T> WatermarkStrategy<T> strategy(SerializableTimestampAssigner<T> timestamps) {
        WatermarkStrategy<T> s =
                WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner(timestamps);
        return idleness.isZero() ? s : s.withIdleness(idleness);
    }
}
