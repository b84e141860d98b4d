package io.llmsentinel.jobs.latency;

import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.detectors.latency.LatencySettings;
import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the latency job. Keys, defaults and descriptions are the documentation. */
public final class LatencyOptions {
    /** The detector's defaults are the options' defaults: written once, in LatencySettings. */
    private static final LatencySettings DEFAULTS = LatencySettings.DEFAULTS;

    private LatencyOptions() {}

    public static final ConfigOption<List<KeyDimension>> KEY_DIMENSIONS =
            ConfigOptions.key("latency.key-dimensions")
                    .enumType(KeyDimension.class)
                    .asList()
                    .defaultValues(DEFAULTS.dimensions().toArray(new KeyDimension[0]))
                    .withDescription(
                            "What a key (route) is made of, a list (model,tenant or model;tenant)"
                                    + " from: provider, model (the requested model), service,"
                                    + " tenant, environment, operation, template. Every rule runs"
                                    + " per key; more dimensions mean more, smaller keys.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "latency", "the events topic (consumer group llm-sentinel-latency)");

    public static final ConfigOption<Duration> WINDOW =
            ConfigOptions.key("latency.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(DEFAULTS.windowMinutes()))
                    .withDescription(
                            "Window of the deviation, error-rate and traffic rules: this many"
                                    + " one-minute slices merged, evaluated every minute. Whole"
                                    + " minutes, 1 to 60.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("latency.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.allowedLatenessMs()))
                    .withDescription(
                            "How long a minute stays open after the watermark passed its end (on"
                                    + " top of job.watermark.out-of-orderness). Later events are"
                                    + " counted in the lateEvents metric and left out.");

    public static final ConfigOption<Duration> WARMUP =
            ConfigOptions.key("latency.warmup")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(DEFAULTS.warmupMinutes()))
                    .withDescription(
                            "Minutes of data a key's baseline needs before its rule may fire; a"
                                    + " new key (or one back after expiring) is quiet that long.");

    public static final ConfigOption<Duration> BASELINE_HALF_LIFE =
            ConfigOptions.key("latency.baseline.half-life")
                    .durationType()
                    .defaultValue(
                            Duration.ofMillis(
                                    Math.round(DEFAULTS.baselineHalfLifeMinutes() * 60_000)))
                    .withDescription(
                            "Half-life of the rolling baselines (exponentially weighted mean and"
                                    + " variance, per key and statistic).");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            ConfigOptions.key("latency.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.idleTimeoutMs()))
                    .withDescription(
                            "A key without calls for this long (event time) is dropped with all"
                                    + " its state and timers; open episodes are resolved first.");

    public static final ConfigOption<Integer> RESOLVE_AFTER =
            ConfigOptions.key("latency.resolve-after")
                    .intType()
                    .defaultValue(DEFAULTS.resolveAfterWindows())
                    .withDescription(
                            "Clear evaluations (minutes) in a row that resolve an episode.");

    public static final ConfigOption<Double> Z_THRESHOLD =
            ConfigOptions.key("latency.deviation.z-threshold")
                    .doubleType()
                    .defaultValue(DEFAULTS.zThreshold())
                    .withDescription(
                            "p95/p99 latency and p95 time-to-first-token rules: z-score of the"
                                    + " log value against the key's baseline at which they fire.");

    public static final ConfigOption<Double> MIN_RATIO =
            ConfigOptions.key("latency.deviation.min-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.minRatio())
                    .withDescription(
                            "Deviation rules fire only when the value is also at least this many"
                                    + " times its baseline (effect size, not just significance).");

    public static final ConfigOption<Integer> MIN_SAMPLES =
            ConfigOptions.key("latency.deviation.min-samples")
                    .intType()
                    .defaultValue(DEFAULTS.minSamples())
                    .withDescription(
                            "Successful (for TTFT: streamed) calls a window needs before the p95"
                                    + " and TTFT deviation rules judge it or learn from it.");

    public static final ConfigOption<Integer> P99_MIN_SAMPLES =
            ConfigOptions.key("latency.deviation.p99-min-samples")
                    .intType()
                    .defaultValue(DEFAULTS.p99MinSamples())
                    .withDescription(
                            "Successful calls a window needs for the p99 rule: a p99 rests on 1%"
                                    + " of the calls, so it needs five times the p95 minimum for"
                                    + " the same support (10 calls beyond the quantile).");

    public static final ConfigOption<Double> CRITICAL_RATIO =
            ConfigOptions.key("latency.deviation.critical-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.criticalRatio())
                    .withDescription(
                            "Deviation anomalies are critical from this ratio to the baseline,"
                                    + " warnings below.");

    public static final ConfigOption<Double> TAIL_RATIO =
            ConfigOptions.key("latency.tail.ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.tailRatio())
                    .withDescription(
                            "Sustained-tail rule: fires when a minute's p99 stays above"
                                    + " this many times its p50 for latency.tail.min-duration.");

    public static final ConfigOption<Duration> TAIL_DURATION =
            ConfigOptions.key("latency.tail.min-duration")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(DEFAULTS.tailMinutes()))
                    .withDescription(
                            "Sustained-tail rule: consecutive minutes the p99/p50 ratio"
                                    + " must stay above latency.tail.ratio (whole minutes).");

    public static final ConfigOption<Integer> TAIL_MIN_SAMPLES =
            ConfigOptions.key("latency.tail.min-samples")
                    .intType()
                    .defaultValue(DEFAULTS.tailMinSamples())
                    .withDescription("Successful calls a minute needs for the tail rule.");

    public static final ConfigOption<Double> TAIL_BASELINE_FACTOR =
            ConfigOptions.key("latency.tail.baseline-factor")
                    .doubleType()
                    .defaultValue(DEFAULTS.tailBaselineFactor())
                    .withDescription(
                            "For keys whose p99/p50 is naturally above latency.tail.ratio, the"
                                    + " threshold is this factor times their usual ratio; 0 keeps"
                                    + " the plain fixed ratio.");

    public static final ConfigOption<Double> TAIL_CRITICAL_RATIO =
            ConfigOptions.key("latency.tail.critical-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.tailCriticalRatio())
                    .withDescription("Sustained tail anomalies are critical from this p99/p50.");

    public static final ConfigOption<Integer> ERROR_MIN_CALLS =
            ConfigOptions.key("latency.errors.min-calls")
                    .intType()
                    .defaultValue(Math.toIntExact(DEFAULTS.errorMinCalls()))
                    .withDescription("Calls a window needs before the error-rate rule judges it.");

    public static final ConfigOption<Integer> ERROR_MIN_ERRORS =
            ConfigOptions.key("latency.errors.min-errors")
                    .intType()
                    .defaultValue(Math.toIntExact(DEFAULTS.errorMinErrors()))
                    .withDescription("Errors (timeouts included) a window needs to alert.");

    public static final ConfigOption<Double> ERROR_MIN_RATIO =
            ConfigOptions.key("latency.errors.min-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.errorMinRatio())
                    .withDescription("The error rate must be at least this many times baseline.");

    public static final ConfigOption<Double> ERROR_P_VALUE =
            ConfigOptions.key("latency.errors.p-value")
                    .doubleType()
                    .defaultValue(DEFAULTS.errorPValue())
                    .withDescription(
                            "Significance level of the one-sided binomial test of the window's"
                                    + " errors against the baseline rate (quasi-binomial: scaled"
                                    + " by the key's observed dispersion). Small, because every"
                                    + " key is tested every minute.");

    public static final ConfigOption<Double> ERROR_CRITICAL_RATE =
            ConfigOptions.key("latency.errors.critical-rate")
                    .doubleType()
                    .defaultValue(DEFAULTS.errorCriticalRate())
                    .withDescription("Error-rate anomalies are critical from this error rate.");

    public static final ConfigOption<Boolean> TRAFFIC_ENABLED =
            ConfigOptions.key("latency.traffic.enabled")
                    .booleanType()
                    .defaultValue(DEFAULTS.trafficEnabled())
                    .withDescription("Whether the traffic-drop rule runs.");

    public static final ConfigOption<Double> TRAFFIC_DROP_RATIO =
            ConfigOptions.key("latency.traffic.drop-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.trafficDropRatio())
                    .withDescription(
                            "Traffic-drop rule: fires when a window has at most this"
                                    + " share of its expected calls and the test at"
                                    + " latency.traffic.p-value agrees.");

    public static final ConfigOption<Double> TRAFFIC_P_VALUE =
            ConfigOptions.key("latency.traffic.p-value")
                    .doubleType()
                    .defaultValue(DEFAULTS.trafficPValue())
                    .withDescription(
                            "Traffic-drop rule: significance level of the (quasi-)Poisson"
                                    + " lower-tail test of the window's calls against the expected"
                                    + " count.");

    public static final ConfigOption<Integer> TRAFFIC_MIN_BASELINE_CALLS =
            ConfigOptions.key("latency.traffic.min-baseline-calls")
                    .intType()
                    .defaultValue((int) DEFAULTS.trafficMinBaselineCalls())
                    .withDescription(
                            "Keys expecting fewer calls per window are not judged: for them"
                                    + " silence is normal.");

    public static final ConfigOption<Double> TRAFFIC_CRITICAL_RATIO =
            ConfigOptions.key("latency.traffic.critical-ratio")
                    .doubleType()
                    .defaultValue(DEFAULTS.trafficCriticalRatio())
                    .withDescription(
                            "Traffic-drop anomalies are critical at or below this share of the"
                                    + " expected calls.");
}
