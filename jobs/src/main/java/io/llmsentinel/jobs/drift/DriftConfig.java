package io.llmsentinel.jobs.drift;

import static io.llmsentinel.jobs.config.ConfigRules.atLeast;
import static io.llmsentinel.jobs.config.ConfigRules.badValue;
import static io.llmsentinel.jobs.config.ConfigRules.check;
import static io.llmsentinel.jobs.config.ConfigRules.distinctNonEmpty;
import static io.llmsentinel.jobs.config.ConfigRules.nonBlank;
import static io.llmsentinel.jobs.config.ConfigRules.positive;
import static io.llmsentinel.jobs.config.ConfigRules.wholeSeconds;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import io.llmsentinel.detectors.drift.DriftSettings;
import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.jobs.config.CommonConfig;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.config.Range;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The drift job's validated, typed configuration; every error names the offending key. */
public record DriftConfig(
        CommonConfig common, List<KeyDimension> dimensions, DriftSettings detector)
        implements DetectorConfig {

    /** A full reference window and a full current window. */
    @Override
    public Duration historyNeeded() {
        return Duration.ofMillis(detector.referenceMs() + detector.currentMs());
    }

    public static DriftConfig from(Configuration conf) {
        return new DriftConfig(
                CommonConfig.from(conf, DriftOptions.STARTING_OFFSETS),
                distinctNonEmpty(conf, DriftOptions.KEY_DIMENSIONS),
                detector(conf));
    }

    static DriftSettings detector(Configuration conf) {
        Duration slice = wholeSeconds(conf, DriftOptions.SLICE, Duration.ofSeconds(1));
        Duration lateness =
                check(
                        conf,
                        DriftOptions.ALLOWED_LATENESS,
                        d -> !d.isNegative() && d.compareTo(slice) < 0,
                        "must be 0 or more and shorter than drift.slice");
        double warning = positive(conf, DriftOptions.PSI_WARNING);
        return new DriftSettings(
                slice.toMillis(),
                slices(conf, DriftOptions.CURRENT_WINDOW, slice),
                slices(conf, DriftOptions.REFERENCE_WINDOW, slice),
                conf.get(DriftOptions.REFERENCE),
                nonBlank(conf, DriftOptions.PIN_ID),
                lateness.toMillis(),
                atLeast(conf, DriftOptions.MIN_SAMPLES, 10),
                atLeast(conf, DriftOptions.MIN_EMBEDDINGS, 5),
                warning,
                atLeast(conf, DriftOptions.PSI_CRITICAL, DriftOptions.PSI_WARNING),
                within(conf, DriftOptions.FALSE_DISCOVERY_RATE, Range.open(0, 1)),
                positive(conf, DriftOptions.WINDOWS_TO_OPEN),
                positive(conf, DriftOptions.WINDOWS_TO_RESOLVE),
                within(conf, DriftOptions.SIMILARITY_DROP, Range.open(0, 1)),
                within(conf, DriftOptions.RELATIVE_ACCURACY, Range.closed(0.001, 0.2)),
                atLeast(conf, DriftOptions.MAX_CATEGORIES, 2),
                atLeast(conf, DriftOptions.RESERVOIR_SIZE, 8));
    }

    /** A window as a whole number of slices. */
    private static int slices(Configuration conf, ConfigOption<Duration> option, Duration slice) {
        long sliceMs = slice.toMillis();
        Duration window =
                check(
                        conf,
                        option,
                        d -> d.toMillis() > 0 && d.toMillis() % sliceMs == 0,
                        "must be a positive multiple of drift.slice");
        long n = window.toMillis() / sliceMs;
        if (n > 1000) {
            throw badValue(conf, option, "must be at most 1000 slices of drift.slice");
        }
        return (int) n;
    }
}
