package io.llmsentinel.jobs.cost;

import static io.llmsentinel.jobs.config.JobConfig.require;

import io.llmsentinel.detectors.cost.Budget;
import io.llmsentinel.detectors.cost.BudgetRules;
import io.llmsentinel.detectors.cost.FinishLengthRule;
import io.llmsentinel.detectors.cost.SessionRules;
import io.llmsentinel.detectors.cost.SpendRule;
import io.llmsentinel.detectors.cost.SpendScope;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.schema.pricing.PricingTable;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The cost job's validated, typed configuration. Everything is checked here, once, at start (the
 * pricing file is read and parsed too); every error names the offending key.
 */
public record CostConfig(
        KafkaSettings kafka,
        WatermarkSettings watermarks,
        JobSettings job,
        String groupId,
        StartingOffsets startingOffsets,
        PricingTable pricing,
        SpendRule spend,
        SpendRule userSpend,
        SessionRules sessions,
        FinishLengthRule finishLength,
        BudgetRules budgets)
        implements Serializable {

    public static CostConfig from(Configuration conf) {
        StartingOffsets offsets = conf.get(CostOptions.STARTING_OFFSETS);
        String groupId = conf.get(CostOptions.GROUP_ID).trim();
        require(!groupId.isEmpty(), CostOptions.GROUP_ID, "must not be blank");
        return new CostConfig(
                KafkaSettings.from(conf),
                WatermarkSettings.from(conf),
                JobSettings.from(conf),
                groupId,
                offsets,
                pricing(conf),
                spend(
                        conf,
                        conf.get(CostOptions.SPEND_MIN_DELTA_USD),
                        CostOptions.SPEND_MIN_DELTA_USD),
                spend(
                        conf,
                        conf.get(CostOptions.SPEND_USER_MIN_DELTA_USD),
                        CostOptions.SPEND_USER_MIN_DELTA_USD),
                sessions(conf),
                finishLength(conf),
                budgets(conf));
    }

    private static PricingTable pricing(Configuration conf) {
        String file = conf.get(CostOptions.PRICING_FILE).trim();
        if (file.isEmpty()) {
            return PricingTable.loadDefault();
        }
        Path path = Path.of(file);
        require(Files.isReadable(path), CostOptions.PRICING_FILE, "cannot read " + path);
        try {
            return PricingTable.load(path);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "bad value for '" + CostOptions.PRICING_FILE.key() + "': " + e.getMessage(), e);
        }
    }

    /** The rule of one spend scope: users have their own dollar floor. */
    public SpendRule spend(SpendScope scope) {
        return scope == SpendScope.USER ? userSpend : spend;
    }

    private static SpendRule spend(
            Configuration conf, double delta, ConfigOption<Double> deltaOption) {
        long window = positive(conf, CostOptions.SPEND_WINDOW);
        long baseline = windows(conf, CostOptions.SPEND_BASELINE, window, 2);
        long warmUp = windows(conf, CostOptions.SPEND_WARM_UP, window, 2);
        require(
                warmUp <= baseline,
                CostOptions.SPEND_WARM_UP,
                "must not exceed " + CostOptions.SPEND_BASELINE.key());
        double k = conf.get(CostOptions.SPEND_K);
        require(k > 0 && k <= 20, CostOptions.SPEND_K, "must be in (0, 20]");
        double critical = conf.get(CostOptions.SPEND_CRITICAL_SIGMA);
        require(
                critical >= k,
                CostOptions.SPEND_CRITICAL_SIGMA,
                "must be at least " + CostOptions.SPEND_K.key());
        double ratio = conf.get(CostOptions.SPEND_MIN_RATIO);
        require(ratio >= 1, CostOptions.SPEND_MIN_RATIO, "must be at least 1");
        require(delta >= 0, deltaOption, "must be >= 0");
        int minCalls = conf.get(CostOptions.SPEND_MIN_CALLS);
        require(minCalls >= 1, CostOptions.SPEND_MIN_CALLS, "must be at least 1");
        long idle = atLeast(conf, CostOptions.SPEND_IDLE_TIMEOUT, 3 * window, "3 windows");
        return new SpendRule(window, baseline, warmUp, k, critical, ratio, delta, minCalls, idle);
    }

    private static SessionRules sessions(Configuration conf) {
        long window = atLeast(conf, CostOptions.RUNAWAY_WINDOW, 10_000, "10 s");
        int maxCalls = conf.get(CostOptions.RUNAWAY_MAX_CALLS);
        require(maxCalls >= 1, CostOptions.RUNAWAY_MAX_CALLS, "must be at least 1");
        long maxTokens = conf.get(CostOptions.RUNAWAY_MAX_TOKENS);
        require(maxTokens >= 1, CostOptions.RUNAWAY_MAX_TOKENS, "must be at least 1");
        double critical = conf.get(CostOptions.RUNAWAY_CRITICAL_FACTOR);
        require(critical >= 1, CostOptions.RUNAWAY_CRITICAL_FACTOR, "must be at least 1");
        int steps = conf.get(CostOptions.BLOAT_MIN_GROWTH_STEPS);
        require(steps >= 2, CostOptions.BLOAT_MIN_GROWTH_STEPS, "must be at least 2");
        double factor = conf.get(CostOptions.BLOAT_MIN_GROWTH_FACTOR);
        require(factor >= 1, CostOptions.BLOAT_MIN_GROWTH_FACTOR, "must be at least 1");
        long minInput = conf.get(CostOptions.BLOAT_MIN_INPUT_TOKENS);
        require(minInput >= 0, CostOptions.BLOAT_MIN_INPUT_TOKENS, "must be >= 0");
        long criticalInput = conf.get(CostOptions.BLOAT_CRITICAL_INPUT_TOKENS);
        require(
                criticalInput >= minInput,
                CostOptions.BLOAT_CRITICAL_INPUT_TOKENS,
                "must be at least " + CostOptions.BLOAT_MIN_INPUT_TOKENS.key());
        long idle = atLeast(conf, CostOptions.SESSION_IDLE_TIMEOUT, window, "the runaway window");
        return new SessionRules(
                window,
                maxCalls,
                maxTokens,
                critical,
                steps,
                factor,
                minInput,
                criticalInput,
                idle);
    }

    private static FinishLengthRule finishLength(Configuration conf) {
        long window = positive(conf, CostOptions.LENGTH_WINDOW);
        long baseline = windows(conf, CostOptions.LENGTH_BASELINE, window, 1);
        long warmUp = windows(conf, CostOptions.LENGTH_WARM_UP, window, 1);
        require(
                warmUp <= baseline,
                CostOptions.LENGTH_WARM_UP,
                "must not exceed " + CostOptions.LENGTH_BASELINE.key());
        int minCalls = conf.get(CostOptions.LENGTH_MIN_CALLS);
        require(minCalls >= 1, CostOptions.LENGTH_MIN_CALLS, "must be at least 1");
        double ratio = conf.get(CostOptions.LENGTH_MIN_RATIO);
        require(ratio >= 1, CostOptions.LENGTH_MIN_RATIO, "must be at least 1");
        double increase = conf.get(CostOptions.LENGTH_MIN_INCREASE);
        require(
                increase >= 0 && increase < 1,
                CostOptions.LENGTH_MIN_INCREASE,
                "must be in [0, 1)");
        double significance = conf.get(CostOptions.LENGTH_SIGNIFICANCE);
        require(
                significance > 0 && significance < 1,
                CostOptions.LENGTH_SIGNIFICANCE,
                "must be in (0, 1)");
        double critical = conf.get(CostOptions.LENGTH_CRITICAL_SHARE);
        require(
                critical > 0 && critical <= 1,
                CostOptions.LENGTH_CRITICAL_SHARE,
                "must be in (0, 1]");
        long idle = atLeast(conf, CostOptions.LENGTH_IDLE_TIMEOUT, 3 * window, "3 windows");
        return new FinishLengthRule(
                window, baseline, warmUp, minCalls, ratio, increase, significance, critical, idle);
    }

    private static BudgetRules budgets(Configuration conf) {
        List<Budget> budgets;
        try {
            budgets = Budget.parseList(conf.get(CostOptions.BUDGETS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bad value for '" + CostOptions.BUDGETS.key() + "': " + e.getMessage(), e);
        }
        double warning = conf.get(CostOptions.BUDGET_WARNING_SHARE);
        require(warning > 0, CostOptions.BUDGET_WARNING_SHARE, "must be positive");
        double critical = conf.get(CostOptions.BUDGET_CRITICAL_SHARE);
        require(
                critical > warning,
                CostOptions.BUDGET_CRITICAL_SHARE,
                "must exceed " + CostOptions.BUDGET_WARNING_SHARE.key());
        return new BudgetRules(budgets, warning, critical);
    }

    private static long positive(Configuration conf, ConfigOption<Duration> option) {
        return atLeast(conf, option, 1_000, "1 s");
    }

    private static long atLeast(
            Configuration conf, ConfigOption<Duration> option, long minMs, String what) {
        long ms = conf.get(option).toMillis();
        require(ms >= minMs, option, "must be at least " + what);
        return ms;
    }

    /** A duration as a whole number of windows (rounded up), at least {@code min}. */
    private static long windows(
            Configuration conf, ConfigOption<Duration> option, long windowMs, long min) {
        long ms = conf.get(option).toMillis();
        long windows = Math.max(0, (ms + windowMs - 1) / windowMs);
        require(windows >= min, option, "must cover at least " + min + " window(s)");
        return windows;
    }

    // JobConfig.require is package-private to the config package; same message format.
}
