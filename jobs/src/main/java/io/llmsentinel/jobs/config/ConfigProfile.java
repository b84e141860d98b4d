package io.llmsentinel.jobs.config;

import java.util.Locale;
import java.util.Map;

/**
 * Named sets of settings laid under a job's configuration. Production defaults assume hours of
 * history (warm-ups, baselines, reference windows); {@link #LOCAL} shortens them to minutes so that
 * a local run or a backtest of a short file shows detections.
 */
public enum ConfigProfile {
    /** The options' own defaults. */
    PRODUCTION(Map.of()),

    /** Minutes instead of hours: what {@code sentinel local} runs with. */
    LOCAL(
            Map.ofEntries(
                    Map.entry("job.parallelism", "1"),
                    Map.entry("job.watermark.out-of-orderness", "5 s"),
                    Map.entry("latency.warmup", "4 min"),
                    Map.entry("latency.baseline.half-life", "15 min"),
                    Map.entry("cost.spend.window", "1 min"),
                    Map.entry("cost.spend.baseline", "30 min"),
                    Map.entry("cost.spend.warm-up", "4 min"),
                    Map.entry("cost.spend.min-calls", "5"),
                    Map.entry("cost.finish-length.window", "1 min"),
                    Map.entry("cost.finish-length.baseline", "30 min"),
                    Map.entry("cost.finish-length.warm-up", "4 min"),
                    Map.entry("cost.finish-length.min-calls", "20"),
                    Map.entry("drift.slice", "30 s"),
                    Map.entry("drift.current-window", "2 min"),
                    Map.entry("drift.reference.window", "8 min"),
                    Map.entry("drift.min-samples", "100")));

    private final Map<String, String> settings;

    ConfigProfile(Map<String, String> settings) {
        this.settings = settings;
    }

    /**
     * The profile's settings for every job; explicit configuration is laid over them ({@code
     * SentinelJob.ownSettings} picks one job's).
     */
    public Map<String, String> settings() {
        return settings;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
