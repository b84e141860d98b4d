package io.llmsentinel.jobs.drift;

import static io.llmsentinel.jobs.config.JobConfig.require;

import io.llmsentinel.detectors.drift.DriftSettings;
import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.jobs.config.ConfigRules;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The drift job's validated, typed configuration; every error names the offending key. */
public record DriftConfig(
        KafkaSettings kafka,
        WatermarkSettings watermarks,
        JobSettings job,
        StartingOffsets startingOffsets,
        List<KeyDimension> dimensions,
        DriftSettings detector)
        implements Serializable {

    public static DriftConfig from(Configuration conf) {
        StartingOffsets offsets = conf.get(DriftOptions.STARTING_OFFSETS);
        return new DriftConfig(
                KafkaSettings.from(conf),
                WatermarkSettings.from(conf),
                JobSettings.from(conf),
                offsets,
                ConfigRules.distinctNonEmpty(conf, DriftOptions.KEY_DIMENSIONS),
                detector(conf));
    }

    static DriftSettings detector(Configuration conf) {
        Duration slice = conf.get(DriftOptions.SLICE);
        require(
                slice.toMillis() >= 1000 && slice.toMillis() % 1000 == 0,
                DriftOptions.SLICE,
                "must be whole seconds, at least 1 s");
        int current = slices(conf, DriftOptions.CURRENT_WINDOW, slice);
        int reference = slices(conf, DriftOptions.REFERENCE_WINDOW, slice);
        String pinId = conf.get(DriftOptions.PIN_ID).trim();
        require(!pinId.isEmpty(), DriftOptions.PIN_ID, "must not be blank");
        Duration lateness = conf.get(DriftOptions.ALLOWED_LATENESS);
        require(
                !lateness.isNegative() && lateness.compareTo(slice) < 0,
                DriftOptions.ALLOWED_LATENESS,
                "must be at least 0 and shorter than drift.slice");
        double warning = conf.get(DriftOptions.PSI_WARNING);
        double critical = conf.get(DriftOptions.PSI_CRITICAL);
        require(warning > 0, DriftOptions.PSI_WARNING, "must be positive");
        require(
                critical >= warning,
                DriftOptions.PSI_CRITICAL,
                "must be at least drift.psi.warning");
        double fdr = conf.get(DriftOptions.FALSE_DISCOVERY_RATE);
        require(fdr > 0 && fdr < 1, DriftOptions.FALSE_DISCOVERY_RATE, "must be in (0, 1)");
        double drop = conf.get(DriftOptions.SIMILARITY_DROP);
        require(drop > 0 && drop < 1, DriftOptions.SIMILARITY_DROP, "must be in (0, 1)");
        double accuracy = conf.get(DriftOptions.RELATIVE_ACCURACY);
        require(
                accuracy >= 0.001 && accuracy <= 0.2,
                DriftOptions.RELATIVE_ACCURACY,
                "must be 0.001 to 0.2");
        return new DriftSettings(
                slice.toMillis(),
                current,
                reference,
                conf.get(DriftOptions.REFERENCE),
                pinId,
                lateness.toMillis(),
                atLeast(conf, DriftOptions.MIN_SAMPLES, 10),
                atLeast(conf, DriftOptions.MIN_EMBEDDINGS, 5),
                warning,
                critical,
                fdr,
                atLeast(conf, DriftOptions.WINDOWS_TO_OPEN, 1),
                atLeast(conf, DriftOptions.WINDOWS_TO_RESOLVE, 1),
                drop,
                accuracy,
                atLeast(conf, DriftOptions.MAX_CATEGORIES, 2),
                atLeast(conf, DriftOptions.RESERVOIR_SIZE, 8));
    }

    private static int slices(Configuration conf, ConfigOption<Duration> option, Duration slice) {
        Duration d = conf.get(option);
        require(
                d.toMillis() > 0 && d.toMillis() % slice.toMillis() == 0,
                option,
                "must be a positive multiple of drift.slice");
        long n = d.toMillis() / slice.toMillis();
        require(n <= 1000, option, "must be at most 1000 slices");
        return (int) n;
    }

    private static int atLeast(Configuration conf, ConfigOption<Integer> option, int min) {
        int v = conf.get(option);
        require(v >= min, option, "must be at least " + min);
        return v;
    }
}
