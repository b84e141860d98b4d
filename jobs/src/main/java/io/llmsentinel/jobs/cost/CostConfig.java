package io.llmsentinel.jobs.cost;

import static io.llmsentinel.jobs.config.ConfigRules.atLeast;
import static io.llmsentinel.jobs.config.ConfigRules.badValue;
import static io.llmsentinel.jobs.config.ConfigRules.check;
import static io.llmsentinel.jobs.config.ConfigRules.durationAtLeast;
import static io.llmsentinel.jobs.config.ConfigRules.nonBlank;
import static io.llmsentinel.jobs.config.ConfigRules.nonNegative;
import static io.llmsentinel.jobs.config.ConfigRules.positive;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import io.llmsentinel.detectors.cost.Budget;
import io.llmsentinel.detectors.cost.BudgetRules;
import io.llmsentinel.detectors.cost.FinishLengthRule;
import io.llmsentinel.detectors.cost.SessionRules;
import io.llmsentinel.detectors.cost.SpendRule;
import io.llmsentinel.detectors.cost.SpendScope;
import io.llmsentinel.jobs.config.CommonConfig;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.config.Range;
import io.llmsentinel.schema.pricing.PricingTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The cost job's validated, typed configuration. Everything is checked here, once, at start (the
 * pricing file is read and parsed too); every error names the offending key.
 */
public record CostConfig(
        CommonConfig common,
        String groupId,
        PricingTable pricing,
        SpendRule spend,
        SpendRule userSpend,
        SessionRules sessions,
        FinishLengthRule finishLength,
        BudgetRules budgets)
        implements DetectorConfig {

    @Override
    public Optional<String> consumerGroup() {
        return Optional.of(groupId);
    }

    /**
     * The spend and max_tokens warm-ups (the session rules and budgets need none: they are the part
     * of cost detection a short backtest still exercises).
     */
    @Override
    public Duration historyNeeded() {
        long spendMs = spend.windowMs() * spend.warmupWindows();
        long finishMs = finishLength.windowMs() * finishLength.warmupWindows();
        return Duration.ofMillis(Math.max(spendMs, finishMs));
    }

    public static CostConfig from(Configuration conf) {
        return new CostConfig(
                CommonConfig.from(conf, CostOptions.STARTING_OFFSETS),
                nonBlank(conf, CostOptions.GROUP_ID),
                pricing(conf),
                spend(conf, CostOptions.SPEND_MIN_DELTA_USD),
                spend(conf, CostOptions.SPEND_USER_MIN_DELTA_USD),
                sessions(conf),
                finishLength(conf),
                budgets(conf));
    }

    /** The rule of one spend scope: users have their own dollar floor. */
    public SpendRule spend(SpendScope scope) {
        return scope == SpendScope.USER ? userSpend : spend;
    }

    private static PricingTable pricing(Configuration conf) {
        String file = conf.get(CostOptions.PRICING_FILE).trim();
        if (file.isEmpty()) {
            return PricingTable.loadDefault();
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw badValue(conf, CostOptions.PRICING_FILE, "cannot read " + path);
        }
        try {
            return PricingTable.load(path);
        } catch (RuntimeException e) {
            throw badValue(conf, CostOptions.PRICING_FILE, e);
        }
    }

    /** The spend rule with the dollar floor of {@code minDelta}; the rest is shared. */
    private static SpendRule spend(Configuration conf, ConfigOption<Double> minDelta) {
        BaselineWindows w =
                BaselineWindows.read(
                        conf,
                        CostOptions.SPEND_WINDOW,
                        CostOptions.SPEND_BASELINE,
                        CostOptions.SPEND_WARM_UP,
                        2);
        return new SpendRule(
                w.windowMs(),
                w.baseline(),
                w.warmUp(),
                within(conf, CostOptions.SPEND_K, Range.openClosed(0, 20)),
                atLeast(conf, CostOptions.SPEND_CRITICAL_SIGMA, CostOptions.SPEND_K),
                atLeast(conf, CostOptions.SPEND_MIN_RATIO, 1.0),
                nonNegative(conf, minDelta),
                positive(conf, CostOptions.SPEND_MIN_CALLS),
                durationAtLeast(conf, CostOptions.SPEND_IDLE_TIMEOUT, w.idleFloor()).toMillis());
    }

    private static SessionRules sessions(Configuration conf) {
        Duration window = durationAtLeast(conf, CostOptions.RUNAWAY_WINDOW, Duration.ofSeconds(10));
        return new SessionRules(
                window.toMillis(),
                positive(conf, CostOptions.RUNAWAY_MAX_CALLS),
                positive(conf, CostOptions.RUNAWAY_MAX_TOKENS),
                atLeast(conf, CostOptions.RUNAWAY_CRITICAL_FACTOR, 1.0),
                atLeast(conf, CostOptions.BLOAT_MIN_GROWTH_STEPS, 2),
                atLeast(conf, CostOptions.BLOAT_MIN_GROWTH_FACTOR, 1.0),
                nonNegative(conf, CostOptions.BLOAT_MIN_INPUT_TOKENS),
                atLeast(
                        conf,
                        CostOptions.BLOAT_CRITICAL_INPUT_TOKENS,
                        CostOptions.BLOAT_MIN_INPUT_TOKENS),
                durationAtLeast(conf, CostOptions.SESSION_IDLE_TIMEOUT, CostOptions.RUNAWAY_WINDOW)
                        .toMillis());
    }

    private static FinishLengthRule finishLength(Configuration conf) {
        BaselineWindows w =
                BaselineWindows.read(
                        conf,
                        CostOptions.LENGTH_WINDOW,
                        CostOptions.LENGTH_BASELINE,
                        CostOptions.LENGTH_WARM_UP,
                        1);
        return new FinishLengthRule(
                w.windowMs(),
                w.baseline(),
                w.warmUp(),
                positive(conf, CostOptions.LENGTH_MIN_CALLS),
                atLeast(conf, CostOptions.LENGTH_MIN_RATIO, 1.0),
                within(conf, CostOptions.LENGTH_MIN_INCREASE, Range.closedOpen(0, 1)),
                within(conf, CostOptions.LENGTH_SIGNIFICANCE, Range.open(0, 1)),
                within(conf, CostOptions.LENGTH_CRITICAL_SHARE, Range.openClosed(0, 1)),
                durationAtLeast(conf, CostOptions.LENGTH_IDLE_TIMEOUT, w.idleFloor()).toMillis());
    }

    private static BudgetRules budgets(Configuration conf) {
        List<Budget> budgets;
        try {
            budgets = Budget.parseList(conf.get(CostOptions.BUDGETS));
        } catch (IllegalArgumentException e) {
            throw badValue(conf, CostOptions.BUDGETS, e);
        }
        double warning = positive(conf, CostOptions.BUDGET_WARNING_SHARE);
        double critical =
                check(
                        conf,
                        CostOptions.BUDGET_CRITICAL_SHARE,
                        c -> Double.isFinite(c) && c > warning,
                        "must be more than " + CostOptions.BUDGET_WARNING_SHARE.key());
        return new BudgetRules(budgets, warning, critical);
    }

    /**
     * A tumbling window with a rolling baseline and a warm-up, both counted in windows (rounded up,
     * at least {@code minWindows}; the warm-up no longer than the baseline).
     */
    private record BaselineWindows(long windowMs, long baseline, long warmUp) {
        static BaselineWindows read(
                Configuration conf,
                ConfigOption<Duration> window,
                ConfigOption<Duration> baseline,
                ConfigOption<Duration> warmUp,
                long minWindows) {
            long ms = durationAtLeast(conf, window, Duration.ofSeconds(1)).toMillis();
            long baselineWindows = count(conf, baseline, ms, minWindows);
            long warmUpWindows = count(conf, warmUp, ms, minWindows);
            if (warmUpWindows > baselineWindows) {
                throw badValue(conf, warmUp, "must not exceed " + baseline.key());
            }
            return new BaselineWindows(ms, baselineWindows, warmUpWindows);
        }

        /** Idle state must outlive three windows: an episode needs two clear ones to resolve. */
        Duration idleFloor() {
            return Duration.ofMillis(3 * windowMs);
        }

        private static long count(
                Configuration conf, ConfigOption<Duration> option, long windowMs, long min) {
            long windows = Math.max(0, (conf.get(option).toMillis() + windowMs - 1) / windowMs);
            if (windows < min) {
                throw badValue(conf, option, "must cover at least " + min + " window(s)");
            }
            return windows;
        }
    }
}
