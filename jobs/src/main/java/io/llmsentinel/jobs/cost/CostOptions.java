package io.llmsentinel.jobs.cost;

import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the cost job. Keys, defaults and descriptions are the documentation. */
public final class CostOptions {
    private CostOptions() {}

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("cost.group-id")
                    .stringType()
                    .defaultValue("llm-sentinel-cost")
                    .withDescription(
                            "Consumer group of the events source (offsets are committed on"
                                    + " checkpoints, for monitoring lag; the position itself"
                                    + " is in the checkpoint).");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "cost", "the events topic (consumer group: cost.group-id)");

    public static final ConfigOption<String> PRICING_FILE =
            ConfigOptions.key("cost.pricing-file")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Pricing table (JSON, see schemas/README.md) for calls that come"
                                    + " without cost_usd; empty uses the table built into the"
                                    + " jar. Read and checked at start.");

    // --- spend spikes per tenant, user and model ---

    public static final ConfigOption<Duration> SPEND_WINDOW =
            ConfigOptions.key("cost.spend.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Tumbling window whose spend is compared with the baseline; also"
                                    + " the detection delay.");

    public static final ConfigOption<Duration> SPEND_BASELINE =
            ConfigOptions.key("cost.spend.baseline")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "Memory of the rolling baseline (EWMA of window spend mean and"
                                    + " variance; weight 2 / (baseline / window + 1)).");

    public static final ConfigOption<Duration> SPEND_WARM_UP =
            ConfigOptions.key("cost.spend.warm-up")
                    .durationType()
                    .defaultValue(Duration.ofHours(2))
                    .withDescription(
                            "A subject alerts only after this much time observed, at least half"
                                    + " of its windows with calls.");

    public static final ConfigOption<Double> SPEND_K =
            ConfigOptions.key("cost.spend.k")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "Threshold in baseline standard deviations (widened by the"
                                    + " Student-t factor while the baseline has few windows).");

    public static final ConfigOption<Double> SPEND_CRITICAL_SIGMA =
            ConfigOptions.key("cost.spend.critical-sigma")
                    .doubleType()
                    .defaultValue(8.0)
                    .withDescription(
                            "z-score from which a spend spike is critical (else warning).");

    public static final ConfigOption<Double> SPEND_MIN_RATIO =
            ConfigOptions.key("cost.spend.min-ratio")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "A spike must also be at least this multiple of the baseline.");

    public static final ConfigOption<Double> SPEND_MIN_DELTA_USD =
            ConfigOptions.key("cost.spend.min-delta-usd")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "A spike must also exceed the baseline by at least this many dollars"
                                    + " per window.");

    public static final ConfigOption<Double> SPEND_USER_MIN_DELTA_USD =
            ConfigOptions.key("cost.spend.user.min-delta-usd")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "cost.spend.min-delta-usd for users: one user's spend per window is"
                                    + " lumpy (a few long sessions dominate it), so a user's"
                                    + " spike must clear a higher dollar floor.");

    public static final ConfigOption<Integer> SPEND_MIN_CALLS =
            ConfigOptions.key("cost.spend.min-calls")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Fewest calls in a window for it to raise a spend spike.");

    public static final ConfigOption<Duration> SPEND_IDLE_TIMEOUT =
            ConfigOptions.key("cost.spend.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "A tenant, user or model without calls for this long loses its"
                                    + " baseline (state and timers); at least 3 windows.");

    // --- runaway sessions and input bloat ---

    public static final ConfigOption<Duration> RUNAWAY_WINDOW =
            ConfigOptions.key("cost.runaway.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("Sliding window of the runaway-session limits.");

    public static final ConfigOption<Integer> RUNAWAY_MAX_CALLS =
            ConfigOptions.key("cost.runaway.max-calls")
                    .intType()
                    .defaultValue(30)
                    .withDescription(
                            "A session making more calls than this in the window runs away.");

    public static final ConfigOption<Long> RUNAWAY_MAX_TOKENS =
            ConfigOptions.key("cost.runaway.max-tokens")
                    .longType()
                    .defaultValue(1_000_000L)
                    .withDescription(
                            "A session burning more input plus output tokens than this in the"
                                    + " window runs away.");

    public static final ConfigOption<Double> RUNAWAY_CRITICAL_FACTOR =
            ConfigOptions.key("cost.runaway.critical-factor")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "A runaway is critical when calls or tokens reach this multiple of"
                                    + " their limit when it opens.");

    public static final ConfigOption<Integer> BLOAT_MIN_GROWTH_STEPS =
            ConfigOptions.key("cost.bloat.min-growth-steps")
                    .intType()
                    .defaultValue(20)
                    .withDescription(
                            "Input-token bloat needs this many calls that each set a new maximum"
                                    + " of input tokens without the context being trimmed.");

    public static final ConfigOption<Double> BLOAT_MIN_GROWTH_FACTOR =
            ConfigOptions.key("cost.bloat.min-growth-factor")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "Input-token bloat also needs the session's input to have"
                                    + " grown to at least this many times its first call's.");

    public static final ConfigOption<Long> BLOAT_MIN_INPUT_TOKENS =
            ConfigOptions.key("cost.bloat.min-input-tokens")
                    .longType()
                    .defaultValue(24_000L)
                    .withDescription(
                            "Input-token bloat also needs the session's largest input to"
                                    + " be at least this many tokens.");

    public static final ConfigOption<Long> BLOAT_CRITICAL_INPUT_TOKENS =
            ConfigOptions.key("cost.bloat.critical-input-tokens")
                    .longType()
                    .defaultValue(100_000L)
                    .withDescription("Input bloat is critical from this input size on.");

    public static final ConfigOption<Duration> SESSION_IDLE_TIMEOUT =
            ConfigOptions.key("cost.session.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "A session without calls for this long has its open episodes"
                                    + " resolved and its state and timer dropped; at least the"
                                    + " runaway window.");

    // --- finish_reason = length surges per model ---

    public static final ConfigOption<Duration> LENGTH_WINDOW =
            ConfigOptions.key("cost.finish-length.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription("Tumbling window of the max_tokens share per model.");

    public static final ConfigOption<Duration> LENGTH_BASELINE =
            ConfigOptions.key("cost.finish-length.baseline")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription("Memory of the baseline share (EWMA of counts per window).");

    public static final ConfigOption<Duration> LENGTH_WARM_UP =
            ConfigOptions.key("cost.finish-length.warm-up")
                    .durationType()
                    .defaultValue(Duration.ofHours(2))
                    .withDescription(
                            "A model alerts only after this much time of windows with calls.");

    public static final ConfigOption<Integer> LENGTH_MIN_CALLS =
            ConfigOptions.key("cost.finish-length.min-calls")
                    .intType()
                    .defaultValue(50)
                    .withDescription("Fewest answers in a window for it to raise a surge.");

    public static final ConfigOption<Double> LENGTH_MIN_RATIO =
            ConfigOptions.key("cost.finish-length.min-ratio")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "A finish_reason = length surge needs the window's share of"
                                    + " truncated answers to be at least this multiple of the"
                                    + " baseline share.");

    public static final ConfigOption<Double> LENGTH_MIN_INCREASE =
            ConfigOptions.key("cost.finish-length.min-increase")
                    .doubleType()
                    .defaultValue(0.05)
                    .withDescription(
                            "A finish_reason = length surge also needs the share to be at"
                                    + " least this much above the baseline share (absolute; 0.05 ="
                                    + " 5 points).");

    public static final ConfigOption<Double> LENGTH_SIGNIFICANCE =
            ConfigOptions.key("cost.finish-length.significance")
                    .doubleType()
                    .defaultValue(1e-6)
                    .withDescription(
                            "p-value below which the one-sided binomial test against the"
                                    + " baseline share counts as significant.");

    public static final ConfigOption<Double> LENGTH_CRITICAL_SHARE =
            ConfigOptions.key("cost.finish-length.critical-share")
                    .doubleType()
                    .defaultValue(0.25)
                    .withDescription("A surge to at least this share is critical (else warning).");

    public static final ConfigOption<Duration> LENGTH_IDLE_TIMEOUT =
            ConfigOptions.key("cost.finish-length.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "A model without answers for this long loses its baseline; at"
                                    + " least 3 windows.");

    // --- budgets ---

    public static final ConfigOption<String> BUDGETS =
            ConfigOptions.key("cost.budgets")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Tenant budgets in USD per UTC calendar period, as"
                                    + " tenant:period:amount entries separated by ';' (period:"
                                    + " hourly, daily or monthly), e.g."
                                    + " 'acme:daily:500;globex:monthly:10000'.");

    public static final ConfigOption<Double> BUDGET_WARNING_SHARE =
            ConfigOptions.key("cost.budget.warning-share")
                    .doubleType()
                    .defaultValue(0.8)
                    .withDescription(
                            "Share of a budget at which one warning is raised per period.");

    public static final ConfigOption<Double> BUDGET_CRITICAL_SHARE =
            ConfigOptions.key("cost.budget.critical-share")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "Share of a budget at which one critical anomaly is raised per"
                                    + " period.");
}
