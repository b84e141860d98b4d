package io.llmsentinel.detectors.cost;

import java.io.Serializable;

/**
 * Limits of the per-session rules.
 *
 * @param windowMs the sliding window of the runaway rule
 * @param maxCalls a session making more calls than this in the window runs away
 * @param maxTokens or burning more input plus output tokens than this in the window
 * @param criticalFactor a runaway is critical from this multiple of a limit on
 * @param bloatMinGrowthSteps input bloat needs at least this many calls that each set a new maximum
 *     of input tokens without the context being trimmed
 * @param bloatMinGrowthFactor and the input to have grown at least this many times
 * @param bloatMinInputTokens and the latest maximum to be at least this large
 * @param bloatCriticalInputTokens bloat is critical from this input size on
 * @param idleTimeoutMs state of a session without calls for this long is dropped (and its open
 *     episodes resolved)
 */
public record SessionRules(
        long windowMs,
        long maxCalls,
        long maxTokens,
        double criticalFactor,
        int bloatMinGrowthSteps,
        double bloatMinGrowthFactor,
        long bloatMinInputTokens,
        long bloatCriticalInputTokens,
        long idleTimeoutMs)
        implements Serializable {

    /** An open runaway episode stays open until both counts fall below this share of a limit. */
    public static final double RESOLVE_SHARE = 0.5;

    public SessionRules {
        check(windowMs >= SlidingCounts.BUCKETS, "windowMs must be at least 10 ms");
        check(maxCalls >= 1, "maxCalls must be at least 1");
        check(maxTokens >= 1, "maxTokens must be at least 1");
        check(criticalFactor >= 1, "criticalFactor must be at least 1");
        check(bloatMinGrowthSteps >= 1, "bloatMinGrowthSteps must be at least 1");
        check(bloatMinGrowthFactor >= 1, "bloatMinGrowthFactor must be at least 1");
        check(bloatMinInputTokens >= 0, "bloatMinInputTokens must be >= 0");
        check(
                bloatCriticalInputTokens >= bloatMinInputTokens,
                "bloatCriticalInputTokens must be at least bloatMinInputTokens");
        check(idleTimeoutMs >= windowMs, "idleTimeoutMs must be at least the window");
    }

    public long bucketMs() {
        return windowMs / SlidingCounts.BUCKETS;
    }

    /** Whether the session's window counts breach, with hysteresis while an episode is open. */
    public boolean runawayBreached(long calls, long tokens, boolean open) {
        double share = open ? RESOLVE_SHARE : 1.0;
        return calls > maxCalls * share || tokens > maxTokens * share;
    }

    /** The larger of calls and tokens as a multiple of its limit. */
    public double runawayLoad(long calls, long tokens) {
        return Math.max((double) calls / maxCalls, (double) tokens / maxTokens);
    }

    public boolean bloatBreached(ContextGrowth g) {
        return g.newMaxima >= bloatMinGrowthSteps
                && g.growthFactor() >= bloatMinGrowthFactor
                && g.maxInput >= bloatMinInputTokens;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
