package io.llmsentinel.jobs.latency;

import static io.llmsentinel.jobs.config.ConfigRules.atLeast;
import static io.llmsentinel.jobs.config.ConfigRules.check;
import static io.llmsentinel.jobs.config.ConfigRules.distinctNonEmpty;
import static io.llmsentinel.jobs.config.ConfigRules.durationAtLeast;
import static io.llmsentinel.jobs.config.ConfigRules.durationWithin;
import static io.llmsentinel.jobs.config.ConfigRules.positive;
import static io.llmsentinel.jobs.config.ConfigRules.wholeMinutes;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import io.llmsentinel.detectors.latency.LatencySettings;
import io.llmsentinel.jobs.config.CommonConfig;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.config.Range;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/** The latency job's validated, typed configuration; every error names the offending key. */
public record LatencyConfig(CommonConfig common, LatencySettings detector)
        implements DetectorConfig {

    /** The warm-up: baseline minutes a statistic needs before its rule may fire. */
    @Override
    public Duration historyNeeded() {
        return Duration.ofMinutes(detector.warmupMinutes());
    }

    public static LatencyConfig from(Configuration conf) {
        return new LatencyConfig(
                CommonConfig.from(conf, LatencyOptions.STARTING_OFFSETS), detector(conf));
    }

    static LatencySettings detector(Configuration conf) {
        // the detector works on one-minute slices
        int window = wholeMinutes(conf, LatencyOptions.WINDOW, 1, 60);
        Duration lateness =
                durationWithin(
                        conf, LatencyOptions.ALLOWED_LATENESS, Duration.ZERO, Duration.ofHours(1));
        Duration halfLife =
                durationAtLeast(conf, LatencyOptions.BASELINE_HALF_LIFE, Duration.ofMinutes(1));
        Duration idle = durationAtLeast(conf, LatencyOptions.IDLE_TIMEOUT, LatencyOptions.WINDOW);
        Range betweenZeroAndOne = Range.open(0, 1);
        return LatencySettings.builder()
                .dimensions(distinctNonEmpty(conf, LatencyOptions.KEY_DIMENSIONS))
                .windowMinutes(window)
                .allowedLatenessMs(lateness.toMillis())
                .warmupMinutes(wholeMinutes(conf, LatencyOptions.WARMUP, 0, 7 * 24 * 60))
                .baselineHalfLifeMinutes(halfLife.toMillis() / 60_000.0)
                .idleTimeoutMs(idle.toMillis())
                .resolveAfterWindows(positive(conf, LatencyOptions.RESOLVE_AFTER))
                .zThreshold(positive(conf, LatencyOptions.Z_THRESHOLD))
                .minRatio(atLeast(conf, LatencyOptions.MIN_RATIO, 1.0))
                .minSamples(positive(conf, LatencyOptions.MIN_SAMPLES))
                .p99MinSamples(positive(conf, LatencyOptions.P99_MIN_SAMPLES))
                .criticalRatio(atLeast(conf, LatencyOptions.CRITICAL_RATIO, 1.0))
                .tailRatio(atLeast(conf, LatencyOptions.TAIL_RATIO, 1.0))
                .tailMinutes(wholeMinutes(conf, LatencyOptions.TAIL_DURATION, 1, 24 * 60))
                .tailMinSamples(positive(conf, LatencyOptions.TAIL_MIN_SAMPLES))
                .tailBaselineFactor(
                        check(
                                conf,
                                LatencyOptions.TAIL_BASELINE_FACTOR,
                                f -> f == 0 || (Double.isFinite(f) && f >= 1),
                                "must be 0 (off) or at least 1"))
                .tailCriticalRatio(atLeast(conf, LatencyOptions.TAIL_CRITICAL_RATIO, 1.0))
                .errorMinCalls(positive(conf, LatencyOptions.ERROR_MIN_CALLS))
                .errorMinErrors(positive(conf, LatencyOptions.ERROR_MIN_ERRORS))
                .errorMinRatio(atLeast(conf, LatencyOptions.ERROR_MIN_RATIO, 1.0))
                .errorPValue(within(conf, LatencyOptions.ERROR_P_VALUE, betweenZeroAndOne))
                .errorCriticalRate(
                        within(conf, LatencyOptions.ERROR_CRITICAL_RATE, betweenZeroAndOne))
                .trafficEnabled(conf.get(LatencyOptions.TRAFFIC_ENABLED))
                .trafficDropRatio(
                        within(conf, LatencyOptions.TRAFFIC_DROP_RATIO, betweenZeroAndOne))
                .trafficPValue(within(conf, LatencyOptions.TRAFFIC_P_VALUE, betweenZeroAndOne))
                .trafficMinBaselineCalls(positive(conf, LatencyOptions.TRAFFIC_MIN_BASELINE_CALLS))
                .trafficCriticalRatio(
                        within(conf, LatencyOptions.TRAFFIC_CRITICAL_RATIO, betweenZeroAndOne))
                .build();
    }
}
