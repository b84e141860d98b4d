package io.llmsentinel.jobs.latency;

import static io.llmsentinel.jobs.config.JobConfig.require;

import io.llmsentinel.detectors.latency.LatencySettings;
import io.llmsentinel.jobs.config.ConfigRules;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The latency job's validated, typed configuration; every error names the offending key. */
public record LatencyConfig(
        KafkaSettings kafka,
        WatermarkSettings watermarks,
        JobSettings job,
        StartingOffsets startingOffsets,
        LatencySettings detector)
        implements Serializable {

    public static LatencyConfig from(Configuration conf) {
        StartingOffsets offsets = conf.get(LatencyOptions.STARTING_OFFSETS);
        return new LatencyConfig(
                KafkaSettings.from(conf),
                WatermarkSettings.from(conf),
                JobSettings.from(conf),
                offsets,
                detector(conf));
    }

    static LatencySettings detector(Configuration conf) {
        int window = wholeMinutes(conf, LatencyOptions.WINDOW, 1, 60);
        Duration lateness = conf.get(LatencyOptions.ALLOWED_LATENESS);
        require(
                !lateness.isNegative() && lateness.compareTo(Duration.ofHours(1)) <= 0,
                LatencyOptions.ALLOWED_LATENESS,
                "must be between 0 and 1 h");
        int warmup = wholeMinutes(conf, LatencyOptions.WARMUP, 0, 7 * 24 * 60);
        Duration halfLife = conf.get(LatencyOptions.BASELINE_HALF_LIFE);
        require(
                halfLife.compareTo(Duration.ofMinutes(1)) >= 0,
                LatencyOptions.BASELINE_HALF_LIFE,
                "must be at least 1 min");
        Duration idle = conf.get(LatencyOptions.IDLE_TIMEOUT);
        require(
                idle.compareTo(Duration.ofMinutes(window)) >= 0,
                LatencyOptions.IDLE_TIMEOUT,
                "must be at least latency.window");
        int tailMinutes = wholeMinutes(conf, LatencyOptions.TAIL_DURATION, 1, 24 * 60);

        return LatencySettings.builder()
                .dimensions(ConfigRules.distinctNonEmpty(conf, LatencyOptions.KEY_DIMENSIONS))
                .windowMinutes(window)
                .allowedLatenessMs(lateness.toMillis())
                .warmupMinutes(warmup)
                .baselineHalfLifeMinutes(halfLife.toMillis() / 60_000.0)
                .idleTimeoutMs(idle.toMillis())
                .resolveAfterWindows(atLeast(conf, LatencyOptions.RESOLVE_AFTER, 1))
                .zThreshold(positive(conf, LatencyOptions.Z_THRESHOLD))
                .minRatio(atLeastOne(conf, LatencyOptions.MIN_RATIO))
                .minSamples(atLeast(conf, LatencyOptions.MIN_SAMPLES, 1))
                .p99MinSamples(atLeast(conf, LatencyOptions.P99_MIN_SAMPLES, 1))
                .criticalRatio(atLeastOne(conf, LatencyOptions.CRITICAL_RATIO))
                .tailRatio(atLeastOne(conf, LatencyOptions.TAIL_RATIO))
                .tailMinutes(tailMinutes)
                .tailMinSamples(atLeast(conf, LatencyOptions.TAIL_MIN_SAMPLES, 1))
                .tailBaselineFactor(tailBaselineFactor(conf))
                .tailCriticalRatio(atLeastOne(conf, LatencyOptions.TAIL_CRITICAL_RATIO))
                .errorMinCalls(atLeast(conf, LatencyOptions.ERROR_MIN_CALLS, 1))
                .errorMinErrors(atLeast(conf, LatencyOptions.ERROR_MIN_ERRORS, 1))
                .errorMinRatio(atLeastOne(conf, LatencyOptions.ERROR_MIN_RATIO))
                .errorPValue(probability(conf, LatencyOptions.ERROR_P_VALUE))
                .errorCriticalRate(probability(conf, LatencyOptions.ERROR_CRITICAL_RATE))
                .trafficEnabled(conf.get(LatencyOptions.TRAFFIC_ENABLED))
                .trafficDropRatio(probability(conf, LatencyOptions.TRAFFIC_DROP_RATIO))
                .trafficPValue(probability(conf, LatencyOptions.TRAFFIC_P_VALUE))
                .trafficMinBaselineCalls(
                        atLeast(conf, LatencyOptions.TRAFFIC_MIN_BASELINE_CALLS, 1))
                .trafficCriticalRatio(probability(conf, LatencyOptions.TRAFFIC_CRITICAL_RATIO))
                .build();
    }

    private static double tailBaselineFactor(Configuration conf) {
        double f = conf.get(LatencyOptions.TAIL_BASELINE_FACTOR);
        require(
                f == 0 || f >= 1,
                LatencyOptions.TAIL_BASELINE_FACTOR,
                "must be 0 (off) or at least 1");
        return f;
    }

    private static int wholeMinutes(
            Configuration conf, ConfigOption<Duration> option, int min, int max) {
        Duration d = conf.get(option);
        require(
                d.toMillis() % 60_000 == 0,
                option,
                "must be whole minutes (the detector works on one-minute slices)");
        long minutes = d.toMinutes();
        require(minutes >= min && minutes <= max, option, "must be " + min + " to " + max + " min");
        return (int) minutes;
    }

    private static int atLeast(Configuration conf, ConfigOption<Integer> option, int min) {
        int v = conf.get(option);
        require(v >= min, option, "must be at least " + min);
        return v;
    }

    private static double positive(Configuration conf, ConfigOption<Double> option) {
        double v = conf.get(option);
        require(Double.isFinite(v) && v > 0, option, "must be a positive number");
        return v;
    }

    private static double atLeastOne(Configuration conf, ConfigOption<Double> option) {
        double v = conf.get(option);
        require(Double.isFinite(v) && v >= 1, option, "must be at least 1");
        return v;
    }

    private static double probability(Configuration conf, ConfigOption<Double> option) {
        double v = conf.get(option);
        require(v > 0 && v < 1, option, "must be between 0 and 1 (exclusive)");
        return v;
    }

    private static IllegalArgumentException bad(ConfigOption<?> option, String rule) {
        return new IllegalArgumentException("bad value for '" + option.key() + "': " + rule);
    }
}
